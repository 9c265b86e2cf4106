package dev.jgym.nn.optim;

import dev.jgym.nn.Backend;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import java.util.List;

/**
 * RMSProp (Tieleman and Hinton, 2012, lecture 6e):
 * <pre>
 *   g = grad + weightDecay w
 *   s = alpha s + (1 - alpha) g^2
 *   w -= lr g / (sqrt(s) + eps)
 * </pre>
 * Defaults as PyTorch: alpha 0.99, eps 1e-8.
 */
public final class RmsProp extends Optimizer {
    private final double alpha, eps, weightDecay;
    private final Tensor[] square;

    public RmsProp(List<Param> params, double lr) {
        this(params, lr, 0.99, 1e-8, 0);
    }

    public RmsProp(List<Param> params, double lr, double alpha, double eps, double weightDecay) {
        this(HOST, params, lr, alpha, eps, weightDecay);
    }

    /** Updates through {@code backend} (parameters that live on a device stay there). */
    public RmsProp(Backend backend, List<Param> params, double lr, double alpha, double eps, double weightDecay) {
        super(backend, params, lr);
        this.alpha = alpha;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.square = stateTensors(this.params.size());
    }

    @Override
    protected void update(int i, Param p, double lr, long t) {
        backend.rmsPropUpdate(p.value(), p.grad(), stateOf(square, i, p), lr, alpha, eps, weightDecay);
    }
}
