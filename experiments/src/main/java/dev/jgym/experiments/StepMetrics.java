package dev.jgym.experiments;

import dev.jgym.agents.Evaluation;
import dev.jgym.core.sim.SimulatorListener;
import dev.jgym.core.sim.Transition;
import java.util.List;
import java.util.Map;

/**
 * Per-step metrics of one block of runs, summed over the runs in run order: the reward, and the
 * numeric or boolean info values named in {@code names} (a boolean counts 1 when true). Also keeps
 * each run's mean over the final window and its total, for confidence intervals across runs.
 *
 * <p>A listener for one run at a time: call {@link #startRun(int)} before each run.
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
    private int run = -1;
    private final int episodesMetric;
    private int completed;

    StepMetrics(List<String> names, long steps, long window, int runsInBlock) {
        this(names, steps, window, runsInBlock, false);
    }

    /** With {@code countEpisodes}, metric 1 is {@value #EPISODES}. */
    StepMetrics(List<String> names, long steps, long window, int runsInBlock, boolean countEpisodes) {
        this.names = names;
        this.steps = steps;
        this.windowStart = steps - window;
        this.sums = new double[names.size()][Math.toIntExact(steps)];
        this.windowMeans = new double[names.size()][runsInBlock];
        this.totals = new double[names.size()][runsInBlock];
        this.episodesMetric = countEpisodes ? 1 : -1;
    }

    void startRun(int runInBlock) {
        run = runInBlock;
        completed = 0;
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
        for (int m = 0; m < names.size(); m++) {
            double v = m == 0 ? t.reward() : m == episodesMetric ? completed : value(info.get(names.get(m)));
            sums[m][s] += v;
            totals[m][run] += v;
            if (step >= windowStart) windowMeans[m][run] += v;
        }
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
