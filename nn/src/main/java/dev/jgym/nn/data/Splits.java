package dev.jgym.nn.data;

import dev.jgym.core.rng.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * Seeded data splits: train/validation/test by fractions, and k-fold cross-validation.
 * Both shuffle the indices 0..n-1 once with the given {@link Rng}, then cut.
 */
public final class Splits {
    private Splits() {}

    /** One fold: train on {@code train}, validate on {@code validation}. */
    public record Fold(int[] train, int[] validation) {}

    /**
     * Index sets of sizes {@code round(n * fraction)} for each fraction but the last, which
     * takes the rest; fractions must sum to 1 (within 1e-9).
     */
    public static int[][] split(int n, Rng rng, double... fractions) {
        double total = 0;
        for (double f : fractions) {
            if (!(f >= 0)) throw new IllegalArgumentException("fractions must be >= 0");
            total += f;
        }
        if (Math.abs(total - 1) > 1e-9) throw new IllegalArgumentException("fractions must sum to 1, sum to " + total);
        int[] idx = shuffled(n, rng);
        int[][] parts = new int[fractions.length][];
        int from = 0;
        for (int p = 0; p < fractions.length; p++) {
            int size = p == fractions.length - 1 ? n - from : (int) Math.round(n * fractions[p]);
            size = Math.min(size, n - from);
            parts[p] = java.util.Arrays.copyOfRange(idx, from, from + size);
            from += size;
        }
        return parts;
    }

    /** k folds: fold i validates on the i-th of k near-equal parts of a shuffled order. */
    public static List<Fold> kFold(int n, int k, Rng rng) {
        if (k < 2 || k > n) throw new IllegalArgumentException("k-fold needs 2 <= k <= n, found k=" + k + ", n=" + n);
        int[] idx = shuffled(n, rng);
        List<Fold> folds = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            int from = (int) ((long) i * n / k), to = (int) ((long) (i + 1) * n / k);
            int[] val = java.util.Arrays.copyOfRange(idx, from, to);
            int[] train = new int[n - val.length];
            System.arraycopy(idx, 0, train, 0, from);
            System.arraycopy(idx, to, train, from, n - to);
            folds.add(new Fold(train, val));
        }
        return folds;
    }

    private static int[] shuffled(int n, Rng rng) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        rng.shuffle(idx);
        return idx;
    }
}
