package dev.jgym.core.env;

import dev.jgym.core.rng.Rng;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.space.Space;

/**
 * An env around {@link #inner()} that hands it what it does not change: the action space,
 * action sampling, the random stream, the scene, the spec and {@code close}. {@link Wrapper}
 * (same observations) and the observation wrappers (new observations) share these.
 */
public interface ForwardingEnv<O, A> extends Env<O, A> {
    /** The env directly inside. */
    Env<?, A> inner();

    @Override
    default Space<A> actionSpace() {
        return inner().actionSpace();
    }

    @Override
    default A sampleAction() {
        return inner().sampleAction();
    }

    @Override
    default Rng rng() {
        return inner().rng();
    }

    @Override
    default Scene scene(Annotations annotations) {
        return inner().scene(annotations);
    }

    @Override
    default EnvSpec spec() {
        return inner().spec();
    }

    @Override
    default void close() {
        inner().close();
    }
}
