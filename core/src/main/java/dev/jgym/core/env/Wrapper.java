package dev.jgym.core.env;

import dev.jgym.core.space.Space;
import java.util.Map;

/**
 * An env around another env: by default every call passes through (the observation side here,
 * the rest in {@link ForwardingEnv}), so a wrapper overrides only what it changes (Gymnasium's
 * {@code Wrapper}). Wrappers compose in any order.
 */
public abstract class Wrapper<O, A> implements ForwardingEnv<O, A> {
    protected final Env<O, A> env;

    protected Wrapper(Env<O, A> env) {
        this.env = java.util.Objects.requireNonNull(env, "env");
    }

    /** The env directly inside this wrapper. */
    @Override
    public Env<O, A> inner() {
        return env;
    }

    @Override
    public Space<O> observationSpace() {
        return env.observationSpace();
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
    public Env<O, A> unwrapped() {
        return env.unwrapped();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "<" + env + ">";
    }
}
