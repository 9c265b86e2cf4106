package dev.jgym.nn;

/**
 * Every operation the layers, losses and optimizers of the NN core compute with. Layers call
 * these and never loop over tensors themselves, so another backend (OpenCL) can take over.
 *
 * <p>Conventions: matrices are {@code [rows, cols]} tensors (a higher-rank tensor counts as
 * {@code [dim0, rest]}); {@code out} may be the same tensor as an input for elementwise ops;
 * "rows" are the batch. A backend is deterministic: the same inputs give the same bits, whatever
 * its thread count.
 *
 * <p>Host and device: a backend may keep tensors in its own memory between operations (OpenCL).
 * Code that reads {@code data()} after backend operations calls {@link #toHost} first, and code
 * that writes {@code data()} of a tensor the backend has already seen calls {@link #hostChanged}
 * after; fresh tensors need neither. On the CPU both are no-ops.
 *
 * <p>Convolution, pooling, local response normalisation, 2-D batch norm, column slices and the
 * fused recurrent cells (the CNN/LSTM issue), and GELU, layer norm, attention and embeddings (the
 * attention issue) are default methods that throw
 * {@link UnsupportedOperationException} until a backend implements them; {@code CpuBackend} is the
 * reference for every one. Images are NCHW: example n of a {@code [batch, C*H*W]} tensor holds C
 * planes of H x W, row-major.
 */
public interface Backend extends AutoCloseable {

    /** A short description: {@code "cpu (2 threads, vector FMA 16 lanes)"}. */
    String name();

    // ---- matrix products ---------------------------------------------------------------------

    /**
     * {@code C = alpha op(A) op(B) + beta C}, where op transposes when asked. With
     * {@code beta == 0}, C's old values are ignored (NaNs included).
     */
    void gemm(boolean transA, boolean transB, float alpha, Tensor a, Tensor b, float beta, Tensor c);

    // ---- elementwise and broadcast -----------------------------------------------------------

    /** out = a + b (same shapes). */
    void add(Tensor a, Tensor b, Tensor out);

    /** out = a - b. */
    void sub(Tensor a, Tensor b, Tensor out);

    /** out = a * b, elementwise. */
    void mul(Tensor a, Tensor b, Tensor out);

    /** out = s * x. */
    void scale(Tensor x, float s, Tensor out);

    /** y += alpha x. */
    void axpy(float alpha, Tensor x, Tensor y);

    /** out[i, j] = x[i, j] + row[j]: adds a vector to every row (bias). */
    void addRowVector(Tensor x, Tensor row, Tensor out);

    /** out[j] = beta out[j] + sum_i x[i, j]: sums over the batch (bias gradients). */
    void sumRows(Tensor x, float beta, Tensor out);

    // ---- reductions ----------------------------------------------------------------------------

    /** The sum of all elements, in double, in index order. */
    double sum(Tensor x);

    /** The sum of squares of all elements, in double, in index order. */
    double sumSquares(Tensor x);

    /** For each row the column of its largest value (the first on ties). */
    int[] argmaxRows(Tensor x);

    // ---- activations -----------------------------------------------------------------------------

    /** y = f(x) elementwise; see {@link ActivationKind} for f and param. */
    void activation(ActivationKind kind, float param, Tensor x, Tensor y);

    /** dx = f'(x) * dy, given x and y = f(x). */
    void activationBackward(ActivationKind kind, float param, Tensor x, Tensor y, Tensor dy, Tensor dx);

    /** Softmax of every row, stable (the row maximum is subtracted first). */
    void softmaxRows(Tensor x, Tensor y);

    /** dx = y * (dy - sum_j dy_j y_j) per row, given y = softmax(x). */
    void softmaxBackward(Tensor y, Tensor dy, Tensor dx);

    // ---- losses --------------------------------------------------------------------------------

