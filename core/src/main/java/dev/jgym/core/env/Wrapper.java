package dev.jgym.core.env;

import dev.jgym.core.rng.Rng;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.space.Space;
import java.util.Map;

/**
 * An env around another env: by default every call passes through, so a wrapper overrides only
 * what it changes (Gymnasium's {@code Wrapper}). Wrappers compose in any order.
 */
public abstract class Wrapper<O, A> implements Env<O, A> {
    protected final Env<O, A> env;

    protected Wrapper(Env<O, A> env) {
        this.env = java.util.Objects.requireNonNull(env, "env");
    }

    /** The env directly inside this wrapper. */
    public Env<O, A> inner() {
        return env;
    }

    @Override
    public Space<O> observationSpace() {
        return env.observationSpace();
    }

    @Override
    public Space<A> actionSpace() {
        return env.actionSpace();
    }

    @Override
    public Reset<O> reset(Long seed, Map<String, ?> options) {
        return env.reset(seed, options);
    }

    @Override
    public Step<O> step(A action) {
        return env.step(action);
    }

    @Override
    public A sampleAction() {
        return env.sampleAction();
    }

    @Override
    public Rng rng() {
        return env.rng();
    }

    @Override
    public Scene scene(Annotations annotations) {
        return env.scene(annotations);
    }

    @Override
    public EnvSpec spec() {
        return env.spec();
    }

    @Override
    public Env<O, A> unwrapped() {
        return env.unwrapped();
    }

    @Override
    public void close() {
        env.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "<" + env + ">";
    }
}
