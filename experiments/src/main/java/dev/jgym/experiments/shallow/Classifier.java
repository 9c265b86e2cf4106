package dev.jgym.experiments.shallow;

/**
 * A trained one-vs-rest scorer: for each example a real score per class, higher meaning "more
 * likely this class". Per-class ROC AUC needs only these scores' order.
 */
public interface Classifier {
    /** Scores [n][classes] for n examples of d features, row-major in x. */
    double[][] scores(float[] x, int n);
}