    /**
     * Softmax cross-entropy of logits against target distributions (one-hot or soft), fused and
     * stable: returns the sum over rows of -sum_j t_j log softmax(x)_j, and when {@code grad} is
     * not null writes {@code softmax(x) - t} (the gradient of that sum when each target row sums to 1).
     */
    double softmaxCrossEntropy(Tensor logits, Tensor target, Tensor grad);

    /**
     * The sum over elements of an elementwise loss; when {@code grad} is not null it receives the
     * gradient of that sum. {@code param}: Huber's delta (ignored by the others).
     */
    double pointwiseLoss(PointLoss kind, float param, Tensor pred, Tensor target, Tensor grad);

    // ---- batch normalisation ----------------------------------------------------------------

    /**
     * Batch normalisation over the rows (training mode): per column j, mean and variance over
     * the batch (biased), {@code xhat = (x - mean) / sqrt(var + eps)}, {@code y = gamma xhat + beta}.
     * Writes y, xhat, the batch mean and the batch variance (biased) per column, and 1/sqrt(var + eps).
     */
    void batchNormTrain(Tensor x, Tensor gamma, Tensor beta, float eps, Tensor y, Tensor xhat, Tensor mean, Tensor var, Tensor invStd);

    /** Batch normalisation with given statistics (eval mode): y = gamma (x - mean) / sqrt(var + eps) + beta. */
    void batchNormEval(Tensor x, Tensor gamma, Tensor beta, Tensor mean, Tensor var, float eps, Tensor y);

    /**
     * Backward of {@link #batchNormTrain}: dx, and adds to dgamma (sum dy xhat) and dbeta (sum dy).
     */
    void batchNormBackward(Tensor dy, Tensor xhat, Tensor gamma, Tensor invStd, Tensor dx, Tensor dgamma, Tensor dbeta);

    // ---- optimizer updates ------------------------------------------------------------------
    // Elementwise over a parameter w, its gradient g and the optimizer's state tensors (same
    // shape as w, zero at the start); hyperparameters in double, as the CPU computes in double.

    /** x[i] = value for every element (clearing gradients). */
    void fill(Tensor x, float value);

    /**
     * {@code acc + sum of squares of x}, accumulated in double in index order starting from acc,
     * so a sum over several tensors equals one sum over their concatenation (global-norm clipping).
     */
    double addSumSquares(double acc, Tensor x);

    /**
     * SGD with momentum (PyTorch's, no dampening): {@code g = grad + wd w}; with momentum 0,
     * {@code w -= lr g} (velocity unused, may be null); else {@code v = momentum v + g},
     * {@code w -= lr (nesterov ? g + momentum v : v)}.
     */
    void sgdUpdate(Tensor w, Tensor grad, Tensor velocity, double lr, double momentum, boolean nesterov, double weightDecay);

    /** RMSProp: {@code g = grad + wd w}, {@code s = alpha s + (1 - alpha) g^2}, {@code w -= lr g / (sqrt(s) + eps)}. */
    void rmsPropUpdate(Tensor w, Tensor grad, Tensor square, double lr, double alpha, double eps, double weightDecay);

    /**
     * Centered RMSProp (Graves, 2013, eq. 38-41; PyTorch's {@code RMSprop(centered=True)}, the form
     * MinAtar's DQN uses): {@code g = grad + wd w}, {@code s = alpha s + (1 - alpha) g^2},
     * {@code m = alpha m + (1 - alpha) g}, {@code w -= lr g / (sqrt(s - m^2) + eps)}. The default runs
     * elementwise on the host (in double, stored as float), so every backend has it.
     */
    default void rmsPropCenteredUpdate(Tensor w, Tensor grad, Tensor square, Tensor mean, double lr, double alpha, double eps, double weightDecay) {
        w.requireSameShape(grad, "rmsPropCenteredUpdate");
        w.requireSameShape(square, "rmsPropCenteredUpdate");
        w.requireSameShape(mean, "rmsPropCenteredUpdate");
        for (Tensor t : new Tensor[] {w, grad, square, mean}) toHost(t);
        rmsPropCenteredLoop(w.data(), grad.data(), square.data(), mean.data(), 0, w.size(), lr, alpha, eps, weightDecay);
        for (Tensor t : new Tensor[] {w, square, mean}) hostChanged(t);
    }

