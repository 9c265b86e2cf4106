package dev.jgym.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.agents.linear.OffPolicySemiGradientTd;
import dev.jgym.agents.run.Charts;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.TabularModel;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Simulator;
import dev.jgym.core.sim.SimulatorListener;
import dev.jgym.core.sim.Transition;
import dev.jgym.envs.grid.Baird;
import java.awt.Color;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * Sutton &amp; Barto (2nd ed.) Example 11.1, Figure 11.2, from {@code configs/book/baird-figure-11.2.json}:
 * on Baird's counterexample ({@code Baird-v0}) every true value is 0 and the features can
 * represent that (w = 0), yet semi-gradient off-policy TD(0) (left panel, 1000 steps) and
 * semi-gradient DP (right panel, 1000 sweeps of the expected update under π over all seven states,
 * equation 11.9's uniform weighting) both drive the weights away, w_8 the fastest. The DP sweep is
 * deterministic: its first step is checked against the book's numbers worked by hand.
 */
class BairdFigureTest {
    static final double[][] X = {
        {2, 0, 0, 0, 0, 0, 0, 1}, {0, 2, 0, 0, 0, 0, 0, 1}, {0, 0, 2, 0, 0, 0, 0, 1}, {0, 0, 0, 2, 0, 0, 0, 1},
        {0, 0, 0, 0, 2, 0, 0, 1}, {0, 0, 0, 0, 0, 2, 0, 1}, {0, 0, 0, 0, 0, 0, 1, 2}};
    static final double[] W0 = {1, 1, 1, 1, 1, 1, 10, 1};
    static final double ALPHA = 0.01, GAMMA = 0.99;

    static double dot(double[] x, double[] w) {
        double s = 0;
        for (int i = 0; i < w.length; i++) s += x[i] * w[i];
        return s;
    }

    /**
     * One semi-gradient DP sweep (S&amp;B 11.9): w ← w + α/|S| Σ_s (E_π[R + γ v̂(S', w) | s] − v̂(s, w)) x(s),
     * the expectation from the env's model under π = always solid.
     */
    static double[] dpSweep(TabularModel model, double[] w) {
        double[] next = w.clone();
        for (int s = 0; s < Baird.STATES; s++) {
            double target = 0;
            for (TabularModel.Outcome o : model.transitions(s, Baird.SOLID)) target += o.probability() * (o.reward() + GAMMA * dot(X[o.nextState()], w));
            double delta = target - dot(X[s], w);
            for (int i = 0; i < w.length; i++) next[i] += ALPHA / Baird.STATES * delta * X[s][i];
        }
        return next;
    }

    @Test
    @DisplayName("S&B Fig 11.2: semi-gradient DP's first sweep as worked by hand (1e-12); DP and off-policy TD (1000 steps, the config) both diverge: |w| grows over 10x, w_8 the largest, though w = 0 is exact")
    void figure11_2() {
        TabularModel model;
        try (Env<Object, Object> env = EnvRegistry.make(Baird.ID, Map.of())) {
            model = (TabularModel) env.unwrapped();
        }
        double[] first = dpSweep(model, W0);
        // v(upper) = 3, v(7) = 12, target 0.99 x 12 = 11.88 everywhere: delta 8.88 (upper), -0.12 (lower)
        for (int i = 0; i < 6; i++) assertEquals(1 + ALPHA / 7 * 8.88 * 2, first[i], 1e-12, "w_" + (i + 1));
        assertEquals(10 - ALPHA / 7 * 0.12, first[6], 1e-12, "w_7");
        assertEquals(1 + ALPHA / 7 * (6 * 8.88 - 2 * 0.12), first[7], 1e-12, "w_8");
        double[][] dp = new double[1001][];
        dp[0] = W0.clone();
        for (int k = 1; k <= 1000; k++) dp[k] = dpSweep(model, dp[k - 1]);

        ExperimentConfig config = ExperimentConfig.read(Configs.path("book/baird-figure-11.2.json"));
        double[][] td = new double[(int) (long) config.steps() + 1][];
        try (Env<Object, Object> env = EnvRegistry.make(config.env().id(), config.env().options())) {
            Agent<Object, Object> agent = BookFigures.agent(config, "book/baird-figure-11.2.json", env);
            OffPolicySemiGradientTd learner = (OffPolicySemiGradientTd) (Object) agent;
            td[0] = learner.weights();
            assertEquals(Arrays.toString(W0), Arrays.toString(td[0]), "the config's start weights");
            SimulatorListener<Object, Object> record = new SimulatorListener<>() {
                @Override public void onStep(long step, Transition<Object, Object> t) {
                    td[(int) step + 1] = learner.weights();
                }
            };
            Simulator.builder(env, agent).seed(BookFigures.envSeed(config)).maxSteps(config.steps()).listener(record).build().run();
        }
        System.out.printf("Figure 11.2: off-policy TD weights after 1000 steps %s; DP weights after 1000 sweeps %s%n",
                Arrays.toString(td[1000]), Arrays.toString(dp[1000]));
        for (double[][] w : new double[][][] {td, dp}) {
            double[] end = w[1000];
            assertTrue(norm(end) > 10 * norm(W0), "diverges: " + Arrays.toString(end));
            for (int i = 0; i < 7; i++) assertTrue(Math.abs(end[7]) > Math.abs(end[i]), "w_8 the largest: " + Arrays.toString(end));
        }
        for (int k = 101; k <= 1000; k++) assertTrue(norm(dp[k]) > norm(dp[k - 1]), "DP's |w| grows at every sweep after 100, sweep " + k);
        BookFigures.folder().ifPresent(dir -> BookFigures.sideBySide(dir.resolve("figure-11.2-baird.png"),
                weights("Semi-gradient off-policy TD (1000 steps)", "Steps", td), weights("Semi-gradient DP (1000 sweeps)", "Sweeps", dp)));
    }

    static double norm(double[] w) {
        return Math.sqrt(dot(w, w));
    }

    static XYChart weights(String title, String x, double[][] w) {
        XYChart chart = BookFigures.chart(620, 460, "S&B Figure 11.2: " + title, x, "weight", Styler.LegendPosition.InsideNW);
        double[] xs = IntStream.range(0, w.length).asDoubleStream().toArray();
        Color[] colours = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0x9467bd), new Color(0x8c564b),
            new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xd62728)};
        for (int i = 0; i < 8; i++) {
            int c = i;
            Charts.line(chart, "w_" + (i + 1), xs,
                    Arrays.stream(w).mapToDouble(v -> v[c]).toArray(), colours[i], false);
        }
        return chart;
    }
}
