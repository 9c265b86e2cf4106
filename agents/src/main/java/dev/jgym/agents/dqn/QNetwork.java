package dev.jgym.agents.dqn;

import dev.jgym.nn.ActivationKind;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Init;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.layers.Activation;
import dev.jgym.nn.layers.Dense;
import dev.jgym.nn.layers.Layer;
import dev.jgym.nn.layers.Sequential;
import dev.jgym.core.rng.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * The action-value network Q(s, .): an MLP from the observation to one value per action, built of
 * the NN core's {@link Dense} layers (their parameters, initialisers and shapes), run by this
 * class on preallocated buffers so a training step allocates nothing.
 *
 * <pre>
 *   h_0 = s (or encoder(s)),   h_l = f(h_{l-1} W_l^T + b_l)           hidden layers l = 1..L
 *   plain head:    Q = h_L W_q^T + b_q
 *   dueling head:  V = h_L W_v^T + b_v,  A = h_L W_a^T + b_a,  Q = V + A - mean_a A   (Wang et al., 2016)
 * </pre>
 * Backward of the dueling aggregation: dV = sum_a dQ_a, dA_a = dQ_a - mean_b dQ_b.
 *
 * <p>Every product, bias, activation and its derivative goes through the {@link Backend}; only the
 * dueling aggregation (a few values per row) is a plain loop. A {@link Pass} holds the buffers of
 * one batch size; the learner keeps one per use (acting, the minibatch, next states).
 *
 * <p>An optional {@link Encoder} (a CNN for image observations) runs before the MLP; backward goes
 * on through it. Without one, every number is what the plain MLP computes.
 */
public final class QNetwork {
    private final Backend backend;
    private final int inputs, actions;
    private final ActivationKind activation;
    private final float activationParam;
    private final boolean dueling;
    private final Dense[] hidden;
    private final Dense head, value; // head: Q (plain) or A (dueling); value: V (dueling only)
    private final Encoder encoder;   // null: the MLP reads the observation
    private final List<Param> params = new ArrayList<>();

    public QNetwork(Backend backend, int inputs, int[] hiddenSizes, String activation, int actions, boolean dueling, Init init, Rng rng) {
        this(backend, null, inputs, hiddenSizes, activation, actions, dueling, init, rng);
    }

    /** With {@code encoder} (may be null) in front of the MLP; {@code inputs} is then the encoder's input size. */
    public QNetwork(Backend backend, Encoder encoder, int inputs, int[] hiddenSizes, String activation, int actions, boolean dueling, Init init, Rng rng) {
        if (encoder != null && encoder.inputSize() != inputs) {
            throw new IllegalArgumentException("the encoder reads " + encoder.inputSize() + " values, the observation has " + inputs);
        }
        this.backend = backend;
        this.encoder = encoder;
        if (encoder != null) params.addAll(encoder.params());
        this.inputs = inputs;
        this.actions = actions;
        this.activation = ActivationKind.byId(activation);
        if (this.activation == null) throw new IllegalArgumentException("unknown activation " + activation);
        this.activationParam = this.activation.defaultParam();
        this.dueling = dueling;
        this.hidden = new Dense[hiddenSizes.length];
        int width = encoder == null ? inputs : encoder.outputSize();
        for (int l = 0; l < hiddenSizes.length; l++) {
            hidden[l] = new Dense(backend, width, hiddenSizes[l], init, Init.constant(0), rng.child("layer").child(l));
            width = hiddenSizes[l];
            params.addAll(hidden[l].params());
        }
        this.head = new Dense(backend, width, actions, init, Init.constant(0), rng.child("head"));
        params.addAll(head.params());
        this.value = dueling ? new Dense(backend, width, 1, init, Init.constant(0), rng.child("value")) : null;
        if (dueling) params.addAll(value.params());
    }

    public int inputs() {
        return inputs;
    }

    public int actions() {
        return actions;
    }

    public boolean dueling() {
        return dueling;
    }

    /** The CNN in front of the MLP, or null. */
    public Encoder encoder() {
        return encoder;
    }

