package dev.jgym.experiments;

import dev.jgym.agents.tabular.ValueEstimates;
import dev.jgym.core.sim.SimulatorListener;

/**
 * Per-episode metrics of one block of runs ({@link BlockMetrics}), for {@code curve: "episode"}:
 * {@code return} (the sum of rewards of episode k) and {@code length} (its steps). With
 * {@code true_values}, also {@code value_rms} and {@code value_mse} of the agent's estimates after
 * each episode ({@link ValueErrors}).
 */
final class EpisodeMetrics extends BlockMetrics {
    static final String RETURN = "return";
    static final String LENGTH = "length";
    static final java.util.List<String> NAMES = java.util.List.of(RETURN, LENGTH);
    /** The names with {@code true_values}. */
    static final java.util.List<String> NAMES_WITH_ERRORS = java.util.List.of(RETURN, LENGTH, ValueErrors.RMS, ValueErrors.MSE);

    private final ValueErrors errors;

    /** @param errors the config's true values, or null without them (then only return and length) */
    EpisodeMetrics(int episodes, long window, int runsInBlock, ValueErrors errors) {
        super(errors == null ? 2 : 4, episodes, window, runsInBlock);
        this.errors = errors;
    }

    @Override
    SimulatorListener<Object, Object> listener(int run, ValueEstimates estimates) {
        return new SimulatorListener<>() {
            @Override
            public void onEpisodeEnd(int episode, double episodeReturn, int length, boolean terminated) {
                add(0, run, episode, episodeReturn);
                add(1, run, episode, length);
                if (errors != null) {
                    double mse = errors.mse(estimates);
                    add(2, run, episode, Math.sqrt(mse));
                    add(3, run, episode, mse);
                }
            }
        };
    }
}
