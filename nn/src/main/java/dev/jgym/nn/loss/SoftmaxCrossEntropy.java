package dev.jgym.nn.loss;

import dev.jgym.nn.Backend;
import dev.jgym.nn.Tensor;

/**
 * Softmax followed by cross-entropy, fused: {@code L = -sum_j t_j log softmax(x)_j} per example,
 * computed as {@code logsumexp(x) - sum_j t_j x_j} with the row maximum taken out first, so no
 * logit overflows; the gradient is {@code softmax(x) - t}. Targets are one-hot rows (see
 * {@link #oneHot}) or any distributions. MEAN divides by the batch size (as PyTorch).
 */
public final class SoftmaxCrossEntropy implements Loss {
    private final Backend backend;
    private final Reduction reduction;
    private Tensor grad;

    public SoftmaxCrossEntropy(Backend backend, Reduction reduction) {
        this.backend = backend;
        this.reduction = reduction;
    }

    public SoftmaxCrossEntropy(Backend backend) {
        this(backend, Reduction.MEAN);
    }

    @Override
    public double forward(Tensor logits, Tensor target) {
        grad = Tensor.zeros(logits.shape());
        double total = backend.softmaxCrossEntropy(logits, target, grad);
        if (reduction == Reduction.MEAN && logits.rows() > 0) {
            backend.scale(grad, 1f / logits.rows(), grad);
            return total / logits.rows();
        }
        return total;
    }

    @Override
    public Tensor backward() {
        return grad;
    }

    /** One-hot rows for class labels in [0, classes). */
    public static Tensor oneHot(int[] labels, int classes) {
        Tensor t = Tensor.zeros(labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) throw new IllegalArgumentException("label " + labels[i] + " outside [0, " + classes + ")");
            t.data()[i * classes + labels[i]] = 1f;
        }
        return t;
    }
}
