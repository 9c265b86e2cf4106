package dev.jgym.core.env.wrappers;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.ForwardingEnv;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import java.util.Map;

/**
 * An env whose observation is a float vector made from the inner env's (Gymnasium's
 * {@code ObservationWrapper}): {@link #observation} turns each reset's and step's observation
 * into this env's; rewards, flags and info pass through, and what {@link ForwardingEnv} forwards.
 */
public abstract class ObservationWrapper<A> implements ForwardingEnv<float[], A> {
    protected final Env<?, A> env;

    protected ObservationWrapper(Env<?, A> env) {
        this.env = java.util.Objects.requireNonNull(env, "env");
    }

    /** This env's observation where the inner env shows {@code inner}. */
    protected abstract float[] observation(Object inner);

    @Override
    public Env<?, A> inner() {
        return env;
    }

    @Override
    public Reset<float[]> reset(Long seed, Map<String, ?> options) {
        Reset<?> r = env.reset(seed, options);
        return new Reset<>(observation(r.observation()), r.info());
    }

    @Override
    public Step<float[]> step(A action) {
        Step<?> s = env.step(action);
        return new Step<>(observation(s.observation()), s.reward(), s.terminated(), s.truncated(), s.info());
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "<" + env + ">";
    }
}
