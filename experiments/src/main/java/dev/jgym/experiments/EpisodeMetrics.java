package dev.jgym.experiments;

import dev.jgym.agents.Evaluation;
import dev.jgym.core.sim.SimulatorListener;

/**
 * Per-episode metrics of one block of runs, summed over the runs in run order: {@code return}
 * (the sum of rewards of episode k) and {@code length} (its steps), for {@code curve: "episode"}.
 * Also keeps each run's mean over the final window of episodes and its total, as
 * {@link StepMetrics} does for steps.
 */
final class EpisodeMetrics implements SimulatorListener<Object, Object> {
    static final String RETURN = "return";
    static final String LENGTH = "length";
    static final java.util.List<String> NAMES = java.util.List.of(RETURN, LENGTH);

    private final int episodes;
    private final int windowStart;
    final double[][] sums;
    final double[][] windowMeans;
    final double[][] totals;
    /** Per run of this block, the greedy evaluation after learning; null without one. */
    Evaluation.Result[] evaluations;
    private int run = -1;
    private int completed;

    EpisodeMetrics(int episodes, long window, int runsInBlock) {
        this.episodes = episodes;
        this.windowStart = (int) (episodes - window);
        this.sums = new double[2][episodes];
        this.windowMeans = new double[2][runsInBlock];
        this.totals = new double[2][runsInBlock];
    }

    void startRun(int runInBlock) {
        run = runInBlock;
        completed = 0;
    }

    /** Episodes the current run has completed. */
    int completed() {
        return completed;
    }

    void finishRun() {
        double window = episodes - windowStart;
        for (int m = 0; m < 2; m++) windowMeans[m][run] /= window;
    }

    @Override
    public void onEpisodeEnd(int episode, double episodeReturn, int length, boolean terminated) {
        completed++;
        add(0, episode, episodeReturn);
        add(1, episode, length);
    }

    private void add(int m, int episode, double v) {
        sums[m][episode] += v;
        totals[m][run] += v;
        if (episode >= windowStart) windowMeans[m][run] += v;
    }
}
