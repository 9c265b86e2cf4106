package dev.jgym.agents.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.agents.tabular.Training;
import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Simulator;
import dev.jgym.core.sim.SimulatorListener;
import dev.jgym.core.sim.Transition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * S&amp;B sections 5.5-5.6: off-policy prediction by ordinary and weighted importance sampling,
 * Example 5.4 / Figure 5.3 (Blackjack) and Example 5.5 / Figure 5.4 (the one-state MDP).
 * {@code -Djgym.figures=DIR} also draws the two figures into DIR (the PNGs in docs/img).
 */
class OffPolicyPredictionTest {
    /** Example 5.4's state: player sum 13, dealer showing 2, usable ace. */
    static final List<Integer> STATE_5_4 = List.of(13, 2, 1);
    /** Example 5.4: v_π of that state under "stick only on 20 or 21", "approximately −0.27726". */
    static final double TRUE_5_4 = -0.27726;
    static final String STICK_ON_20 = "{\"action\": 1, \"rules\": [{\"coordinate\": 0, \"min\": 20, \"action\": 0}]}";

    /** V(observation) after every episode of one run: {@code out[k]} after episode k + 1. */
    static double[] estimates(String envId, Map<String, Object> options, String settings, Object observation, int episodes, long seed) {
        double[] out = new double[episodes];
        try (Env<Object, Object> env = EnvRegistry.make(envId, options)) {
            OffPolicyMonteCarloPrediction a = Training.agent(OffPolicyMonteCarloPrediction.TYPE, settings, env, seed * 7919 + 1);
            @SuppressWarnings("unchecked")
            Agent<Object, Object> agent = (Agent<Object, Object>) (Agent<?, ?>) a;
            Simulator.builder(env, agent).seed(seed).maxEpisodes(episodes).listener(new SimulatorListener<>() {
                @Override
                public void onEpisodeEnd(int episode, double episodeReturn, int length, boolean terminated) {
                    out[episode] = a.value(observation);
                }
            }).build().run();
        }
        return out;
    }

    /** Mean over runs of f(estimate) after each episode. */
    static double[] meanOverRuns(String envId, Map<String, Object> options, String settings, Object observation, int episodes,
            int runs, DoubleUnaryOperator f) {
        double[] mean = new double[episodes];
        for (int r = 0; r < runs; r++) {
            double[] v = estimates(envId, options, settings, observation, episodes, r);
            for (int k = 0; k < episodes; k++) mean[k] += f.applyAsDouble(v[k]) / runs;
        }
        return mean;
    }

    static String settings(String sampling, String target) {
        return "{\"sampling\": \"" + sampling + "\", \"target\": " + target + "}";
    }

    static double[][] figure53(int episodes, int runs) {
        Map<String, Object> start = Map.of("start", STATE_5_4);
        DoubleUnaryOperator squaredError = v -> (v - TRUE_5_4) * (v - TRUE_5_4);
        return new double[][] {
            meanOverRuns("Blackjack-v1", start, settings("ordinary", STICK_ON_20), STATE_5_4, episodes, runs, squaredError),
            meanOverRuns("Blackjack-v1", start, settings("weighted", STICK_ON_20), STATE_5_4, episodes, runs, squaredError)};
    }

    @Test
    @DisplayName("the box's arithmetic on hand-made episodes of the one-state MDP (always-left target, b = 1/2)")
    void updatesByHand() {
        String always = "{\"action\": 0}";
        OffPolicyMonteCarloPrediction ordinary = agent(settings("ordinary", always)), weighted = agent(settings("weighted", always));
        OffPolicyMonteCarloPrediction everyOrdinary = agent("{\"sampling\": \"ordinary\", \"visits\": \"every\", \"target\": " + always + "}");
        OffPolicyMonteCarloPrediction everyWeighted = agent("{\"visits\": \"every\", \"target\": " + always + "}");
        for (OffPolicyMonteCarloPrediction a : List.of(ordinary, weighted, everyOrdinary, everyWeighted)) {
            episode(a, new int[] {0, 0}, new double[] {0, 1}); // left, left (+1): rho = 4 from t = 0, 2 from t = 1
        }
        assertEquals(4.0, ordinary.value(0), 0.0, "ordinary: rho G / N = 4 / 1");
        assertEquals(1.0, weighted.value(0), 0.0, "weighted: rho G / rho = 1");
        assertEquals(3.0, everyOrdinary.value(0), 0.0, "every visit: (4 + 2) / 2");
        assertEquals(1.0, everyWeighted.value(0), 0.0, "every visit: (4 + 2) / (4 + 2)");
        for (OffPolicyMonteCarloPrediction a : List.of(ordinary, weighted)) episode(a, new int[] {1}, new double[] {0}); // right: rho = 0
        assertEquals(2.0, ordinary.value(0), 0.0, "ordinary counts the zero-ratio return: (4 + 0) / 2");
        assertEquals(1.0, weighted.value(0), 0.0, "weighted is unchanged by a zero ratio");
        OffPolicyMonteCarloPrediction fresh = agent(settings("weighted", always));
        episode(fresh, new int[] {1}, new double[] {0});
        assertEquals(0.0, fresh.value(0), 0.0, "weighted keeps the initial value until a nonzero ratio");
    }

