package dev.jgym.agents.dqn;

import dev.jgym.nn.Param;
import dev.jgym.nn.layers.Sequential;
import java.util.List;

/**
 * What {@link DqnTraining} drives ({@link Learners} builds the one a config asks for). Each
 * learner writes and reads its own state, its replay's and its exploration's ({@link State}).
 * The learners share the epsilon schedule, the TD targets, the loss, the optimizer and the target
 * updates; they differ in the network, the replay and whether acting carries a memory from step to step.
 */
public interface Learner extends State {
    /** A gradient step's mean loss and mean Q(s, a) over its minibatch. */
    record StepStats(double loss, double meanQ) {}

    /** Epsilon-greedy on the training episode's observation (advancing the training memory, if any). */
    int act(float[] observation, double epsilon);

    /** A training episode starts: forget the training memory (no-op without one). */
    void startEpisode();

    /** Stores one env step. */
    void observe(float[] state, int action, double reward, float[] next, boolean terminated, boolean truncated);

    /** Transitions stored so far (at most the capacity); updates wait for a minibatch's worth. */
    int stored();

    /** One gradient step; {@code beta} is prioritized replay's importance exponent. */
    StepStats trainStep(double beta);

    /** Hard copy or Polyak averaging of the online network into the target network. */
    void updateTarget();

    /** Gradient steps taken so far. */
    long updates();

    /** The online network's parameters. */
    List<Param> params();

    /** The online network as a core {@link Sequential} for a model file, or null when it is not a chain. */
    Sequential model();

    /** The discriminator that rewards an adversarial-imitation run, or null (only the feed-forward learner imitates). */
    default AdversarialImitation imitation() {
        return null;
    }

    /** A greedy policy with its own memory, for evaluation episodes (the training memory stays as it is). */
    Actor greedyActor();

    /** A greedy policy: argmax_a Q(s, a), with the memory of its episode so far when the network has one. */
    interface Actor {
        /** An episode starts. */
        void reset();

        /** The greedy action for the episode's next observation (the first on ties). */
        int greedy(float[] observation);

        /** Q(s, .) of the last {@link #greedy} call (a buffer: read, do not keep). */
        float[] lastValues();
    }
}
