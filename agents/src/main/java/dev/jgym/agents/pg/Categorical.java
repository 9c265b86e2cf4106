package dev.jgym.agents.pg;

import dev.jgym.core.rng.Rng;

/**
 * The categorical policy over a {@code Discrete(n)} action space: pi(a|s) = softmax(z)_a of the
 * actor's logits z, with an optional action mask (masked actions get probability 0: their logits
 * count as minus infinity, as in MaskablePPO). Every function reads one row of logits at
 * {@code offset}; a null mask allows every action.
 * <pre>
 *   log pi(a)  = z_a - logsumexp(z)                     d/dz_k = [k = a] - p_k
 *   H          = -sum_k p_k log p_k                     d/dz_k = -p_k (log p_k + H)
 * </pre>
 */
final class Categorical {
    private Categorical() {}

    private static boolean allowed(byte[] mask, int maskOffset, int k) {
        return mask == null || mask[maskOffset + k] != 0;
    }

    /** Fills {@code logp[0..n)} with log pi(k) (minus infinity where masked); returns nothing else. */
    static void logProbs(float[] logits, int offset, int n, byte[] mask, int maskOffset, double[] logp) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) if (allowed(mask, maskOffset, k)) max = Math.max(max, logits[offset + k]);
        double sum = 0;
        for (int k = 0; k < n; k++) if (allowed(mask, maskOffset, k)) sum += Math.exp(logits[offset + k] - max);
        double lse = max + Math.log(sum);
        for (int k = 0; k < n; k++) logp[k] = allowed(mask, maskOffset, k) ? logits[offset + k] - lse : Double.NEGATIVE_INFINITY;
    }

    /** H = -sum_k p_k log p_k of the log-probabilities {@code logp} (masked actions contribute 0). */
    static double entropy(double[] logp, int n) {
        double h = 0;
        for (int k = 0; k < n; k++) if (logp[k] != Double.NEGATIVE_INFINITY) h -= Math.exp(logp[k]) * logp[k];
        return h;
    }

    /** One draw: the first k whose cumulative probability exceeds a uniform u (one {@code nextDouble}); never a masked action. */
    static int sample(double[] logp, int n, Rng rng) {
        double u = rng.nextDouble(), c = 0;
        int last = -1;
        for (int k = 0; k < n; k++) {
            if (logp[k] == Double.NEGATIVE_INFINITY) continue;
            c += Math.exp(logp[k]);
            last = k;
            if (u < c) return k;
        }
        return last; // rounding: the cumulative sum ended just below u
    }

    /** The most probable allowed action (the first on ties): the greedy policy. */
    static int mode(double[] logp, int n) {
        int best = -1;
        for (int k = 0; k < n; k++) if (logp[k] != Double.NEGATIVE_INFINITY && (best < 0 || logp[k] > logp[best])) best = k;
        return best;
    }

    /**
     * Writes into {@code dz[offset..offset+n)} the gradient with respect to the logits of
     * {@code gLogp * log pi(a) + gEntropy * H}.
     */
    static void backward(double[] logp, int n, int a, double gLogp, double gEntropy, float[] dz, int offset) {
        double h = entropy(logp, n);
        for (int k = 0; k < n; k++) {
            if (logp[k] == Double.NEGATIVE_INFINITY) {
                dz[offset + k] = 0f;
                continue;
            }
            double p = Math.exp(logp[k]);
            double g = gLogp * ((k == a ? 1 : 0) - p) - gEntropy * p * (logp[k] + h);
            dz[offset + k] = (float) g;
        }
    }
}
