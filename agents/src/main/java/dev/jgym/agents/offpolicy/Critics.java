package dev.jgym.agents.offpolicy;

import dev.jgym.agents.pg.Mlp;
import dev.jgym.core.rng.Rng;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.io.StateIO;
import dev.jgym.nn.optim.Optimizer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The critics Q_i(s, a), i < n (n = 2: the clipped double Q of TD3 and SAC; 1: DDPG), each an MLP
 * of the observation and the action (in [-1, 1]) with a Polyak-averaged target copy, trained
 * together by one optimizer on
 * <pre>
 *   L_Q = sum_i mean_b (Q_i(s_b, a_b) - y_b)^2 / 2,    y_b given by the learner (its algorithm box)
 *   target:  theta'_i <- tau theta_i + (1 - tau) theta'_i                     (Polyak averaging)
 * </pre>
 * and read by the actor update through dQ/da ({@link #actionGradient}): of the smallest Q_i per
 * row (SAC) or of Q_1 (TD3, DDPG).
 */
final class Critics {
    private final int n, obsDim, actDim;
    final Mlp[] q, target;
    private final Mlp.Pass[] pass, targetPass;
    private final Tensor input, targetInput, dx;
    final List<Param> params = new ArrayList<>(), targetParams = new ArrayList<>();
    final Optimizer optimizer;
    private final double[] minQ;

    Critics(OffPolicyConfig.Settings s, Backend backend, int obsDim, int actDim, Rng init) {
        this.n = s.critics();
        this.obsDim = obsDim;
        this.actDim = actDim;
        int in = obsDim + actDim, b = s.batchSize();
        int[] widths = s.network().widths();
        q = new Mlp[n];
        target = new Mlp[n];
        pass = new Mlp.Pass[n];
        targetPass = new Mlp.Pass[n];
        for (int i = 0; i < n; i++) {
            q[i] = new Mlp(backend, in, widths, s.network().activation(), 1, 1.0, init.child("critic").child(i));
            target[i] = new Mlp(backend, in, widths, s.network().activation(), 1, 1.0, init.child("critic").child(i));
            params.addAll(q[i].params());
            targetParams.addAll(target[i].params());
            pass[i] = q[i].pass(b);
            targetPass[i] = target[i].pass(b);
        }
        optimizer = s.optimizer().create(null, params, 0.9);
        input = Tensor.zeros(b, in);
        targetInput = Tensor.zeros(b, in);
        dx = Tensor.zeros(b, in);
        minQ = new double[b];
    }

    int count() {
        return n;
    }

    /** Rows [s_b, a_b] of {@code batch} observations and actions into {@code x}. */
    private void join(float[] obs, float[] actions, int batch, Tensor x) {
        float[] v = x.data();
        int w = obsDim + actDim;
        for (int b = 0; b < batch; b++) {
            System.arraycopy(obs, b * obsDim, v, b * w, obsDim);
            System.arraycopy(actions, b * actDim, v, b * w + obsDim, actDim);
        }
    }

    /** min_i Q'_i(s'_b, a'_b) of the target critics, per row. */
    double[] targetMin(float[] nextObs, float[] nextActions, int batch) {
        join(nextObs, nextActions, batch, targetInput);
        for (int i = 0; i < n; i++) {
            float[] y = target[i].forward(targetPass[i], targetInput).data();
            for (int b = 0; b < batch; b++) minQ[b] = i == 0 ? y[b] : Math.min(minQ[b], y[b]);
        }
        return minQ;
    }

    /** One step on L_Q toward targets {@code y}; returns each critic's mean squared error (before the step). */
    double[] update(float[] obs, float[] actions, double[] y, int batch) {
        join(obs, actions, batch, input);
        double[] losses = new double[n];
        optimizer.zeroGrad();
        for (int i = 0; i < n; i++) {
            float[] out = q[i].forward(pass[i], input).data();
            float[] dy = pass[i].dy.data();
            double sum = 0;
            for (int b = 0; b < batch; b++) {
                double err = out[b] - y[b];
                sum += err * err;
                dy[b] = (float) (err / batch);
            }
            losses[i] = sum / batch;
            q[i].backward(pass[i]);
        }
        optimizer.step();
        return losses;
    }

    /**
     * dQ/da per row into {@code dQda} ({@code [batch, actDim]}) at (s_b, a_b), of min_i Q_i when
     * {@code min}, else of Q_1; returns that Q per row in {@code values}. Parameter gradients are untouched.
     */
    void actionGradient(float[] obs, float[] actions, int batch, boolean min, double[] values, double[] dQda) {
        join(obs, actions, batch, input);
        int used = min ? n : 1, w = obsDim + actDim;
        float[][] out = new float[used][];
        for (int i = 0; i < used; i++) out[i] = q[i].forward(pass[i], input).data();
        java.util.Arrays.fill(dQda, 0, batch * actDim, 0);
        for (int b = 0; b < batch; b++) {
            int best = 0;
            for (int i = 1; i < used; i++) if (out[i][b] < out[best][b]) best = i;
            values[b] = out[best][b];
            for (int i = 0; i < used; i++) pass[i].dy.data()[b] = i == best ? 1f : 0f;
        }
        float[] g = dx.data();
        for (int i = 0; i < used; i++) {
            q[i].backward(pass[i], false, dx);
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < actDim; j++) dQda[b * actDim + j] += g[b * w + obsDim + j];
            }
        }
    }

    /** theta' <- tau theta + (1 - tau) theta' for every parameter of every critic. */
    void polyak(double tau) {
        Polyak.average(params, targetParams, tau);
    }

    /** The critics, their targets and the optimizer's state. */
    void write(DataOutputStream out) throws IOException {
        StateIO.writeParams(out, params);
        StateIO.writeParams(out, targetParams);
        StateIO.writeOptimizer(out, optimizer);
    }

    void read(DataInputStream in) throws IOException {
        StateIO.readParams(in, params);
        StateIO.readParams(in, targetParams);
        StateIO.readOptimizer(in, optimizer);
    }
}
