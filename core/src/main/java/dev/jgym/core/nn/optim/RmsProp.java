package dev.jgym.core.nn.optim;

import dev.jgym.core.nn.Param;
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
    private final float[][] square;

    public RmsProp(List<Param> params, double lr) {
        this(params, lr, 0.99, 1e-8, 0);
    }

    public RmsProp(List<Param> params, double lr, double alpha, double eps, double weightDecay) {
        super(params, lr);
        this.alpha = alpha;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.square = state(this.params.size());
    }

    @Override
    protected void update(int i, Param p, double lr, long t) {
        float[] w = p.value().data(), g = p.grad().data();
        if (square[i] == null) square[i] = new float[w.length];
        float[] s = square[i];
        for (int j = 0; j < w.length; j++) {
            double gj = g[j] + weightDecay * w[j];
            double sj = alpha * s[j] + (1 - alpha) * gj * gj;
            s[j] = (float) sj;
            w[j] = (float) (w[j] - lr * gj / (Math.sqrt(sj) + eps));
        }
    }
}
