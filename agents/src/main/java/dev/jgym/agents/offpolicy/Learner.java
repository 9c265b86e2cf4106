package dev.jgym.agents.offpolicy;

import dev.jgym.core.rng.Rng;
import dev.jgym.nn.Param;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/** What the training loop needs of an off-policy actor-critic; actions are in [-1, 1]^d (the loop rescales them to the env's bounds). */
interface Learner {
    /** A minibatch from the replay buffer: s, a, r, s' and the discount (gamma, or 0 on termination), row-major. */
    record Batch(int size, float[] obs, float[] actions, float[] rewards, float[] next, float[] discounts) {}

    /** What one update reports; NaN where the algorithm has no such number (or the actor did not update). */
    record Stats(double q1Loss, double q2Loss, double actorLoss, double alpha, double entropy) {
        boolean finite() {
            return Double.isFinite(q1Loss) && (Double.isNaN(q2Loss) || Double.isFinite(q2Loss))
                    && (Double.isNaN(actorLoss) || Double.isFinite(actorLoss));
        }
    }

    /** An exploring action for one observation, its draws from {@code rng}. */
    void explore(float[] obs, Rng rng, float[] action);

    /** The deterministic action for one observation (SAC: tanh of the mean; TD3: the actor's output). */
    void deterministic(float[] obs, float[] action);

    /** The spread of the exploring action around the last deterministic one, per dimension, in [-1, 1] units. */
    double[] lastStd();

    /** One gradient step on {@code batch}. */
    Stats update(Batch batch);

    /** Gradient steps taken. */
    long updates();

    /** Every network's parameters (for counting). */
    List<Param> params();

    void write(DataOutputStream out) throws IOException;

    void read(DataInputStream in) throws IOException;
}
