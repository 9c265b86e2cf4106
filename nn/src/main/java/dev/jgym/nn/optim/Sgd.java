package dev.jgym.nn.optim;

import dev.jgym.nn.Backend;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import java.util.List;

/**
 * Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay
 * (PyTorch's SGD without dampening):
 * <pre>
 *   g = grad + weightDecay w                (L2 regularisation)
 *   v = momentum v + g                      (v starts at 0)
 *   w -= lr (nesterov ? g + momentum v : v)  (plain SGD when momentum = 0: w -= lr g)
 * </pre>
 */
public final class Sgd extends Optimizer {
    private final double momentum, weightDecay;
    private final boolean nesterov;
    private final Tensor[] velocity;

    public Sgd(List<Param> params, double lr) {
        this(params, lr, 0, false, 0);
    }

    public Sgd(List<Param> params, double lr, double momentum, boolean nesterov, double weightDecay) {
        this(HOST, params, lr, momentum, nesterov, weightDecay);
    }

    /** Updates through {@code backend} (parameters that live on a device stay there). */
    public Sgd(Backend backend, List<Param> params, double lr, double momentum, boolean nesterov, double weightDecay) {
        super(backend, params, lr);
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must be in [0, 1), was " + momentum);
        if (nesterov && momentum == 0) throw new IllegalArgumentException("nesterov needs momentum > 0");
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
        this.velocity = stateTensors(this.params.size());
    }

    @Override
    protected void update(int i, Param p, double lr, long t) {
        Tensor v = momentum == 0 ? null : stateOf(velocity, i, p);
        backend.sgdUpdate(p.value(), p.grad(), v, lr, momentum, nesterov, weightDecay);
    }
}
