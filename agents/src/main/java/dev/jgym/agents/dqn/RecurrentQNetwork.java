package dev.jgym.agents.dqn;

import dev.jgym.nn.ActivationKind;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Init;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.layers.Activation;
import dev.jgym.nn.layers.Dense;
import dev.jgym.nn.layers.Layer;
import dev.jgym.nn.layers.Recurrent;
import dev.jgym.nn.layers.Sequential;
import dev.jgym.core.rng.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * The recurrent action-value network of DRQN (Hausknecht and Stone, 2015): an optional MLP on
 * each observation, a recurrent core (the NN core's {@link Recurrent}, LSTM or GRU) that carries
 * a state from step to step, and a Q head on the state (a {@link QNetwork} without hidden layers:
 * plain or dueling).
 *
 * <pre>
 *   e_t = MLP(o_t),   (h_t, c_t) = LSTM(e_t, h_{t-1}, c_{t-1}),   Q(o_1..o_t, .) = head(h_t)
 * </pre>
 * One core, three unrolls sharing its parameters ({@link Recurrent#sharing}): one step at a time
 * for acting (the state lives in a {@link Memory}), the burn-in (Kapturowski et al., 2019), which
 * only warms the state (no gradient crosses into it), and the training unroll, whose every step
 * gets Q-values. Inputs of a batch of sequences are rows {@code [N, U * F]} (step t of sequence n
 * at columns {@code t F ..}), outputs {@code [N U, A]} (row {@code n U + t}); a mask
 * {@code [N, U]} marks padding, where the state stays as it was.
 */
public final class RecurrentQNetwork implements SequenceQNetwork {
    private final Backend backend;
    private final int inputs, embedding, hidden, actions, unroll, burnIn;
    private final Sequential pre; // null without an MLP before the core
    private final Recurrent train, burn, step;
    private final QNetwork head;
    private final QNetwork.Pass actPass;
    private final Tensor actInput;
    private final List<Param> params = new ArrayList<>();

    /**
     * @param unroll steps of the training unroll; @param burnIn steps of the burn-in unroll (0: none)
     */
    public RecurrentQNetwork(Backend backend, int inputs, int[] mlp, String activation, Recurrent.Cell cell, int hidden, int actions,
                             boolean dueling, Init init, int unroll, int burnIn, Rng rng) {
        this.backend = backend;
        this.inputs = inputs;
        this.hidden = hidden;
        this.actions = actions;
        this.unroll = unroll;
        this.burnIn = burnIn;
        this.pre = mlp(backend, inputs, mlp, activation, init, rng);
        int width = mlp.length == 0 ? inputs : mlp[mlp.length - 1];
        this.embedding = width;
        if (pre != null) params.addAll(pre.params());
        this.train = new Recurrent(backend, cell, width, hidden, unroll, true, true, 0, rng.child("core"));
        this.burn = burnIn > 0 ? train.sharing(burnIn, false, true) : null;
        this.step = train.sharing(1, true, true);
        params.addAll(train.params());
        this.head = new QNetwork(backend, hidden, new int[0], activation, actions, dueling, init, rng.child("head"));
        params.addAll(head.params());
        this.actPass = head.pass(1);
        this.actInput = Tensor.zeros(1, inputs);
    }

    /** The MLP applied to every observation on its own (null without hidden layers); its layers draw from {@code rng.child("layer").child(l)}. */
    static Sequential mlp(Backend backend, int inputs, int[] mlp, String activation, Init init, Rng rng) {
        ActivationKind kind = ActivationKind.byId(activation);
        if (kind == null) throw new IllegalArgumentException("unknown activation " + activation);
        List<Layer> layers = new ArrayList<>();
        int width = inputs;
        for (int l = 0; l < mlp.length; l++) {
            layers.add(new Dense(backend, width, mlp[l], init, Init.constant(0), rng.child("layer").child(l)));
            layers.add(new Activation(backend, kind));
            width = mlp[l];
        }
        return layers.isEmpty() ? null : new Sequential(layers);
    }

    public int inputs() {
        return inputs;
    }

    public int actions() {
        return actions;
    }

    public int hidden() {
        return hidden;
    }

    /** Weights and biases: the MLP's, the core's ({@code weight_ih, weight_hh, bias_ih, bias_hh}), the head's. */
    @Override
    public List<Param> params() {
        return params;
    }

    @Override
    public Sequences pass(int rows) {
        return new Sequences(rows);
    }

    /** The MLP on every step: {@code [N, U * F]} to {@code [N, U * E]}. */
    private Tensor embed(Tensor x, int rows, int steps) {
        if (pre == null) return x;
        return pre.forward(x.reshape(rows * steps, inputs)).reshape(rows, steps * embedding);
    }

    /**
     * The state after the burn-in: {@code [N, H]} hidden and cell state from zeros over
     * {@code x [N, B * F]} with padding {@code mask [N, B]} (the state stays zero over leading
     * padding, as at an episode's start). Returns {h, c}.
     */
    public Tensor[] burnIn(Tensor x, Tensor mask) {
        int rows = x.rows();
        if (burn == null) return new Tensor[] {Tensor.zeros(rows, hidden), Tensor.zeros(rows, hidden)};
        burn.resetState();
        burn.setMask(mask);
        burn.forward(embed(x, rows, burnIn));
        return new Tensor[] {burn.state(), burn.cellState()};
    }

    /**
     * Q for every step of the training unroll over {@code x [N, U * F]} (padding {@code mask [N, U]})
     * from the state {h, c}; returns the pass's {@code [N U, A]}. The state is a constant here: the
     * gradient of {@link #backward} stops at it.
     */
    public Tensor forward(Sequences p, Tensor h, Tensor c, Tensor x, Tensor mask) {
        train.setState(h, c);
        train.setMask(mask);
        Tensor out = train.forward(embed(x, p.rows, unroll));
        return head.forward(p.head, out.reshape(p.rows * unroll, hidden));
    }

    /** The burn-in from a zero state, then the unroll from the state it reached. */
    @Override
    public Tensor forward(SequenceQNetwork.Pass p, SequenceReplay.Batch b) {
        Tensor[] s = burnIn(b.burnX, b.burnMask);
        return forward((Sequences) p, s[0], s[1], b.x, b.mask);
    }

    @Override
    public void backward(SequenceQNetwork.Pass p) {
        backward((Sequences) p);
    }

    /**
     * Backpropagates dL/dQ (the pass's {@link Sequences#dq}) through the last training unroll,
     * adding into every parameter's gradient (backpropagation through time over its steps).
     */
    public void backward(Sequences p) {
        head.backward(p.head, p.dState);
        Tensor dx = train.backward(p.dState.reshape(p.rows, unroll * hidden), pre != null);
        if (pre != null) pre.backward(dx.reshape(p.rows * unroll, embedding), false);
    }

    @Override
    public void blendFrom(SequenceQNetwork other, float tau) {
        QNetwork.blend(backend, params, other.params(), tau);
    }

    /** A fresh memory (zero state), for one episode of acting. */
    @Override
    public Memory memory() {
        return new Memory();
    }

    /**
     * One acting step: Q(o_1..o_t, .) from the memory's state and {@code observation}; the memory
     * moves on to the state after it. Returns the network's {@code [A]} buffer (read, do not keep).
     */
    @Override
    public float[] step(SequenceQNetwork.Memory memory, float[] observation) {
        Memory m = (Memory) memory;
        System.arraycopy(observation, 0, actInput.data(), 0, inputs);
        step.setState(m.h, m.c);
        Tensor out = step.forward(embed(actInput, 1, 1));
        m.h = step.state();
        m.c = step.cellState();
        return head.forward(actPass, out).data();
    }

    /** The recurrent state of one acting episode; starts at zero. */
    public final class Memory implements SequenceQNetwork.Memory {
        private Tensor h = Tensor.zeros(1, hidden), c = Tensor.zeros(1, hidden);

        /** Back to the zero state (an episode starts). */
        @Override
        public void reset() {
            h = Tensor.zeros(1, hidden);
            c = Tensor.zeros(1, hidden);
        }

        /** The hidden state h (a copy). */
        public float[] hidden() {
            return h.data().clone();
        }

        /** h and c, copied (for checkpoints). */
        @Override
        public float[][] saved() {
            return new float[][] {h.data().clone(), c.data().clone()};
        }

        /** Puts back what {@link #saved} returned. */
        @Override
        public void restore(float[][] hc) {
            if (hc.length != 2 || hc[0].length != hidden || hc[1].length != hidden) throw new IllegalArgumentException("a memory of the wrong size");
            h = Tensor.of(hc[0].clone(), 1, hidden);
            c = Tensor.of(hc[1].clone(), 1, hidden);
        }
    }

    /** The buffers of one batch of sequences. */
    public final class Sequences implements SequenceQNetwork.Pass {
        final int rows;
        final QNetwork.Pass head;
        final Tensor dState;
        /** dL/dQ, {@code [N U, A]}: the caller writes it before {@link RecurrentQNetwork#backward}. */
        public final Tensor dq;

        Sequences(int rows) {
            this.rows = rows;
            this.head = RecurrentQNetwork.this.head.pass(rows * unroll);
            this.dState = Tensor.zeros(rows * unroll, hidden);
            this.dq = head.dq;
        }

        public int rows() {
            return rows;
        }

        @Override
        public Tensor dq() {
            return dq;
        }
    }
}
