package dev.jgym.experiments.shallow;

import dev.jgym.core.config.Check;
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
 * Softmax uses {@link StrictMath#exp} after subtracting the row's maximum, so it gives the same
 * bits on every JVM and cannot overflow.
 */
public final class Scores {
    public static final Set<String> MODES = Set.of("raw", "softmax");

    private Scores() {}

    /** Rejects a mode not in {@link #MODES} as a config error on the field {@code score}. */
    public static void check(String mode) {
        Check.that(MODES.contains(mode), "score", "expected \"softmax\" or \"raw\", found \"" + mode + "\"");
    }

    /**
     * Per pixel, the weights minus their mean over the classes: under softmax scoring the part
     * that tells a class from the others (adding one vector to every class changes no softmax).
     */
    public static double[][] centred(double[][] weights) {
        int d = weights[0].length;
        double[] mean = new double[d];
        for (double[] w : weights) for (int p = 0; p < d; p++) mean[p] += w[p] / weights.length;
        double[][] out = new double[weights.length][d];
        for (int c = 0; c < weights.length; c++) for (int p = 0; p < d; p++) out[c][p] = weights[c][p] - mean[p];
        return out;
    }

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
