package dev.jgym.experiments;

import dev.jgym.agents.Evaluation;
import dev.jgym.agents.tabular.ValueEstimates;
import dev.jgym.core.sim.SimulatorListener;

/**
 * The metrics of one block of runs of one agent: per point (step or episode) and metric the sum
 * over the block's runs, added in run order at every point, and per run its mean over the final
 * window and its total, for intervals across runs. Each run feeds it through its own
 * {@link #listener}, so the block's runs may take turns (advanced a chunk at a time) and every
 * point's sum is still added in run order.
 */
abstract class BlockMetrics {
    /** sums[m][t]: metric m at point t, summed over this block's runs. */
    final double[][] sums;
    /** windowMeans[m][r], totals[m][r]: per run of this block. */
    final double[][] windowMeans;
    final double[][] totals;
    /** Per run of this block, the greedy evaluation after learning; null without one. */
    Evaluation.Result[] evaluations;
    /** This block's final value estimates, summed over its runs; null for agents without them. */
    FinalValues values;
    private final long windowStart;
    private final double window;

    BlockMetrics(int metrics, long points, long window, int runsInBlock) {
        this.sums = new double[metrics][Math.toIntExact(points)];
        this.windowMeans = new double[metrics][runsInBlock];
        this.totals = new double[metrics][runsInBlock];
        this.windowStart = points - window;
        this.window = window;
    }

    /** The listener of run {@code runInBlock}, whose estimates the value metrics read (with true values; else null). */
    abstract SimulatorListener<Object, Object> listener(int runInBlock, ValueEstimates estimates);

    /** Run {@code runInBlock} is done: its window sums become means. */
    final void finishRun(int runInBlock) {
        for (double[] w : windowMeans) w[runInBlock] /= window;
    }

    /** Value {@code v} of metric {@code m} at point {@code t} of run {@code runInBlock}. */
    final void add(int m, int runInBlock, long t, double v) {
        sums[m][(int) t] += v;
        totals[m][runInBlock] += v;
        if (t >= windowStart) windowMeans[m][runInBlock] += v;
    }
}
