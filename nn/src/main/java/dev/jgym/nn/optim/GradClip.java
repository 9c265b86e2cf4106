package dev.jgym.nn.optim;

import dev.jgym.nn.Backend;
import dev.jgym.nn.Param;
import java.util.List;

/** Gradient clipping by global norm (Pascanu et al., 2013): all gradients scaled together. */
public final class GradClip {
    private GradClip() {}

    /**
     * When the L2 norm of all gradients together exceeds maxNorm, scales them by
     * {@code maxNorm / norm}. Returns the norm before clipping.
     */
    public static double byGlobalNorm(List<Param> params, double maxNorm) {
        double ss = 0;
        for (Param p : params) {
            if (!p.isTrainable()) continue;
            for (float g : p.grad().data()) ss += (double) g * g;
        }
        double norm = Math.sqrt(ss);
        if (norm > maxNorm && norm > 0) {
            float s = (float) (maxNorm / norm);
            for (Param p : params) {
                if (!p.isTrainable()) continue;
                float[] g = p.grad().data();
                for (int i = 0; i < g.length; i++) g[i] *= s;
            }
        }
        return norm;
    }

    /**
     * The same through a backend (gradients that live on a device stay there): the sum of squares
     * runs on in index order across the parameters, so on the CPU it equals the host version bit
     * for bit.
     */
    public static double byGlobalNorm(Backend backend, List<Param> params, double maxNorm) {
        double ss = 0;
        for (Param p : params) if (p.isTrainable()) ss = backend.addSumSquares(ss, p.grad());
        double norm = Math.sqrt(ss);
        if (norm > maxNorm && norm > 0) {
            float s = (float) (maxNorm / norm);
            for (Param p : params) if (p.isTrainable()) backend.scale(p.grad(), s, p.grad());
        }
        return norm;
    }
}
