package dev.jgym.agents.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sutton &amp; Barto (2nd ed., 2018), chapters 5 and 6, and Gymnasium's toy-text thresholds,
 * reproduced from the configs under {@code configs/tabular/}. Reference values are read off the
 * book's figures and text (they agree with ShangtongZhang/reinforcement-learning-an-introduction,
 * chapter06); each test's name states its tolerance. The optima come from value iteration
 * ({@code planning.PlanningTest}).
 */
class TabularFiguresTest {

    static ExperimentResult run(String config) {
        return Experiment.read(Configs.path(config)).run(2, n -> { });
    }

    static Map<Double, Integer> histogram(double[] values) {
        Map<Double, Integer> h = new TreeMap<>();
        for (double v : values) h.merge(v, 1, Integer::sum);
        return h;
    }

    @Test
    @DisplayName("S&B Example 6.6 / Fig 6.4 (200 runs, episodes 201-500): SARSA -26 +-4, Q-learning -50 +-4, Expected SARSA >= SARSA - 4; greedy: Q 13 steps, SARSA safer")
    void cliffWalking() {
        ExperimentResult r = run("tabular/cliff-walking-example-6.6.json");
        double sarsa = r.windowMean("Sarsa", "return"), q = r.windowMean("Q-learning", "return");
        double expected = r.windowMean("Expected Sarsa", "return");
        assertEquals(-26, sarsa, 4, "SARSA sum of rewards per episode");
        assertEquals(-50, q, 4, "Q-learning sum of rewards per episode");
        assertTrue(expected > sarsa - 4, "Expected SARSA " + expected + " above SARSA " + sarsa + " (within 4)");
        // greedy path after 500 episodes, one evaluation episode per run (capped at 200 steps)
        assertEquals(Map.of(-13.0, 200), histogram(r.agent("Q-learning").evaluationReturns()), "Q-learning: the 13-step cliff-edge path in every run");
        Map<Double, Integer> sarsaPaths = histogram(r.agent("Sarsa").evaluationReturns());
        assertTrue(!sarsaPaths.containsKey(-13.0), "no SARSA run takes the cliff edge: " + sarsaPaths);
        assertTrue(sarsaPaths.getOrDefault(-17.0, 0) > 100, "most SARSA runs take the 17-step top-row path: " + sarsaPaths);
    }

    @Test
    @DisplayName("S&B Example 6.5 / Fig 6.3 (100 runs): SARSA completes 130-185 episodes by step 8000; GLIE SARSA's greedy path reaches the goal in every run, mostly in the optimal 15")
    void windyGridworld() {
        ExperimentResult r = run("tabular/windy-gridworld-example-6.5.json");
        double episodes = r.agent("Sarsa").curves()[r.metric("episodes")][8000 - 1];
        assertTrue(episodes >= 130 && episodes <= 185, "episodes completed by step 8000: " + episodes);
        double[] lengths = new double[r.runs()];
        Evaluation.Result[] evals = r.agent("Sarsa, epsilon 0.1 to 0").evaluations();
        for (int i = 0; i < lengths.length; i++) lengths[i] = evals[i].meanLength();
        Map<Double, Integer> h = histogram(lengths);
        int fifteen = h.getOrDefault(15.0, 0);
        assertTrue(h.keySet().stream().allMatch(l -> l >= 15 && l < 30), "every greedy path reaches the goal, none shorter than 15: " + h);
        assertTrue(h.values().stream().allMatch(n -> n <= fifteen), "15 steps is the most common greedy path: " + h);
    }

    @Test
    @DisplayName("S&B Example 6.2 config: every agent's episodes end on the right half the time (mean return 0.5 +-0.03)")
    void randomWalkConfigRuns() {
        ExperimentResult r = run("tabular/random-walk-example-6.2.json");
        for (ExperimentResult.AgentCurves a : r.agents()) {
            assertEquals(0.5, Stats.mean(a.totals()[r.metric("return")]) / 100, 0.03, a.label());
        }
    }

    @Test
    @Tag("learning")
    @DisplayName("FrozenLake 4x4 slippery: Q-learning's greedy policy succeeds >= 0.70 of 1000 episodes (Gymnasium's threshold; optimum 0.74), mean of 8 runs")
    void frozenLake() {
        ExperimentResult r = run("tabular/frozenlake-q-learning.json");
        double success = r.evaluationSuccessRate("Q-learning");
        System.out.printf("FrozenLake Q-learning greedy success %.4f per run %s%n", success,
                java.util.Arrays.toString(r.agent("Q-learning").evaluationSuccessRates()));
        assertTrue(success >= 0.70, "success rate " + success);
    }

    @Test
    @Tag("learning")
    @DisplayName("Taxi-v3: Q-learning's greedy policy averages >= 7.7 over 1000 episodes (optimum about 7.93), mean of 8 runs")
    void taxi() {
        ExperimentResult r = run("tabular/taxi-q-learning.json");
        double mean = r.evaluationReturn("Q-learning");
        System.out.printf("Taxi Q-learning greedy return %.4f per run %s%n", mean, java.util.Arrays.toString(r.agent("Q-learning").evaluationReturns()));
        assertTrue(mean >= 7.7, "mean return " + mean);
    }
}
