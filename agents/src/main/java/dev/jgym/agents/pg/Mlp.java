package dev.jgym.agents.pg;

import dev.jgym.core.rng.Rng;
import dev.jgym.nn.ActivationKind;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Init;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.layers.Activation;
import dev.jgym.nn.layers.Dense;
import dev.jgym.nn.layers.Layer;
import dev.jgym.nn.layers.Sequential;
import java.util.ArrayList;
import java.util.List;

/**
 * A policy's or a value function's MLP: {@code h_l = f(h_{l-1} W_l^T + b_l)}, then a linear
 * output {@code y = h_L W^T + b}. Weights are orthogonal (Saxe et al., 2014) with gain sqrt(2) in
 * the hidden layers and a per-network gain at the output (0.01 for a policy, 1 for a value), biases
 * zero: Stable-Baselines3's {@code ActorCriticPolicy} initialisation. Built of the NN core's
 * {@link Dense} layers, run on preallocated {@link Pass} buffers through the {@link Backend}.
 * Also the off-policy actor-critics' networks ({@code agents/offpolicy}), whose actor update
 * backpropagates through the critic to its action input ({@link #backward(Pass, boolean, Tensor)}).
 */
public final class Mlp {
    private final Backend backend;
    private final ActivationKind activation;
    private final float activationParam;
    private final Dense[] hidden;
    private final Dense out;
    private final List<Param> params = new ArrayList<>();

    public Mlp(Backend backend, int inputs, int[] hiddenSizes, String activation, int outputs, double outputGain, Rng rng) {
        this.backend = backend;
        this.activation = ActivationKind.byId(activation);
        if (this.activation == null) throw new IllegalArgumentException("unknown activation " + activation);
        this.activationParam = this.activation.defaultParam();
        this.hidden = new Dense[hiddenSizes.length];
        int width = inputs;
        for (int l = 0; l < hiddenSizes.length; l++) {
            hidden[l] = new Dense(backend, width, hiddenSizes[l], orthogonal(Math.sqrt(2)), Init.constant(0), rng.child("layer").child(l));
            width = hiddenSizes[l];
            params.addAll(hidden[l].params());
        }
        this.out = new Dense(backend, width, outputs, orthogonal(outputGain), Init.constant(0), rng.child("output"));
        params.addAll(out.params());
    }

    /**
     * Orthogonal weights times {@code gain} (PyTorch's {@code orthogonal_}): a Gaussian matrix of
     * the larger dimension by the smaller, its columns made orthonormal by modified Gram-Schmidt
     * (the Q of a QR factorisation with a positive diagonal R), transposed when the layer is wider
     * than tall, so rows (out < in) or columns (out >= in) of the [out, in] weight are orthonormal.
     */
    static Init orthogonal(double gain) {
        return (w, in, out, rng) -> {
            int rows = Math.max(in, out), cols = Math.min(in, out);
            double[][] q = new double[cols][rows]; // column c of the tall matrix
            for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) q[c][r] = rng.gaussian();
            for (int c = 0; c < cols; c++) {
                for (int k = 0; k < c; k++) {
                    double dot = 0;
                    for (int r = 0; r < rows; r++) dot += q[c][r] * q[k][r];
                    for (int r = 0; r < rows; r++) q[c][r] -= dot * q[k][r];
                }
                double norm = 0;
                for (int r = 0; r < rows; r++) norm += q[c][r] * q[c][r];
                norm = Math.sqrt(norm);
                for (int r = 0; r < rows; r++) q[c][r] /= norm;
            }
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) w[o * in + i] = (float) (gain * (out >= in ? q[i][o] : q[o][i]));
            }
        };
    }

    public List<Param> params() {
        return params;
    }

    public int outputs() {
        return out.out();
    }

    /** The network as a core {@link Sequential} sharing these parameters (for model files). */
    Sequential asSequential() {
        List<Layer> layers = new ArrayList<>();
        for (Dense d : hidden) {
            layers.add(d);
            layers.add(new Activation(backend, activation));
        }
        layers.add(out);
        return new Sequential(layers);
    }

    public Pass pass(int rows) {
        return new Pass(rows);
    }

    /** The output for every row of {@code x} ({@code [rows, inputs]}); returns the pass's {@code [rows, outputs]} buffer. */
    public Tensor forward(Pass p, Tensor x) {
        p.x = x;
        Tensor in = x;
        for (int l = 0; l < hidden.length; l++) {
            backend.gemm(false, true, 1f, in, hidden[l].weight().value(), 0f, p.z[l]);
            backend.addRowVector(p.z[l], hidden[l].bias().value(), p.z[l]);
            backend.activation(activation, activationParam, p.z[l], p.h[l]);
            in = p.h[l];
        }
        backend.gemm(false, true, 1f, in, out.weight().value(), 0f, p.y);
        backend.addRowVector(p.y, out.bias().value(), p.y);
        return p.y;
    }

    /** Adds into every parameter's gradient the backpropagation of {@link Pass#dy} (filled by the caller) through the last forward of {@code p}. */
    public void backward(Pass p) {
        backward(p, true, null);
    }

    /**
     * Backpropagates {@link Pass#dy} through the last forward of {@code p}: into every parameter's
     * gradient (added) when {@code paramGrads}, and dL/dx into {@code dx} ({@code [rows, inputs]},
     * written) when it is not null.
     */
    public void backward(Pass p, boolean paramGrads, Tensor dx) {
        int n = hidden.length;
        Tensor top = n == 0 ? p.x : p.h[n - 1];
        if (paramGrads) {
            backend.gemm(true, false, 1f, p.dy, top, 1f, out.weight().grad());
            backend.sumRows(p.dy, 1f, out.bias().grad());
        }
        if (n == 0) {
            if (dx != null) backend.gemm(false, false, 1f, p.dy, out.weight().value(), 0f, dx);
            return;
        }
        backend.gemm(false, false, 1f, p.dy, out.weight().value(), 0f, p.dh[n - 1]);
        for (int l = n - 1; l >= 0; l--) {
            backend.activationBackward(activation, activationParam, p.z[l], p.h[l], p.dh[l], p.dz[l]);
            Tensor in = l == 0 ? p.x : p.h[l - 1];
            if (paramGrads) {
                backend.gemm(true, false, 1f, p.dz[l], in, 1f, hidden[l].weight().grad());
                backend.sumRows(p.dz[l], 1f, hidden[l].bias().grad());
            }
            if (l > 0) backend.gemm(false, false, 1f, p.dz[l], hidden[l].weight().value(), 0f, p.dh[l - 1]);
            else if (dx != null) backend.gemm(false, false, 1f, p.dz[0], hidden[0].weight().value(), 0f, dx);
        }
    }

    /** The buffers of one batch size. */
    public final class Pass {
        final int rows;
        Tensor x;
        final Tensor[] z, h, dz, dh;
        public final Tensor y;
        /** dL/dy, {@code [rows, outputs]}: written by the caller before {@link Mlp#backward}. */
        public final Tensor dy;

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
            y = Tensor.zeros(rows, out.out());
            dy = Tensor.zeros(rows, out.out());
        }
    }
}