    /**
     * The elementwise centered RMSProp update over {@code [from, to)}: per element in double, stored
     * as float, in this order of operations (the reference every backend's version matches bit for bit).
     */
    static void rmsPropCenteredLoop(float[] ws, float[] g, float[] s, float[] m, int from, int to, double lr, double alpha, double eps,
                                    double weightDecay) {
        for (int j = from; j < to; j++) {
            double gj = g[j] + weightDecay * ws[j];
            double sj = alpha * s[j] + (1 - alpha) * gj * gj;
            double mj = alpha * m[j] + (1 - alpha) * gj;
            s[j] = (float) sj;
            m[j] = (float) mj;
            ws[j] = (float) (ws[j] - lr * gj / (Math.sqrt(Math.max(0, sj - mj * mj)) + eps));
        }
    }

    /**
     * Adam step t (from 1), or AdamW when decoupled: see {@code optim.Adam} for the equations;
     * bias corrections {@code 1 - beta^t} are computed from t.
     */
    void adamUpdate(Tensor w, Tensor grad, Tensor m, Tensor v, double lr, double beta1, double beta2, double eps,
                    double weightDecay, boolean decoupled, long t);

    // ---- host and device -------------------------------------------------------------------------

    /**
     * Makes {@code t.data()} current on the host before the caller reads it. A backend that keeps
     * tensors in device memory copies it back here (and only here); the CPU backend does nothing.
     */
    default void toHost(Tensor t) {}

    /**
     * Tells the backend that the host wrote {@code t.data()} after the backend had used it, so a
     * device copy is stale and is sent again at the next use. The CPU backend does nothing.
     */
    default void hostChanged(Tensor t) {}

    // ---- convolution and pooling (NCHW; the CNN issue) ---------------------------------------

    private UnsupportedOperationException unsupported(String op) {
        return new UnsupportedOperationException(op + " is not implemented by backend " + name());
    }

    /**
     * 2-D cross-correlation (what deep-learning libraries call convolution):
     * {@code y[n, o, i, j] = bias[o] + sum_{c, a, b} w[o, c, a, b] x[n, c, i s - p + a d, j s - p + b d]}
     * with zeros outside the input. x is {@code [N, g.inSize()]}, weight {@code [O, g.patchSize()]}
     * (row o holds filter o as c, a, b row-major), bias {@code [O]} or null, y {@code [N, O * g.outPlane()]}
     * (overwritten).
     */
    default void conv2d(Tensor x, Window2d g, Tensor weight, Tensor bias, Tensor y) {
        throw unsupported("conv2d");
    }

    /**
     * Backward of {@link #conv2d}: adds dL/dw into dWeight and (when not null) dL/dbias into
     * dBias; writes dL/dx into dx when dx is not null (overwritten).
     */
    default void conv2dBackward(Tensor x, Window2d g, Tensor weight, Tensor dy, Tensor dx, Tensor dWeight, Tensor dBias) {
        throw unsupported("conv2dBackward");
    }

    /**
     * {@link #conv2d} followed by ReLU, {@code y = max(conv, 0)} (bit-identical to the two calls),
     * in one pass where the backend can; this default runs the two, ReLU in place.
     */
    default void conv2dRelu(Tensor x, Window2d g, Tensor weight, Tensor bias, Tensor y) {
        conv2d(x, g, weight, bias, y);
        activation(ActivationKind.RELU, 0f, y, y);
    }

    /**
     * {@link #maxPool2dBackward} followed by the backward of the ReLU that produced x (the pool's
     * input): dx is the pooled gradient where x > 0 and 0 elsewhere (bit-identical to the two calls).
     * This default runs the two, the ReLU part in place.
     */
    default void maxPool2dReluBackward(Tensor x, Window2d g, Tensor dy, Tensor dx) {
        maxPool2dBackward(x, g, dy, dx);
        activationBackward(ActivationKind.RELU, 0f, x, x, dx, dx);
    }

