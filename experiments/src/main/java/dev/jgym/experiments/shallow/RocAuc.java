package dev.jgym.experiments.shallow;

import java.util.Arrays;

/**
 * Area under the ROC curve, one-vs-rest per class: the probability that a random positive scores
 * above a random negative, ties counting one half (the Mann-Whitney U statistic divided by
 * n+ n-; Hanley and McNeil, 1982). Equal to scikit-learn's {@code roc_auc_score}.
 */
public final class RocAuc {
    private RocAuc() {}

    /** AUC of scores for the positives marked true; NaN when either group is empty. */
    public static double auc(double[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) j++;
            double midRank = (i + j) / 2.0 + 1; // 1-based mean rank of the tied group
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    rankSumPos += midRank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) return Double.NaN;
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** Per-class one-vs-rest AUC from scores[n][classes] and labels. */
    public static double[] perClass(double[][] scores, int[] labels, int classes) {
        double[] out = new double[classes];
        double[] s = new double[labels.length];
        boolean[] p = new boolean[labels.length];
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < labels.length; i++) {
                s[i] = scores[i][c];
                p[i] = labels[i] == c;
            }
            out[c] = auc(s, p);
        }
        return out;
    }

    /** The mean over classes whose AUC is defined. */
    public static double mean(double[] perClass) {
        double sum = 0;
        int n = 0;
        for (double a : perClass) {
            if (!Double.isNaN(a)) {
                sum += a;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Share of examples whose highest-scoring class is their label (ties: the lowest class). */
    public static double accuracy(double[][] scores, int[] labels) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int c = 1; c < scores[i].length; c++) if (scores[i][c] > scores[i][best]) best = c;
            if (best == labels[i]) correct++;
        }
        return labels.length == 0 ? Double.NaN : correct / (double) labels.length;
    }
}
