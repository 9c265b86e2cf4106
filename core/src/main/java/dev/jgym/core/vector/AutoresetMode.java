package dev.jgym.core.vector;

/**
 * What a vector env does with a sub-env whose episode just ended (Gymnasium 1.x's
 * {@code AutoresetMode}).
 */
public enum AutoresetMode {
    /**
     * The default. The step that ends an episode returns its last observation with the flags set;
     * the <em>next</em> step of that sub-env ignores its action, resets it and returns the first
     * observation of the new episode with reward 0 and both flags false.
     */
    NEXT_STEP,
    /**
     * The step that ends an episode resets the sub-env at once: its observation slot holds the
     * first observation of the new episode, the flags and reward belong to the finished one, and
     * the last observation of the finished episode is in {@link VectorEnv#finalObservations()}
     * with {@link VectorEnv#hasFinalObservation()} set (Gymnasium's {@code info["final_obs"]}).
     */
    SAME_STEP
}
