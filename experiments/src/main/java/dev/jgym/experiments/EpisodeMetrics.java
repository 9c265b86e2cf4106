package dev.jgym.experiments;

import dev.jgym.agents.Evaluation;
import dev.jgym.agents.tabular.ValueEstimates;
import dev.jgym.core.sim.SimulatorListener;
import java.util.List;

/**
 * Per-episode metrics of one block of runs, summed over the runs in run order: {@code return}
 * (the sum of rewards of episode k) and {@code length} (its steps), for {@code curve: "episode"}.
 * With {@code true_values}, also {@code value_rms} and {@code value_mse} of the agent's estimates
 * after each episode ({@link ValueErrors}); with {@code values_at}, the estimates after those
 * episodes ({@link #valuesAt}). Also keeps each run's mean over the final window of
 * episodes and its total, as {@link StepMetrics} does for steps.
 */
final class EpisodeMetrics implements SimulatorListener<Object, Object> {
    static final String RETURN = "return";
    static final String LENGTH = "length";
    static final java.util.List<String> NAMES = java.util.List.of(RETURN, LENGTH);
    /** The names with {@code true_values}. */
    static final java.util.List<String> NAMES_WITH_ERRORS = java.util.List.of(RETURN, LENGTH, ValueErrors.RMS, ValueErrors.MSE);

    private final int episodes;
    private final int windowStart;
    final double[][] sums;
    final double[][] windowMeans;
    final double[][] totals;
    /** Per run of this block, the greedy evaluation after learning; null without one. */
    Evaluation.Result[] evaluations;
    /** This block's final value estimates, summed over its runs; null for agents without them. */
    FinalValues values;
    /** The config's {@code values_at}: episode counts after which the estimates are summed into {@link #valuesAt}. */
    private final List<Integer> snapshotEpisodes;
    /** Per {@code values_at} entry, this block's estimates after that many episodes, summed over its runs (null entries without estimates). */
    final FinalValues[] valuesAt;
    private int nextSnapshot;
    private final ValueErrors errors;
    private ValueEstimates estimates;
    private int run = -1;
    private int completed;

    /**
     * @param errors the config's true values, or null without them (then only return and length)
     * @param snapshotEpisodes the config's {@code values_at} (empty without it)
     */
    EpisodeMetrics(int episodes, long window, int runsInBlock, ValueErrors errors, List<Integer> snapshotEpisodes) {
        int metrics = errors == null ? 2 : 4;
        this.episodes = episodes;
        this.windowStart = (int) (episodes - window);
        this.sums = new double[metrics][episodes];
        this.windowMeans = new double[metrics][runsInBlock];
        this.totals = new double[metrics][runsInBlock];
        this.errors = errors;
        this.snapshotEpisodes = snapshotEpisodes;
        this.valuesAt = new FinalValues[snapshotEpisodes.size()];
    }

    /** Starts run {@code runInBlock} of the agent whose estimates the value metrics read (with true values). */
    void startRun(int runInBlock, ValueEstimates agentEstimates) {
        run = runInBlock;
        completed = 0;
        nextSnapshot = 0;
        estimates = agentEstimates;
    }

    /** Episodes the current run has completed. */
    int completed() {
        return completed;
    }

    void finishRun() {
        double window = episodes - windowStart;
        for (int m = 0; m < sums.length; m++) windowMeans[m][run] /= window;
    }

    @Override
    public void onEpisodeEnd(int episode, double episodeReturn, int length, boolean terminated) {
        completed++;
        add(0, episode, episodeReturn);
        add(1, episode, length);
        if (errors != null) {
            double mse = errors.mse(estimates);
            add(2, episode, Math.sqrt(mse));
            add(3, episode, mse);
        }
        if (nextSnapshot < valuesAt.length && completed == snapshotEpisodes.get(nextSnapshot)) {
            if (estimates != null) valuesAt[nextSnapshot] = FinalValues.add(valuesAt[nextSnapshot], estimates, errors);
            nextSnapshot++;
        }
    }

    private void add(int m, int episode, double v) {
        sums[m][episode] += v;
        totals[m][run] += v;
        if (episode >= windowStart) windowMeans[m][run] += v;
    }
}
