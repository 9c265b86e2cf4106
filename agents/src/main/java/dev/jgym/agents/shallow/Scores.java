package dev.jgym.agents.shallow;

import java.util.Set;

/**
 * How a model's real-valued class outputs become the per-class scores that ROC AUC ranks.
 *
 * <ul>
 *   <li>{@code raw}: each class's output as it is (a pure one-vs-rest reading: class c's score
 *       never looks at the other classes);
 *   <li>{@code softmax}: {@code p_c = exp(f_c) / sum_j exp(f_j)}, the multi-class probability
 *       (what scikit-learn's {@code roc_auc_score(..., multi_class="ovr")} is given as
 *       {@code predict_proba}, and what the MLP baseline reports). An image that looks a little
 *       like a 7 but much more like a 9 then ranks low for 7.
 * </ul>
 *
 * Softmax uses {@link StrictMath#exp} after subtracting the row's maximum, so it is exact to the
 * bit on every JVM and cannot overflow.
 */
public final class Scores {
    public static final Set<String> MODES = Set.of("raw", "softmax");

    private Scores() {}

    /** Replaces each row of outputs by its softmax, in place; returns the array. */
    public static double[][] softmax(double[][] outputs) {
        for (double[] row : outputs) {
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (double v : row) max = Math.max(max, v);
            for (int c = 0; c < row.length; c++) sum += row[c] = StrictMath.exp(row[c] - max);
            for (int c = 0; c < row.length; c++) row[c] /= sum;
        }
        return outputs;
    }

    /** Applies the named mode ({@link #MODES}) to the outputs, in place. */
    public static double[][] apply(String mode, double[][] outputs) {
        return switch (mode) {
            case "raw" -> outputs;
            case "softmax" -> softmax(outputs);
            default -> throw new IllegalArgumentException("unknown score mode " + mode);
        };
    }
}