    static OffPolicyMonteCarloPrediction agent(String settings) {
        try (Env<Object, Object> env = EnvRegistry.make("OneStateMdp-v0")) {
            return Training.agent(OffPolicyMonteCarloPrediction.TYPE, settings, env, 1);
        }
    }

    /** Feeds one episode from s: the actions and their rewards, the last step ending it. */
    static void episode(OffPolicyMonteCarloPrediction a, int[] actions, double[] rewards) {
        a.onEpisodeStart(0);
        for (int t = 0; t < actions.length; t++) {
            boolean last = t == actions.length - 1;
            a.observe(new Transition<>(0, actions[t], rewards[t], last ? 1 : 0, last, false, Map.of()));
        }
    }

    @Test
    @DisplayName("a target whose action is outside the action space is one line naming it")
    void badTarget() {
        UserError e = assertThrows(UserError.class, () -> agent(settings("weighted", "{\"action\": 2}")));
        assertTrue(e.getMessage().contains("target") && e.getMessage().contains("2"), e.getMessage());
    }

    /**
     * Figure 5.3 as read off the book's plot: weighted IS has the lower error early on (its
     * estimate never leaves [−1, 1], so its MSE stays under 1.28^2 = 1.63, while ordinary IS weighs
     * a return by up to 2^k), and both curves are at 0 on the plot's scale by 1000-10000 episodes.
     * Here (seeds 0-99): after 1, 10, 100, 1000, 10000 episodes ordinary 9.63, 0.78, 0.101, 0.0093,
     * 0.0010; weighted 0.21, 0.56, 0.099, 0.0088, 0.0009.
     */
    @Test
    @Tag("learning")
    @DisplayName("S&B Fig 5.3 (100 runs, 10000 episodes from (13, 2, usable ace)): weighted IS lower over the first 10 episodes; both MSEs < 0.02 at 1000, < 0.003 at 10000")
    void figure53() {
        double[][] mse = figure53(10_000, 100);
        double[] ordinary = mse[0], weighted = mse[1];
        for (int k : new int[] {1, 10, 100, 1000, 10_000}) {
            System.out.printf("Figure 5.3 MSE after %5d episodes: ordinary %.4f, weighted %.4f%n", k, ordinary[k - 1], weighted[k - 1]);
        }
        for (int k = 0; k < 10; k++) assertTrue(weighted[k] < ordinary[k], "episode " + (k + 1) + ": " + weighted[k] + " vs " + ordinary[k]);
        for (double[] curve : mse) {
            assertTrue(curve[999] < 0.02, "MSE after 1000 episodes " + curve[999]);
            assertTrue(curve[9999] < 0.003, "MSE after 10000 episodes " + curve[9999]);
        }
        figures().ifPresent(dir -> Figures.figure53(ordinary, weighted, dir.resolve("figure-5.3-off-policy-blackjack.png")));
    }

    @Test
    @DisplayName("S&B Fig 5.3, early part (100 runs, 10 episodes): weighted IS has the lower MSE at every episode")
    void figure53Early() {
        double[][] mse = figure53(10, 100);
        for (int k = 0; k < 10; k++) assertTrue(mse[1][k] < mse[0][k], "episode " + (k + 1) + ": " + mse[1][k] + " vs " + mse[0][k]);
    }

    /**
     * Example 5.5 / Figure 5.4: v_π(s) = 1 under "always left", and every episode with a nonzero
     * ratio (all left) returns exactly 1, so weighted IS is exactly 1 from the first one on. The
     * ordinary estimator's sample ρG has E_b[(ρG)^2] = Σ_k 0.05 · 0.45^k · 4^(k+1) = ∞; here
     * (seeds 0-9) its ten estimates after 100,000 episodes lie between 0.63 and 2.20, where a
     * finite-variance average would have settled.
     */
    @Test
    @DisplayName("S&B Example 5.5 / Fig 5.4 (10 runs, 100000 episodes): weighted IS exactly 1 from the first all-left episode; ordinary IS still off by > 0.5 in some run")
    void figure54() {
        String always = "{\"action\": 0}";
        double worst = 0;
        double[][] runs = new double[10][];
        for (int r = 0; r < 10; r++) {
            double[] ordinary = estimates("OneStateMdp-v0", Map.of(), settings("ordinary", always), 0, 100_000, r);
            double[] weighted = estimates("OneStateMdp-v0", Map.of(), settings("weighted", always), 0, 100_000, r);
            int first = firstNonZero(weighted);
            assertTrue(first >= 0 && first < 100, "run " + r + ": an all-left episode within 100 (each is one w.p. 0.5 x 0.1 / 0.55)");
            for (int k = first; k < weighted.length; k++) assertEquals(1.0, weighted[k], 0.0, "run " + r + ", episode " + (k + 1));
            worst = Math.max(worst, Math.abs(ordinary[ordinary.length - 1] - 1));
            runs[r] = ordinary;
        }
        assertTrue(worst > 0.5, "ordinary IS after 100000 episodes is off by at most " + worst);
        figures().ifPresent(dir -> Figures.figure54(runs, dir.resolve("figure-5.4-infinite-variance.png")));
    }

    static int firstNonZero(double[] v) {
        for (int k = 0; k < v.length; k++) if (v[k] != 0) return k;
        return -1;
    }

    /** The folder named by {@code -Djgym.figures=DIR} (for docs/img), if any. */
    static Optional<Path> figures() {
        String dir = System.getProperty("jgym.figures");
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir).toAbsolutePath());
    }
}
