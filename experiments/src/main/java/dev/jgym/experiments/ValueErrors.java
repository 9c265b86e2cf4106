package dev.jgym.experiments;

import dev.jgym.agents.tabular.ValueEstimates;

/**
 * The config's {@code true_values} as rows of the agents' value tables, and the error of a set of
 * estimates against them: the mean over the listed states of (V(s) − v(s))², whose root is the
 * RMS error of S&amp;B Figure 6.2 and which is itself the squared error of Figure 5.3.
 */
final class ValueErrors {
    /** Metric: the root of the mean squared error over the listed states. */
    static final String RMS = "value_rms";
    /** Metric: the mean squared error over the listed states. */
    static final String MSE = "value_mse";

    final int[] rows;
    final double[] truth;

    ValueErrors(int[] rows, double[] truth) {
        this.rows = rows;
        this.truth = truth;
    }

    /** Mean over the listed states of the squared error of {@code estimates}. */
    double mse(ValueEstimates estimates) {
        double sum = 0;
        for (int i = 0; i < rows.length; i++) {
            double e = estimates.stateValue(rows[i]) - truth[i];
            sum += e * e;
        }
        return sum / rows.length;
    }
}
