package dev.jgym.core.vector;

import dev.jgym.core.rng.Rng;
import dev.jgym.core.space.Space;

/**
 * N copies of an env stepped as one, with everything in flat preallocated arrays (Gymnasium's
 * {@code VectorEnv}): sub-env i's observation is {@code observations()[i * d .. i * d + d)} with
 * {@code d = observationSize()}; rewards and flags are indexed by i.
 *
 * <p>The arrays returned by {@link #observations()}, {@link #rewards()}, {@link #terminated()},
 * {@link #truncated()}, {@link #finalObservations()} and {@link #hasFinalObservation()} are the
 * env's own buffers: they are overwritten by the next {@code reset} or {@code step}, so copy what
 * must outlive it. A step allocates nothing in an implementation that says so.
 *
 * <p>Autoreset: see {@link AutoresetMode}; {@link AutoresetMode#NEXT_STEP} is the default.
 *
 * <p>Seeding rule: {@code reset(seed)} resets sub-env i with {@link #subEnvSeed(long, int)
 * subEnvSeed(seed, i)} = {@code new Rng(seed).child(i).seed()}, so sub-env i of a vector behaves
 * exactly like a single env reset with that seed; {@code reset(null)} continues every sub-env's
 * stream. Later automatic resets never take a seed.
 *
 * <p>Stepping may be spread over threads; results never depend on the thread count.
 */
public interface VectorEnv extends AutoCloseable {

    /** The seed sub-env {@code index} is reset with when the vector is reset with {@code rootSeed}. */
    static long subEnvSeed(long rootSeed, int index) {
        return new Rng(rootSeed).child(index).seed();
    }

    int numEnvs();

    /** The observation space of one sub-env (a Box of float32). */
    Space<float[]> singleObservationSpace();

    /** The action space of one sub-env. */
    Space<?> singleActionSpace();

    /** Floats per sub-env observation. */
    int observationSize();

    AutoresetMode autoresetMode();

    /** Resets every sub-env (seeded by the rule above when {@code seed} is not null); fills {@link #observations()}. */
    void reset(Long seed);

    /** Steps every sub-env with a discrete action each ({@code actions.length == numEnvs()}). */
    void step(int[] actions);

    /** Steps every sub-env with a Box action each, flat: {@code numEnvs() * actionSize} floats. */
    default void step(float[] actions) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " takes discrete actions: call step(int[])");
    }

    float[] observations();

    double[] rewards();

    boolean[] terminated();

    boolean[] truncated();

    /** Same-step mode: the last observation of the episodes that ended this step (see {@link #hasFinalObservation()}). */
    float[] finalObservations();

    /** Same-step mode: which sub-envs ended an episode this step; always false in next-step mode. */
    boolean[] hasFinalObservation();

    @Override
    void close();
}
