package dev.jgym.agents.dqn;

import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import java.util.List;

/**
 * A Q-network over replayed sequences, DRQN's core ({@link DrqnLearner}): the {@link RecurrentQNetwork}
 * (an LSTM or GRU carries a state) or the {@link AttentionQNetwork} (a causal Transformer reads the
 * last observations). Both read a {@link SequenceReplay.Batch}: B burn-in steps (context, no loss),
 * then an unroll of {@code U = T + 1} steps whose every step gets Q-values ({@code [N U, A]}, row
 * {@code n U + k}); both act one step at a time from a {@link Memory} of the episode so far.
 */
public interface SequenceQNetwork {

    /** Every trained tensor, in a fixed order (checkpoints, optimizers, copies). */
    List<Param> params();

    /** Buffers for batches of {@code rows} sequences. */
    Pass pass(int rows);

    /** Q for every step of the batch's unroll, in the pass's {@code [N U, A]}; the burn-in is context only. */
    Tensor forward(Pass pass, SequenceReplay.Batch batch);

    /** Backpropagates dL/dQ ({@link Pass#dq}) through the last {@link #forward} of this pass, adding into every gradient. */
    void backward(Pass pass);

    /** A fresh memory, for one episode of acting. */
    Memory memory();

    /** One acting step: Q(o_1..o_t, .) from the memory and {@code observation}, which the memory takes in. Returns the network's {@code [A]} buffer (read, do not keep). */
    float[] step(Memory memory, float[] observation);

    /** Copies every parameter of {@code other} (same architecture) into this network. */
    default void copyFrom(SequenceQNetwork other) {
        QNetwork.copy(params(), other.params());
    }

    /** Polyak averaging: theta <- tau theta_other + (1 - tau) theta. */
    void blendFrom(SequenceQNetwork other, float tau);

    /** The buffers of one batch of sequences. */
    interface Pass {
        /** dL/dQ, {@code [N U, A]}: the caller writes it before {@link SequenceQNetwork#backward}. */
        Tensor dq();
    }

    /** What one acting episode remembers; an episode starts from {@link #reset}. */
    interface Memory {
        /** Back to an episode's start. */
        void reset();

        /** The memory's two arrays, copied (for checkpoints). */
        float[][] saved();

        /** Puts back what {@link #saved} returned. */
        void restore(float[][] saved);
    }
}