    /** Weights and biases: the encoder's, the hidden layers', then the head (A for dueling), then V. */
    public List<Param> params() {
        return params;
    }

    /**
     * The plain network as a core {@link Sequential} sharing these parameters (for model files),
     * or null for a dueling network, which is not a chain.
     */
    public Sequential asSequential() {
        if (dueling) return null;
        List<Layer> layers = new ArrayList<>();
        if (encoder != null) layers.addAll(encoder.layers());
        for (Dense d : hidden) {
            layers.add(d);
            layers.add(new Activation(backend, activation));
        }
        layers.add(head);
        return new Sequential(layers);
    }

    /** Buffers for batches of {@code rows}. */
    public Pass pass(int rows) {
        return new Pass(rows);
    }

    /** Copies every parameter of {@code other} (same architecture) into this network. */
    public void copyFrom(QNetwork other) {
        copy(params, other.params);
    }

    /** Polyak averaging: theta <- tau theta_other + (1 - tau) theta. */
    public void blendFrom(QNetwork other, float tau) {
        blend(backend, params, other.params, tau);
    }

    /** Copies the values of {@code from} into {@code to} (the same shapes, in the same order). */
    static void copy(List<Param> to, List<Param> from) {
        for (int i = 0; i < to.size(); i++) to.get(i).value().copyFrom(from.get(i).value());
    }

    /** Polyak averaging of parameter lists: to <- tau from + (1 - tau) to. */
    static void blend(Backend backend, List<Param> to, List<Param> from, float tau) {
        for (int i = 0; i < to.size(); i++) {
            Tensor mine = to.get(i).value();
            backend.scale(mine, 1f - tau, mine);
            backend.axpy(tau, from.get(i).value(), mine);
        }
    }

    /** Q(s, .) for every row of {@code x} ({@code [rows, inputs]}); returns the pass's {@code [rows, actions]} output. */
    public Tensor forward(Pass p, Tensor x) {
        if (encoder != null) x = encoder.forward(p.encoded, x);
        p.x = x;
        Tensor in = x;
        for (int l = 0; l < hidden.length; l++) {
            backend.gemm(false, true, 1f, in, hidden[l].weight().value(), 0f, p.z[l]);
            backend.addRowVector(p.z[l], hidden[l].bias().value(), p.z[l]);
            backend.activation(activation, activationParam, p.z[l], p.h[l]);
            in = p.h[l];
        }
        Tensor out = dueling ? p.adv : p.q;
        backend.gemm(false, true, 1f, in, head.weight().value(), 0f, out);
        backend.addRowVector(out, head.bias().value(), out);
        if (dueling) {
            backend.gemm(false, true, 1f, in, value.weight().value(), 0f, p.v);
            backend.addRowVector(p.v, value.bias().value(), p.v);
            aggregate(p.v.data(), p.adv.data(), p.q.data(), p.rows, actions);
        }
        return p.q;
    }

    /** Q = V + A - mean(A), row by row. */
    static void aggregate(float[] v, float[] adv, float[] q, int rows, int actions) {
        for (int r = 0; r < rows; r++) {
            int o = r * actions;
            double mean = 0;
            for (int a = 0; a < actions; a++) mean += adv[o + a];
            mean /= actions;
            for (int a = 0; a < actions; a++) q[o + a] = (float) (v[r] + adv[o + a] - mean);
        }
    }

    /** The gradients of {@link #aggregate}: dV = sum dQ, dA = dQ - mean(dQ). */
    static void aggregateBackward(float[] dq, float[] dv, float[] dadv, int rows, int actions) {
        for (int r = 0; r < rows; r++) {
            int o = r * actions;
            double sum = 0;
            for (int a = 0; a < actions; a++) sum += dq[o + a];
            dv[r] = (float) sum;
            double mean = sum / actions;
            for (int a = 0; a < actions; a++) dadv[o + a] = (float) (dq[o + a] - mean);
        }
    }

