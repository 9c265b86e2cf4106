package dev.jgym.experiments;

import dev.jgym.agents.tabular.ValueEstimates;
import dev.jgym.core.sim.SimulatorListener;
import java.util.List;

/**
 * Per-episode metrics of one block of runs ({@link BlockMetrics}), for {@code curve: "episode"}:
 * {@code return} (the sum of rewards of episode k) and {@code length} (its steps). With
 * {@code true_values}, also {@code value_rms} and {@code value_mse} of the agent's estimates after
 * each episode ({@link ValueErrors}); with {@code values_at}, the estimates after those episodes,
 * summed over the block's runs in run order ({@link #valuesAt}).
 */
final class EpisodeMetrics extends BlockMetrics {
    static final String RETURN = "return";
    static final String LENGTH = "length";
    static final java.util.List<String> NAMES = java.util.List.of(RETURN, LENGTH);
    /** The names with {@code true_values}. */
    static final java.util.List<String> NAMES_WITH_ERRORS = java.util.List.of(RETURN, LENGTH, ValueErrors.RMS, ValueErrors.MSE);

    private final ValueErrors errors;
    /** The config's {@code values_at}: episode counts after which the estimates are summed into {@link #valuesAt}. */
    private final List<Integer> snapshotEpisodes;
    /** Per {@code values_at} entry, this block's estimates after that many episodes, summed over its runs (null entries without estimates). */
    final FinalValues[] valuesAt;

    /**
     * @param errors the config's true values, or null without them (then only return and length)
     * @param snapshotEpisodes the config's {@code values_at} (empty without it)
     */
    EpisodeMetrics(int episodes, long window, int runsInBlock, ValueErrors errors, List<Integer> snapshotEpisodes) {
        super(errors == null ? 2 : 4, episodes, window, runsInBlock);
        this.errors = errors;
        this.snapshotEpisodes = snapshotEpisodes;
        this.valuesAt = new FinalValues[snapshotEpisodes.size()];
    }

    @Override
    SimulatorListener<Object, Object> listener(int run, ValueEstimates estimates) {
        return new SimulatorListener<>() {
            private int nextSnapshot;

            @Override
            public void onEpisodeEnd(int episode, double episodeReturn, int length, boolean terminated) {
                add(0, run, episode, episodeReturn);
                add(1, run, episode, length);
                if (errors != null) {
                    double mse = errors.mse(estimates);
                    add(2, run, episode, Math.sqrt(mse));
                    add(3, run, episode, mse);
                }
                if (nextSnapshot < valuesAt.length && episode + 1 == snapshotEpisodes.get(nextSnapshot)) {
                    if (estimates != null) valuesAt[nextSnapshot] = FinalValues.add(valuesAt[nextSnapshot], estimates, errors);
                    nextSnapshot++;
                }
            }
        };
    }
}
