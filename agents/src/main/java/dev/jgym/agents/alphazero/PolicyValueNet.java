package dev.jgym.agents.alphazero;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.agents.dqn.Encoder;
import dev.jgym.agents.pg.Mlp;
import dev.jgym.core.rng.Rng;
import dev.jgym.nn.Backend;
import dev.jgym.nn.FdlibmMath;
import dev.jgym.nn.Init;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.io.StateIO;
import dev.jgym.nn.optim.Optimizer;
import dev.jgym.nn.optim.OptimizerConfig;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * AlphaZero's policy-value network f(s) = (p, v) (Silver et al., 2018) on the shared NN core: a
 * trunk of {@link Mlp} hidden layers over the board as the player to move sees it (its own pieces,
 * then the other's), and two heads on the last hidden layer: the policy head's logits, a softmax
 * over the legal moves only (illegal ones masked to probability 0), and the value head, tanh of one
 * output, the expected outcome in [-1, 1] for the player to move.
 *
 * <p>Training minimises, over a minibatch, the AlphaZero loss
 * <pre>  l = (z - v)^2 - pi^T log p          (+ c ||theta||^2 through the optimizer's weight decay)</pre>
 * with pi the search's visit distribution and z the game's outcome for the player to move.
 *
 * <p>With an encoder (a CNN from the same layer specs as DQN's, {@link Encoder}), the board goes in
 * as two planes {@code [2, rows, cols]} (the mover's stones, then the other's; the observation's
 * cell-by-cell layout is transposed on the way in) and the MLP reads the encoder's features:
 * convolutions see a four-in-a-row's shape wherever it lies, which a dense layer must learn per cell.
 */
public final class PolicyValueNet {
    private final Backend backend;
    private final Encoder encoder; // null: the MLP reads the observation
    private final Mlp mlp;
    private final List<Param> params = new ArrayList<>();
    private final int inputs, actions, cells;
    private final Optimizer optimizer;
    private final Map<Integer, Mlp.Pass> passes = new HashMap<>();
    private final Map<Integer, Tensor> inputBuffers = new HashMap<>();
    private final Map<Integer, Encoder.Buffers> encoderBuffers = new HashMap<>();
    private final Map<Integer, Tensor> featureGrads = new HashMap<>();

    /**
     * With the CNN {@code encoderSpec} in front of the MLP (null: none) reading the board as
     * {@code planes = {2, rows, cols}}; its weights come from {@code init.child("encoder")} (He
     * uniform, biases 0), the MLP's from {@code init} as without one. A spec that does not fit the
     * board is a {@link dev.jgym.core.config.UserError} naming {@code source} and {@code path}.
     *
     * @param inputs board cells times 2 (the observation's size)
     * @param actions the game's action count
     * @param optimizer the update rule; null for a network that only plays (arena)
     */
    public PolicyValueNet(Backend backend, JsonNode encoderSpec, int[] planes, int inputs, int actions, int[] hidden, String activation,
                          OptimizerConfig optimizer, Rng init, String source, String path) {
        this.backend = backend;
        this.inputs = inputs;
        this.actions = actions;
        this.cells = inputs / 2;
        this.encoder = encoderSpec == null ? null
                : Encoder.build(encoderSpec, planes, backend, Init.parse("he_uniform"), init.child("encoder"), source, path);
        // logits and value start near 0: uniform priors, neutral values (SB3's policy-head gain 0.01)
        this.mlp = new Mlp(backend, encoder == null ? inputs : encoder.outputSize(), hidden, activation, actions + 1, 0.01, init);
        if (encoder != null) params.addAll(encoder.params());
        params.addAll(mlp.params());
        this.optimizer = optimizer == null ? null : optimizer.create(backend, params, 0.9);
    }

    public int inputs() {
        return inputs;
    }

    public int actions() {
        return actions;
    }

    public List<Param> params() {
        return params;
    }

    private Mlp.Pass pass(int rows) {
        return passes.computeIfAbsent(rows, mlp::pass);
    }

    private Tensor input(int rows) {
        return inputBuffers.computeIfAbsent(rows, r -> Tensor.zeros(r, inputs));
    }

    /** The network's output for {@code rows} positions of {@code x} (logits, then the value's pre-tanh, per row). */
    private float[] forward(float[] x, int rows) {
        Tensor in = input(rows);
        float[] d = in.data();
        if (encoder == null) {
            System.arraycopy(x, 0, d, 0, rows * inputs);
            return mlp.forward(pass(rows), in).data();
        }
        // cell by cell (mover, other) -> two planes, [2, rows, cols]
        for (int r = 0, o = 0; r < rows; r++, o += inputs) {
            for (int c = 0; c < cells; c++) {
                d[o + c] = x[o + 2 * c];
                d[o + cells + c] = x[o + 2 * c + 1];
            }
        }
        Tensor features = encoder.forward(encoderBuffers.computeIfAbsent(rows, encoder::buffers), in);
        return mlp.forward(pass(rows), features).data();
    }

    /** Backpropagates the last {@link #forward} of {@code rows} rows (dL/dy in its pass), into every parameter's gradient. */
    private void backward(int rows) {
        Mlp.Pass p = pass(rows);
        if (encoder == null) {
            mlp.backward(p);
            return;
        }
        Tensor dFeatures = featureGrads.computeIfAbsent(rows, r -> Tensor.zeros(r, encoder.outputSize()));
        mlp.backward(p, true, dFeatures);
        encoder.backward(encoderBuffers.get(rows), dFeatures);
    }

    /**
     * Evaluates {@code rows} positions: {@code x} holds them row after row ({@code inputs} each),
     * {@code masks} their legal moves ({@code actions} each); writes the priors (0 on illegal moves)
     * and the values.
     */
    public void evaluate(float[] x, byte[] masks, int rows, float[] priors, float[] values) {
        float[] y = forward(x, rows);
        for (int r = 0; r < rows; r++) {
            maskedSoftmax(y, r * (actions + 1), masks, r * actions, priors, r * actions, actions);
            values[r] = (float) FdlibmMath.tanh(y[r * (actions + 1) + actions]);
        }
    }

    /** Softmax of {@code n} logits over the entries whose mask is 1; the others get 0. */
    static void maskedSoftmax(float[] logits, int lo, byte[] mask, int mo, float[] out, int oo, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < n; a++) if (mask[mo + a] != 0) max = Math.max(max, logits[lo + a]);
        double sum = 0;
        for (int a = 0; a < n; a++) {
            double e = mask[mo + a] != 0 ? Math.exp(logits[lo + a] - max) : 0;
            out[oo + a] = (float) e;
            sum += e;
        }
        for (int a = 0; a < n; a++) out[oo + a] = (float) (out[oo + a] / sum);
    }

    /** The mean losses of one training step. */
    public record Losses(double policy, double value) {}

    /**
     * One gradient step on a minibatch of {@code rows} samples: positions {@code x}, legal masks,
     * search policies {@code pi} and outcomes {@code z}; returns the minibatch's mean losses
     * (cross-entropy -pi^T log p and squared error (z - v)^2) before the step.
     */
    public Losses train(float[] x, byte[] masks, float[] pi, float[] z, int rows) {
        optimizer.zeroGrad();
        Losses losses = lossAndGradient(x, masks, pi, z, rows);
        optimizer.step();
        return losses;
    }

    /**
     * The minibatch's mean losses, as {@link #train} reports them, and their gradient added into
     * every parameter's {@link Param#grad()} (the caller zeroes them first); no step.
     */
    Losses lossAndGradient(float[] x, byte[] masks, float[] pi, float[] z, int rows) {
        float[] y = forward(x, rows);
        float[] dy = pass(rows).dy.data();
        float[] prob = new float[actions];
        int w = actions + 1;
        double policyLoss = 0, valueLoss = 0;
        for (int r = 0; r < rows; r++) {
            maskedSoftmax(y, r * w, masks, r * actions, prob, 0, actions);
            for (int a = 0; a < actions; a++) {
                float target = pi[r * actions + a];
                if (target > 0) policyLoss -= target * Math.log(Math.max(prob[a], 1e-12));
                // d(-pi^T log softmax)/d logit = p - pi on the legal moves; masked logits get no gradient
                dy[r * w + a] = masks[r * actions + a] != 0 ? (prob[a] - target) / rows : 0f;
            }
            double v = FdlibmMath.tanh(y[r * w + actions]);
            double err = v - z[r];
            valueLoss += err * err;
            dy[r * w + actions] = (float) (2 * err * (1 - v * v) / rows);
        }
        backward(rows);
        return new Losses(policyLoss / rows, valueLoss / rows);
    }

    /** Writes the parameters (what a model needs to play). */
    public void writeParams(DataOutputStream out) throws IOException {
        StateIO.writeParams(out, params);
    }

    public void readParams(DataInputStream in) throws IOException {
        StateIO.readParams(in, params);
    }

    /** Writes the optimizer's state (what training needs to continue exactly). */
    public void writeOptimizer(DataOutputStream out) throws IOException {
        StateIO.writeOptimizer(out, optimizer);
    }

    public void readOptimizer(DataInputStream in) throws IOException {
        StateIO.readOptimizer(in, optimizer);
    }

    Backend backend() {
        return backend;
    }
}