    /**
     * Max pooling: {@code y[n, c, i, j]} = the largest input in the window (padding never wins).
     * y is {@code [N, C * g.outPlane()]}.
     */
    default void maxPool2d(Tensor x, Window2d g, Tensor y) {
        throw unsupported("maxPool2d");
    }

    /**
     * Backward of {@link #maxPool2d}: each window's dy goes to its maximum (the first in row-major
     * window order on ties), summed where windows overlap; dx is overwritten.
     */
    default void maxPool2dBackward(Tensor x, Window2d g, Tensor dy, Tensor dx) {
        throw unsupported("maxPool2dBackward");
    }

    /** Average pooling over kernelH x kernelW (padding counts as zeros in the average, as PyTorch's default). */
    default void avgPool2d(Tensor x, Window2d g, Tensor y) {
        throw unsupported("avgPool2d");
    }

    /** Backward of {@link #avgPool2d}: dx (overwritten) gets dy / (kernelH kernelW) from every window it is in. */
    default void avgPool2dBackward(Window2d g, Tensor dy, Tensor dx) {
        throw unsupported("avgPool2dBackward");
    }

    /**
     * Local response normalisation across channels (Krizhevsky et al. 2012, section 3.3, in
     * PyTorch's form): {@code scale[n,c,p] = k + alpha / size * sum_{c' = c - size/2}^{c + (size-1)/2} x[n,c',p]^2},
     * {@code y = x / scale^beta}. x is {@code [N, channels * plane]}; writes y and scale (same shape).
     */
    default void lrn(Tensor x, int channels, int size, float alpha, float beta, float k, Tensor y, Tensor scale) {
        throw unsupported("lrn");
    }

    /** Backward of {@link #lrn} given its x, y and scale; dx is overwritten. */
    default void lrnBackward(Tensor x, Tensor y, Tensor scale, int channels, int size, float alpha, float beta, Tensor dy, Tensor dx) {
        throw unsupported("lrnBackward");
    }

    /**
     * Batch normalisation per channel over the batch and the plane ({@code [N, channels * plane]}):
     * as {@link #batchNormTrain} with the N x plane values of a channel in place of a column.
     */
    default void batchNorm2dTrain(Tensor x, int channels, Tensor gamma, Tensor beta, float eps, Tensor y, Tensor xhat, Tensor mean, Tensor var, Tensor invStd) {
        throw unsupported("batchNorm2dTrain");
    }

    /** Eval-mode 2-D batch normalisation with given per-channel statistics. */
    default void batchNorm2dEval(Tensor x, int channels, Tensor gamma, Tensor beta, Tensor mean, Tensor var, float eps, Tensor y) {
        throw unsupported("batchNorm2dEval");
    }

    /** Backward of {@link #batchNorm2dTrain}: dx, and adds to dgamma and dbeta. */
    default void batchNorm2dBackward(Tensor dy, int channels, Tensor xhat, Tensor gamma, Tensor invStd, Tensor dx, Tensor dgamma, Tensor dbeta) {
        throw unsupported("batchNorm2dBackward");
    }

    // ---- sequences and recurrent cells (the LSTM issue) -----------------------------------------

    /** out[i, j] = x[i, from + j] for j < out.cols(): a block of columns (one time step of a sequence). */
    default void sliceColumns(Tensor x, int from, Tensor out) {
        throw unsupported("sliceColumns");
    }

    /** x[i, from + j] += src[i, j] for j < src.cols(). */
    default void addColumns(Tensor src, Tensor x, int from) {
        throw unsupported("addColumns");
    }

    /** out[i, :] = mask[i] != 0 ? a[i, :] : b[i, :]; mask has one value per row (out may be a or b). */
    default void selectRows(Tensor mask, Tensor a, Tensor b, Tensor out) {
        throw unsupported("selectRows");
    }

