package dev.jgym.core.nn.optim;

import dev.jgym.core.nn.Param;
import java.util.List;

/**
 * Adam (Kingma and Ba, 2015, Algorithm 1) and AdamW (Loshchilov and Hutter, 2019):
 * <pre>
 *   AdamW only:  w -= lr weightDecay w          (decoupled weight decay)
 *   Adam only:   g = grad + weightDecay w       (L2 regularisation through the gradient)
 *   m = beta1 m + (1 - beta1) g
 *   v = beta2 v + (1 - beta2) g^2
 *   mhat = m / (1 - beta1^t),  vhat = v / (1 - beta2^t)
 *   w -= lr mhat / (sqrt(vhat) + eps)
 * </pre>
 * Defaults: beta1 0.9, beta2 0.999, eps 1e-8; weight decay 0 (Adam), 0.01 (AdamW).
 */
public final class Adam extends Optimizer {
    private final double beta1, beta2, eps, weightDecay;
    private final boolean decoupled;
    private final float[][] m, v;

    public Adam(List<Param> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0, false);
    }

    public Adam(List<Param> params, double lr, double beta1, double beta2, double eps, double weightDecay, boolean decoupled) {
        super(params, lr);
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("betas must be in [0, 1), were " + beta1 + ", " + beta2);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
        this.m = state(this.params.size());
        this.v = state(this.params.size());
    }

    /** AdamW with the given decoupled weight decay. */
    public static Adam adamW(List<Param> params, double lr, double weightDecay) {
        return new Adam(params, lr, 0.9, 0.999, 1e-8, weightDecay, true);
    }

    @Override
    protected void update(int i, Param p, double lr, long t) {
        float[] w = p.value().data(), g = p.grad().data();
        if (m[i] == null) {
            m[i] = new float[w.length];
            v[i] = new float[w.length];
        }
        float[] mi = m[i], vi = v[i];
        double c1 = 1 - Math.pow(beta1, t), c2 = 1 - Math.pow(beta2, t);
        for (int j = 0; j < w.length; j++) {
            double wj = w[j];
            if (decoupled) wj -= lr * weightDecay * wj;
            double gj = decoupled ? g[j] : g[j] + weightDecay * w[j];
            double mj = beta1 * mi[j] + (1 - beta1) * gj;
            double vj = beta2 * vi[j] + (1 - beta2) * gj * gj;
            mi[j] = (float) mj;
            vi[j] = (float) vj;
            w[j] = (float) (wj - lr * (mj / c1) / (Math.sqrt(vj / c2) + eps));
        }
    }
}
