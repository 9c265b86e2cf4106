package dev.jgym.agents.pg;

/**
 * PPO's clipped surrogate (Schulman et al., 2017, eq. 7) for one sample, as a loss to minimise:
 * <pre>
 *   r = exp(log pi(a|s) - log pi_old(a|s))
 *   L = -min(r A, clip(r, 1 - eps, 1 + eps) A)
 *   dL/dlog pi = -r A   where the unclipped term is the minimum (or r lies inside the clip range), else 0
 * </pre>
 * and the value loss with optional clipping as Stable-Baselines3 writes it (not the max of the two
 * losses of OpenAI Baselines): {@code V_c = V_old + clip(V - V_old, -c, c)}, {@code L_V = (R - V_c)^2}.
 */
final class ClippedObjective {
    private ClippedObjective() {}

    /** The loss of one sample; the ratio r is {@code exp(logp - oldLogp)}. */
    static double loss(double logp, double oldLogp, double advantage, double clip) {
        double r = Math.exp(logp - oldLogp);
        double clipped = Math.max(1 - clip, Math.min(1 + clip, r));
        return -Math.min(r * advantage, clipped * advantage);
    }

    /** dL/dlog pi of one sample. */
    static double gradient(double logp, double oldLogp, double advantage, double clip) {
        double r = Math.exp(logp - oldLogp);
        double clipped = Math.max(1 - clip, Math.min(1 + clip, r));
        boolean unclippedTerm = r * advantage <= clipped * advantage;
        return unclippedTerm ? -r * advantage : 0;
    }

    /** Whether the sample's ratio lies outside the clip range (the clip fraction's count). */
    static boolean clipped(double logp, double oldLogp, double clip) {
        return Math.abs(Math.exp(logp - oldLogp) - 1) > clip;
    }

    /** The value prediction the loss sees: V itself, or V_old + clip(V - V_old, -c, c) when {@code clip} is not null. */
    static double clippedValue(double v, double oldV, Double clip) {
        if (clip == null) return v;
        return oldV + Math.max(-clip, Math.min(clip, v - oldV));
    }

    /** d(R - V_c)^2 / dV: zero where the clip holds V_c fixed. */
    static double valueGradient(double v, double oldV, double ret, Double clip) {
        if (clip != null && Math.abs(v - oldV) > clip) return 0;
        return 2 * (clippedValue(v, oldV, clip) - ret);
    }
}
