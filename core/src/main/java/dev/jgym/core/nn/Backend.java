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

    /** Releases threads or device memory; the default does nothing. */
    @Override
    default void close() {}
}
