package dev.jgym.nn.optim;

import dev.jgym.nn.Backend;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
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
    private final Tensor[] m, v;

    public Adam(List<Param> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0, false);
    }

    public Adam(List<Param> params, double lr, double beta1, double beta2, double eps, double weightDecay, boolean decoupled) {
        this(HOST, params, lr, beta1, beta2, eps, weightDecay, decoupled);
    }

    /** Adam with the defaults, updating through {@code backend}. */
    public Adam(Backend backend, List<Param> params, double lr) {
        this(backend, params, lr, 0.9, 0.999, 1e-8, 0, false);
    }

    /** Updates through {@code backend} (parameters that live on a device stay there). */
    public Adam(Backend backend, List<Param> params, double lr, double beta1, double beta2, double eps, double weightDecay, boolean decoupled) {
        super(backend, params, lr);
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("betas must be in [0, 1), were " + beta1 + ", " + beta2);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
        this.m = stateTensors(this.params.size());
        this.v = stateTensors(this.params.size());
    }

    /** AdamW with the given decoupled weight decay. */
    public static Adam adamW(List<Param> params, double lr, double weightDecay) {
        return new Adam(params, lr, 0.9, 0.999, 1e-8, weightDecay, true);
    }

    @Override
    protected void update(int i, Param p, double lr, long t) {
        backend.adamUpdate(p.value(), p.grad(), stateOf(m, i, p), stateOf(v, i, p), lr, beta1, beta2, eps, weightDecay, decoupled, t);
    }
}
