package dev.jgym.experiments;

import dev.jgym.agents.Evaluation;
import dev.jgym.agents.tabular.ValueEstimates;
import dev.jgym.core.sim.SimulatorListener;
import dev.jgym.core.sim.Transition;
import java.util.List;
import java.util.Map;

/**
 * Per-step metrics of one block of runs, summed over the runs in run order: the reward, and the
 * numeric or boolean info values named in {@code names} (a boolean counts 1 when true). Also keeps
 * each run's mean over the final window and its total, for confidence intervals across runs. With
 * {@code true_values}, the last two metrics are {@code value_rms} and {@code value_mse} of the
 * agent's estimates after each step ({@link ValueErrors}).
 *
 * <p>A listener for one run at a time: call {@link #startRun(int, ValueEstimates)} before each run.
 */
final class StepMetrics implements SimulatorListener<Object, Object> {
    static final String REWARD = "reward";
    /** With {@code count_episodes}: episodes completed by each step (the step that ends one included). */
    static final String EPISODES = "episodes";

    private final List<String> names;
    private final long steps;
    private final long windowStart;
    /** sums[m][t]: metric m at step t, summed over this block's runs. */
    final double[][] sums;
    /** windowMeans[m][r], totals[m][r]: per run of this block. */
    final double[][] windowMeans;
    final double[][] totals;
    /** Per run of this block, the greedy evaluation after learning; null without one. */
    Evaluation.Result[] evaluations;
    /** This block's final value estimates, summed over its runs; null for agents without them. */
    FinalValues values;
    private int run = -1;
    private final int episodesMetric;
    private final int rmsMetric;
    private final ValueErrors errors;
    private ValueEstimates estimates;
    private int completed;

    StepMetrics(List<String> names, long steps, long window, int runsInBlock) {
        this(names, steps, window, runsInBlock, false, null);
    }

    /**
     * With {@code countEpisodes}, metric 1 is {@value #EPISODES}; with {@code errors} (the config's
     * true values), the names end with {@code value_rms}, {@code value_mse}.
     */
    StepMetrics(List<String> names, long steps, long window, int runsInBlock, boolean countEpisodes, ValueErrors errors) {
        this.names = names;
        this.steps = steps;
        this.windowStart = steps - window;
        this.sums = new double[names.size()][Math.toIntExact(steps)];
        this.windowMeans = new double[names.size()][runsInBlock];
        this.totals = new double[names.size()][runsInBlock];
        this.episodesMetric = countEpisodes ? 1 : -1;
        this.errors = errors;
        this.rmsMetric = errors == null ? names.size() : names.size() - 2;
    }

    /** Starts run {@code runInBlock} of the agent whose estimates the value metrics read (with true values). */
    void startRun(int runInBlock, ValueEstimates agentEstimates) {
        run = runInBlock;
        completed = 0;
        estimates = agentEstimates;
    }

    void finishRun() {
        double window = steps - windowStart;
        for (int m = 0; m < names.size(); m++) windowMeans[m][run] /= window;
    }

    @Override
    public void onStep(long step, Transition<Object, Object> t) {
        int s = (int) step;
        Map<String, Object> info = t.info();
        if (t.done()) completed++;
        for (int m = 0; m < rmsMetric; m++) {
            add(m, step, m == 0 ? t.reward() : m == episodesMetric ? completed : value(info.get(names.get(m))));
        }
        if (errors != null) {
            double mse = errors.mse(estimates);
            add(rmsMetric, step, Math.sqrt(mse));
            add(rmsMetric + 1, step, mse);
        }
    }

    private void add(int m, long step, double v) {
        sums[m][(int) step] += v;
        totals[m][run] += v;
        if (step >= windowStart) windowMeans[m][run] += v;
    }

    static double value(Object v) {
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof Number n) return n.doubleValue();
        return Double.NaN;
    }

    static boolean isMetric(Object v) {
        return v instanceof Boolean || v instanceof Number;
    }
}