    /**
     * Backpropagates dL/dQ (the pass's {@link Pass#dq}, filled by the caller) through the last
     * {@link #forward} of this pass, adding into every parameter's gradient.
     */
    public void backward(Pass p) {
        backward(p, null);
    }

    /**
     * As {@link #backward(Pass)}, and when {@code dx} is given ({@code [rows, inputs]}) it receives
     * dL/dx, for a network in front of this one (a recurrent core, an encoder).
     */
    public void backward(Pass p, Tensor dx) {
        Tensor top = hidden.length == 0 ? p.x : p.h[hidden.length - 1];
        Tensor dIn = dx != null ? dx : p.dx; // dL/d(input): asked for by the caller, or the encoder's output gradient
        Tensor dTop = hidden.length == 0 ? dIn : p.dh[hidden.length - 1];
        Tensor dOut = p.dq;
        if (dueling) {
            aggregateBackward(p.dq.data(), p.dv.data(), p.dadv.data(), p.rows, actions);
            dOut = p.dadv;
            backend.gemm(true, false, 1f, p.dv, top, 1f, value.weight().grad());
            backend.sumRows(p.dv, 1f, value.bias().grad());
        }
        backend.gemm(true, false, 1f, dOut, top, 1f, head.weight().grad());
        backend.sumRows(dOut, 1f, head.bias().grad());
        if (dTop == null) return;
        backend.gemm(false, false, 1f, dOut, head.weight().value(), 0f, dTop);
        if (dueling) backend.gemm(false, false, 1f, p.dv, value.weight().value(), 1f, dTop);
        for (int l = hidden.length - 1; l >= 0; l--) {
            backend.activationBackward(activation, activationParam, p.z[l], p.h[l], p.dh[l], p.dz[l]);
            Tensor in = l == 0 ? p.x : p.h[l - 1];
            backend.gemm(true, false, 1f, p.dz[l], in, 1f, hidden[l].weight().grad());
            backend.sumRows(p.dz[l], 1f, hidden[l].bias().grad());
            if (l > 0) backend.gemm(false, false, 1f, p.dz[l], hidden[l].weight().value(), 0f, p.dh[l - 1]);
            else if (dIn != null) backend.gemm(false, false, 1f, p.dz[0], hidden[0].weight().value(), 0f, dIn);
        }
        if (encoder != null) encoder.backward(p.encoded, p.dx);
    }

    /** The buffers of one batch size: activations kept for backward, and their gradients. */
    public final class Pass {
        final int rows;
        Tensor x;
        final Tensor[] z, h, dz, dh;
        final Tensor q, adv, v, dv, dadv;
        final Encoder.Buffers encoded; // null without an encoder
        final Tensor dx;               // dL/d(encoder output); null without an encoder
        /** dL/dQ, {@code [rows, actions]}: the caller writes it before {@link QNetwork#backward}. */
        public final Tensor dq;

        Pass(int rows) {
            this.rows = rows;
            int n = hidden.length;
            z = new Tensor[n];
            h = new Tensor[n];
            dz = new Tensor[n];
            dh = new Tensor[n];
            for (int l = 0; l < n; l++) {
                int w = hidden[l].out();
                z[l] = Tensor.zeros(rows, w);
                h[l] = Tensor.zeros(rows, w);
                dz[l] = Tensor.zeros(rows, w);
                dh[l] = Tensor.zeros(rows, w);
            }
            q = Tensor.zeros(rows, actions);
            dq = Tensor.zeros(rows, actions);
            adv = dueling ? Tensor.zeros(rows, actions) : null;
            dadv = dueling ? Tensor.zeros(rows, actions) : null;
            v = dueling ? Tensor.zeros(rows, 1) : null;
            dv = dueling ? Tensor.zeros(rows, 1) : null;
            encoded = encoder == null ? null : encoder.buffers(rows);
            dx = encoder == null ? null : Tensor.zeros(rows, encoder.outputSize());
        }

        public int rows() {
            return rows;
        }

        /** The output of the last forward. */
        public Tensor q() {
            return q;
        }
    }
}
