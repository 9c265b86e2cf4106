package dev.jgym.experiments;

import dev.jgym.agents.tabular.ValueEstimates;
import dev.jgym.core.sim.SimulatorListener;
import dev.jgym.core.sim.Transition;
import java.util.List;
import java.util.Map;

/**
 * Per-step metrics of one block of runs ({@link BlockMetrics}): the reward, and the numeric or
 * boolean info values named in {@code names} (a boolean counts 1 when true). With
 * {@code true_values}, the last two metrics are {@code value_rms} and {@code value_mse} of the
 * agent's estimates after each step ({@link ValueErrors}).
 */
final class StepMetrics extends BlockMetrics {
    static final String REWARD = "reward";
    /** With {@code count_episodes}: episodes completed by each step (the step that ends one included). */
    static final String EPISODES = "episodes";

    private final List<String> names;
    private final int episodesMetric;
    private final int rmsMetric;
    private final ValueErrors errors;

    /**
     * With {@code countEpisodes}, metric 1 is {@value #EPISODES}; with {@code errors} (the config's
     * true values), the names end with {@code value_rms}, {@code value_mse}.
     */
    StepMetrics(List<String> names, long steps, long window, int runsInBlock, boolean countEpisodes, ValueErrors errors) {
        super(names.size(), steps, window, runsInBlock);
        this.names = names;
        this.episodesMetric = countEpisodes ? 1 : -1;
        this.errors = errors;
        this.rmsMetric = errors == null ? names.size() : names.size() - 2;
    }

    @Override
    SimulatorListener<Object, Object> listener(int run, ValueEstimates estimates) {
        return new SimulatorListener<>() {
            private int completed;

            @Override
            public void onStep(long step, Transition<Object, Object> t) {
                Map<String, Object> info = t.info();
                if (t.done()) completed++;
                for (int m = 0; m < rmsMetric; m++) {
                    add(m, run, step, m == 0 ? t.reward() : m == episodesMetric ? completed : value(info.get(names.get(m))));
                }
                if (errors != null) {
                    double mse = errors.mse(estimates);
                    add(rmsMetric, run, step, Math.sqrt(mse));
                    add(rmsMetric + 1, run, step, mse);
                }
            }
        };
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
