package dev.jgym.nn.optim;

import dev.jgym.nn.Backend;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import java.util.List;

/**
 * Centered RMSProp (Graves, 2013, "Generating sequences with recurrent neural networks", eq. 38-41),
 * the update of the DQN paper (Mnih et al., 2015) and of MinAtar's DQN (Young and Tian, 2019:
 * PyTorch's {@code RMSprop(lr=2.5e-4, alpha=0.95, eps=0.01, centered=True)}):
 * <pre>
 *   g = grad + weightDecay w
 *   s = alpha s + (1 - alpha) g^2          squared-gradient average
 *   m = alpha m + (1 - alpha) g            gradient average
 *   w -= lr g / (sqrt(s - m^2) + eps)      eps after the square root, as PyTorch
 * </pre>
 * A class of its own (not a flag of {@link RmsProp}) so plain RMSProp keeps its one state table and
 * its checkpoints.
 */
public final class CenteredRmsProp extends Optimizer {
    /** MinAtar's settings: squared-gradient momentum 0.95, minimum squared gradient 0.01. */
    public static final double MINATAR_ALPHA = 0.95, MINATAR_EPS = 0.01;

    private final double alpha, eps, weightDecay;
    private final Tensor[] square, mean;

    public CenteredRmsProp(List<Param> params, double lr, double alpha, double eps, double weightDecay) {
        this(HOST, params, lr, alpha, eps, weightDecay);
    }

    /** Updates through {@code backend}. */
    public CenteredRmsProp(Backend backend, List<Param> params, double lr, double alpha, double eps, double weightDecay) {
        super(backend, params, lr);
        if (!(alpha >= 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be in [0, 1), was " + alpha);
        if (!(eps > 0)) throw new IllegalArgumentException("eps must be positive, was " + eps);
        this.alpha = alpha;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.square = stateTensors(this.params.size());
        this.mean = stateTensors(this.params.size());
    }

    @Override
    protected void update(int i, Param p, double lr, long t) {
        backend.rmsPropCenteredUpdate(p.value(), p.grad(), stateOf(square, i, p), stateOf(mean, i, p), lr, alpha, eps, weightDecay);
    }
}
