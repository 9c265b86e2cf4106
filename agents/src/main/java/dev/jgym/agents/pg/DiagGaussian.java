package dev.jgym.agents.pg;

import dev.jgym.core.rng.Rng;

/**
 * The diagonal Gaussian policy over a {@code Box(d)} action space: a ~ N(mu(s), diag(sigma^2)),
 * mu from the actor, log sigma a state-independent parameter (Stable-Baselines3's
 * {@code DiagGaussianDistribution}). The env gets the sample clipped to the space's bounds; the
 * log-probability is of the unclipped sample, as SB3 does. The greedy action is mu (clipped).
 * <pre>
 *   log pi(a) = sum_j -(a_j - mu_j)^2 / (2 sigma_j^2) - log sigma_j - log(2 pi) / 2
 *             d/dmu_j = (a_j - mu_j) / sigma_j^2,   d/dlog sigma_j = (a_j - mu_j)^2 / sigma_j^2 - 1
 *   H         = sum_j 1/2 + log(2 pi) / 2 + log sigma_j       d/dlog sigma_j = 1
 * </pre>
 */
final class DiagGaussian {
    static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private DiagGaussian() {}

    static double logProb(float[] a, int aOffset, float[] mu, int muOffset, float[] logStd, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double z = (a[aOffset + j] - mu[muOffset + j]) / Math.exp(logStd[j]);
            s += -0.5 * z * z - logStd[j] - HALF_LOG_2PI;
        }
        return s;
    }

    static double entropy(float[] logStd, int d) {
        double h = 0;
        for (int j = 0; j < d; j++) h += 0.5 + HALF_LOG_2PI + logStd[j];
        return h;
    }

    /** a_j = mu_j + sigma_j eps_j, eps_j standard normal from {@code rng} (j in order), into {@code a[aOffset..)}. */
    static void sample(float[] mu, int muOffset, float[] logStd, int d, Rng rng, float[] a, int aOffset) {
        for (int j = 0; j < d; j++) a[aOffset + j] = (float) (mu[muOffset + j] + Math.exp(logStd[j]) * rng.gaussian());
    }

    /**
     * Adds the gradient of {@code gLogp * log pi(a)} to {@code dMu[muOffset..)} (written, not added)
     * and to {@code dLogStd} (added: one log sigma serves every row).
     */
    static void backward(float[] a, int aOffset, float[] mu, int muOffset, float[] logStd, int d, double gLogp, float[] dMu,
                         double[] dLogStd) {
        for (int j = 0; j < d; j++) {
            double var = Math.exp(2 * logStd[j]);
            double diff = a[aOffset + j] - mu[muOffset + j];
            dMu[muOffset + j] = (float) (gLogp * diff / var);
            dLogStd[j] += gLogp * (diff * diff / var - 1);
        }
    }

    /** Clips {@code a} into [low, high] elementwise (what the env is given). */
    static void clip(float[] a, int offset, float[] low, float[] high, float[] out, int outOffset) {
        for (int j = 0; j < low.length; j++) out[outOffset + j] = Math.min(high[j], Math.max(low[j], a[offset + j]));
    }
}