    /**
     * One LSTM step (Hochreiter and Schmidhuber 1997, with forget gate; PyTorch's gate order i, f, g, o):
     * gates {@code [N, 4H]} are pre-activations; writes act = (sigmoid i, sigmoid f, tanh g, sigmoid o),
     * {@code c = f cPrev + i g} and {@code h = o tanh(c)}.
     */
    default void lstmCell(Tensor gates, Tensor cPrev, Tensor act, Tensor c, Tensor h) {
        throw unsupported("lstmCell");
    }

    /**
     * Backward of {@link #lstmCell}: dh is dL/dh of the step, dc holds dL/dc from the later steps on
     * entry and dL/dcPrev on exit; writes dL/dgates (pre-activation).
     */
    default void lstmCellBackward(Tensor act, Tensor cPrev, Tensor c, Tensor dh, Tensor dc, Tensor dGates) {
        throw unsupported("lstmCellBackward");
    }

    /**
     * One GRU step (Cho et al. 2014, PyTorch's form, gate order r, z, n): gx = x W_ih^T + b_ih and
     * gh = hPrev W_hh^T + b_hh, both {@code [N, 3H]}; {@code r = sigmoid(gx_r + gh_r)},
     * {@code z = sigmoid(gx_z + gh_z)}, {@code n = tanh(gx_n + r gh_n)}, {@code h = (1 - z) n + z hPrev};
     * act receives (r, z, n).
     */
    default void gruCell(Tensor gx, Tensor gh, Tensor hPrev, Tensor act, Tensor h) {
        throw unsupported("gruCell");
    }

    /**
     * Backward of {@link #gruCell}: writes dL/dgx, dL/dgh and the direct part of dL/dhPrev
     * ({@code dh z}; the caller adds {@code dgh W_hh}).
     */
    default void gruCellBackward(Tensor act, Tensor gh, Tensor hPrev, Tensor dh, Tensor dgx, Tensor dgh, Tensor dhPrev) {
        throw unsupported("gruCellBackward");
    }

    // ---- attention and the Transformer (the attention issue) --------------------------------------

    /**
     * GELU (Hendrycks and Gimpel 2016), the exact form (PyTorch's {@code approximate='none'}):
     * {@code y = x Phi(x) = x (1 + erf(x / sqrt 2)) / 2}, Phi the standard normal distribution function.
     */
    default void gelu(Tensor x, Tensor y) {
        throw unsupported("gelu");
    }

    /** Backward of {@link #gelu}: {@code dx = dy (Phi(x) + x phi(x))}, phi the standard normal density. */
    default void geluBackward(Tensor x, Tensor dy, Tensor dx) {
        throw unsupported("geluBackward");
    }

    /**
     * Layer normalisation of every row (Ba et al. 2016; PyTorch's {@code LayerNorm} over the last
     * dimension): mean and biased variance over the row's columns,
     * {@code xhat = (x - mean) / sqrt(var + eps)}, {@code y = gamma xhat + beta} (gamma, beta: one
     * value per column). Writes y, xhat and {@code invStd} (one value per row).
     */
    default void layerNorm(Tensor x, Tensor gamma, Tensor beta, float eps, Tensor y, Tensor xhat, Tensor invStd) {
        throw unsupported("layerNorm");
    }

    /**
     * Backward of {@link #layerNorm}: with {@code g = dy gamma},
     * {@code dx = invStd (g - mean(g) - xhat mean(g xhat))} per row (overwritten); adds
     * {@code sum_rows dy xhat} to dgamma and {@code sum_rows dy} to dbeta.
     */
    default void layerNormBackward(Tensor dy, Tensor xhat, Tensor gamma, Tensor invStd, Tensor dx, Tensor dgamma, Tensor dbeta) {
        throw unsupported("layerNormBackward");
    }

