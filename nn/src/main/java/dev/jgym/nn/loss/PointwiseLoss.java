package dev.jgym.nn.loss;

import dev.jgym.nn.Backend;
import dev.jgym.nn.PointLoss;
import dev.jgym.nn.Tensor;

/**
 * Elementwise losses: MSE, L1, Huber (smooth L1) and binary cross-entropy with logits (see
 * {@link PointLoss} for the formulas). MEAN divides by the number of elements (as PyTorch).
 */
public final class PointwiseLoss implements Loss {
    private final Backend backend;
    private final PointLoss kind;
    private final float param;
    private final Reduction reduction;
    private Tensor grad;

    private PointwiseLoss(Backend backend, PointLoss kind, float param, Reduction reduction) {
        this.backend = backend;
        this.kind = kind;
        this.param = param;
        this.reduction = reduction;
    }

    public static PointwiseLoss mse(Backend backend, Reduction reduction) {
        return new PointwiseLoss(backend, PointLoss.MSE, 0, reduction);
    }

    public static PointwiseLoss l1(Backend backend, Reduction reduction) {
        return new PointwiseLoss(backend, PointLoss.L1, 0, reduction);
    }

    /** Huber with threshold delta (1 gives PyTorch's SmoothL1Loss with beta 1). */
    public static PointwiseLoss huber(Backend backend, double delta, Reduction reduction) {
        if (!(delta > 0)) throw new IllegalArgumentException("huber: delta must be positive, was " + delta);
        return new PointwiseLoss(backend, PointLoss.HUBER, (float) delta, reduction);
    }

    /** Binary cross-entropy on logits, targets in [0, 1]. */
    public static PointwiseLoss bceWithLogits(Backend backend, Reduction reduction) {
        return new PointwiseLoss(backend, PointLoss.BCE_WITH_LOGITS, 0, reduction);
    }

    @Override
    public double forward(Tensor prediction, Tensor target) {
        grad = Tensor.zeros(prediction.shape());
        double total = backend.pointwiseLoss(kind, param, prediction, target, grad);
        if (reduction == Reduction.MEAN && prediction.size() > 0) {
            backend.scale(grad, 1f / prediction.size(), grad);
            return total / prediction.size();
        }
        return total;
    }

    @Override
    public Tensor backward() {
        return grad;
    }
}
