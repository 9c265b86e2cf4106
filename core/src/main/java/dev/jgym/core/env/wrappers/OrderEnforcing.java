package dev.jgym.core.env.wrappers;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvSpec;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.env.Wrapper;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Scene;
import java.util.Map;

/**
 * Makes calling {@code step} or {@code scene} before {@code reset}, or anything after
 * {@code close}, an error with a clear message (Gymnasium's {@code OrderEnforcing}).
 * {@link dev.jgym.core.env.EnvRegistry#make} puts it directly around every env it builds and
 * gives it the spec the env was made from.
 */
public final class OrderEnforcing<O, A> extends Wrapper<O, A> {
    private final EnvSpec spec;
    private boolean hasReset;
    private boolean closed;

    public OrderEnforcing(Env<O, A> env) {
        this(env, env.spec());
    }

    public OrderEnforcing(Env<O, A> env, EnvSpec spec) {
        super(env);
        this.spec = spec;
    }

    private String name() {
        return spec == null ? env.unwrapped().getClass().getSimpleName() : spec.id();
    }

    @Override
    public Reset<O> reset(Long seed, Map<String, ?> options) {
        if (closed) throw new IllegalStateException(name() + ": reset() called after close()");
        hasReset = true;
        return env.reset(seed, options);
    }

    @Override
    public Step<O> step(A action) {
        if (closed) throw new IllegalStateException(name() + ": step() called after close()");
        if (!hasReset) throw new IllegalStateException(name() + ": step() called before reset(); call reset() to start an episode");
        return env.step(action);
    }

    @Override
    public Scene scene(Annotations annotations) {
        if (!hasReset) throw new IllegalStateException(name() + ": scene() called before reset(); call reset() first");
        return env.scene(annotations);
    }

    /** True once {@code reset} has been called. */
    public boolean hasReset() {
        return hasReset;
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        env.close();
    }
}