    /**
     * Scaled dot-product attention (Vaswani et al. 2017, eq. 1) of every example and head, reading
     * queries, keys and values from one fused projection: {@code qkv} is {@code [N T, 3 D]}, row
     * {@code n T + t} holding q, k and v of step t of example n, head h in columns
     * {@code h dh .. (h + 1) dh - 1} of each third ({@code dh = D / heads}). Per example and head,
     * {@code S = Q K^T / sqrt(dh)}, masked entries left out of the softmax,
     * {@code P = softmax_rows(S)}, {@code out = (P * drop) V} into head h's columns of out
     * {@code [N T, D]}. Masks: {@code causal} leaves out keys after the query; {@code keyMask}
     * ({@code [N, T]}, 0 = padding, or null) leaves out padded keys; a query with no key left gets
     * P = 0 and output 0. Writes P (before dropout) into {@code probs} {@code [N heads, T T]};
     * {@code drop} (same shape: 0 or 1 / (1 - p), or null) is attention dropout's mask.
     */
    default void attention(Tensor qkv, int heads, int steps, boolean causal, Tensor keyMask, Tensor drop, Tensor probs, Tensor out) {
        throw unsupported("attention");
    }

    /**
     * Backward of {@link #attention} given its qkv, P and drop: writes dL/dqkv (overwritten, same
     * layout as qkv) from dL/dout. With {@code P' = P * drop}: {@code dV = P'^T dOut},
     * {@code dP = (dOut V^T) * drop}, {@code dS = P * (dP - rowsum(P dP))},
     * {@code dQ = dS K / sqrt(dh)}, {@code dK = dS^T Q / sqrt(dh)}.
     */
    default void attentionBackward(Tensor qkv, Tensor probs, Tensor drop, int heads, int steps, Tensor dOut, Tensor dQkv) {
        throw unsupported("attentionBackward");
    }

    /**
     * Checks the shapes of an {@link #attention} call (keyMask, drop may be null; out is
     * {@code [N T, D]}: the output, or dOut in backward) and returns N, the number of examples.
     */
    static int attentionExamples(Tensor qkv, int heads, int steps, Tensor keyMask, Tensor drop, Tensor probs, Tensor out, String what) {
        int rows = qkv.rows(), d3 = qkv.cols();
        if (heads < 1 || steps < 1 || d3 % 3 != 0 || (d3 / 3) % heads != 0 || rows % steps != 0) {
            throw new IllegalArgumentException(what + ": qkv " + rows + " x " + d3 + " does not hold " + steps + " steps of 3 x " + heads + " heads");
        }
        int n = rows / steps;
        if (probs.size() != n * heads * steps * steps) throw new IllegalArgumentException(what + ": probs must hold " + n * heads + " x " + steps + " x " + steps);
        if (drop != null && !drop.sameShape(probs)) throw new IllegalArgumentException(what + ": drop must have probs' shape");
        if (keyMask != null && keyMask.size() != n * steps) throw new IllegalArgumentException(what + ": keyMask must be [" + n + ", " + steps + "]");
        if (out.rows() != rows || out.cols() != d3 / 3) throw new IllegalArgumentException(what + ": out must be [" + rows + ", " + d3 / 3 + "]");
        return n;
    }

    /** Checks that every id is a whole number in [0, vocab) (ids are host data); what names the op. */
    static void checkIds(float[] ids, int vocab, String what) {
        for (int r = 0; r < ids.length; r++) {
            int k = (int) ids[r];
            if (k != ids[r] || k < 0 || k >= vocab) throw new IllegalArgumentException(what + ": id " + ids[r] + " at " + r + " is not in [0, " + vocab + ")");
        }
    }

    /** Embedding lookup: {@code out[r, :] = table[ids[r], :]}; ids ({@code [R]}) hold whole numbers in [0, table rows). */
    default void embeddingLookup(Tensor ids, Tensor table, Tensor out) {
        throw unsupported("embeddingLookup");
    }

    /** Backward of {@link #embeddingLookup}: {@code dTable[ids[r], :] += dOut[r, :]}, in row order. */
    default void embeddingBackward(Tensor ids, Tensor dOut, Tensor dTable) {
        throw unsupported("embeddingBackward");
    }

    /** Releases threads or device memory; the default does nothing. */
    @Override
    default void close() {}
}
