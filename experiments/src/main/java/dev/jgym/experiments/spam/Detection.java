package dev.jgym.experiments.spam;

import dev.jgym.experiments.shallow.RocAuc;

/**
 * How well a filter tells spam from ham on a set of held-out mails. Spam is the positive class:
 * <pre>
 *   precision = TP / (TP + FP)    the share of mail flagged as spam that is spam
 *   recall    = TP / (TP + FN)    the share of spam that is flagged
 *   F1        = 2 precision recall / (precision + recall)
 * </pre>
 * at the filter's own threshold, and the ROC AUC of its scores over every threshold (the
 * probability that a random spam scores above a random ham, ties one half: {@link RocAuc#auc}).
 * Precision is NaN when nothing is flagged; F1 is 0 when no spam is caught.
 *
 * @param spam spam mails counted
 * @param ham ham mails counted
 * @param falsePositives ham flagged as spam
 * @param falseNegatives spam let through
 */
public record Detection(int spam, int ham, int falsePositives, int falseNegatives, double precision, double recall, double f1, double auc) {

    /**
     * The figures over the mails i with {@code include[i]}: {@code score[i]} the filter's score,
     * {@code flagged[i]} its decision, {@code isSpam[i]} the truth.
     */
    public static Detection of(double[] score, boolean[] flagged, boolean[] isSpam, boolean[] include) {
        int n = 0;
        for (boolean b : include) if (b) n++;
        double[] s = new double[n];
        boolean[] pos = new boolean[n];
        int k = 0, tp = 0, fp = 0, fn = 0, spam = 0;
        for (int i = 0; i < score.length; i++) {
            if (!include[i]) continue;
            s[k] = score[i];
            pos[k++] = isSpam[i];
            if (isSpam[i]) spam++;
            if (flagged[i] && isSpam[i]) tp++;
            if (flagged[i] && !isSpam[i]) fp++;
            if (!flagged[i] && isSpam[i]) fn++;
        }
        double precision = tp + fp == 0 ? Double.NaN : tp / (double) (tp + fp);
        double recall = spam == 0 ? Double.NaN : tp / (double) spam;
        double f1 = tp == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Detection(spam, n - spam, fp, fn, precision, recall, f1, RocAuc.auc(s, pos));
    }
}
