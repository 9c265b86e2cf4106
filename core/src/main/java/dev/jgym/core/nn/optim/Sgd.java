package dev.jgym.core.nn.optim;

import dev.jgym.core.nn.Param;
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
    private final float[][] velocity;

    public Sgd(List<Param> params, double lr) {
        this(params, lr, 0, false, 0);
    }

    public Sgd(List<Param> params, double lr, double momentum, boolean nesterov, double weightDecay) {
        super(params, lr);
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must be in [0, 1), was " + momentum);
        if (nesterov && momentum == 0) throw new IllegalArgumentException("nesterov needs momentum > 0");
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
        this.velocity = state(this.params.size());
    }

    @Override
    protected void update(int i, Param p, double lr, long t) {
        float[] w = p.value().data(), g = p.grad().data();
        if (momentum == 0) {
            for (int j = 0; j < w.length; j++) w[j] = (float) (w[j] - lr * (g[j] + weightDecay * w[j]));
            return;
        }
        if (velocity[i] == null) velocity[i] = new float[w.length];
        float[] v = velocity[i];
        for (int j = 0; j < w.length; j++) {
            double gj = g[j] + weightDecay * w[j];
            double vj = momentum * v[j] + gj;
            v[j] = (float) vj;
            w[j] = (float) (w[j] - lr * (nesterov ? gj + momentum * vj : vj));
        }
    }
}
