package dev.jgym.core.nn;

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
 * <p>Room for more: the CNN issue adds convolution and pooling here (im2col + {@link #gemm} on
 * the CPU), the LSTM issue its fused gates; every new op gets a CPU reference first.
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

    /** Releases threads or device memory; the default does nothing. */
    @Override
    default void close() {}
}
