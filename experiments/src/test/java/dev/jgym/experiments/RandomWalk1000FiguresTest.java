package dev.jgym.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.agents.run.Charts;
import dev.jgym.agents.planning.FlatModel;
import dev.jgym.agents.planning.PolicyEvaluation;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.TabularModel;
import dev.jgym.envs.grid.RandomWalk1000;
import java.awt.Color;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Sutton &amp; Barto (2nd ed.) chapter 9 on the 1000-state random walk ({@code RandomWalk1000-v0},
 * Example 9.1), from the configs {@code configs/book/random-walk-1000-*.json}. The true values
 * are the env model's, by policy evaluation; gradient Monte Carlo with state aggregation converges
 * to the μ-weighted mean of v over each group (section 9.2: the minimum of the on-policy VE), μ
 * the on-policy distribution, computed here from the model too.
 */
class RandomWalk1000FiguresTest {
    static final TabularModel MODEL = model();

    static TabularModel model() {
        try (Env<Object, Object> env = EnvRegistry.make(RandomWalk1000.ID, Map.of())) {
            return FlatModel.of(env);
        }
    }

    /** v of the uniformly random policy, by iterative policy evaluation (θ 1e-12). */
    static double[] trueValues() {
        FlatModel m = new FlatModel(MODEL);
        return PolicyEvaluation.evaluate(m, PolicyEvaluation.uniform(m), 1.0, 1e-12, 1_000_000);
    }

    /**
     * μ(s), the fraction of time spent in s (S&amp;B (9.2)-(9.3)): η(s) = h(s) + Σ_s̄ η(s̄) p(s | s̄)
     * under the random policy, by sweeps until nothing changes by 1e-12, then normalised.
     */
    static double[] onPolicyDistribution() {
        int n = MODEL.stateCount();
        double[] start = MODEL.initialDistribution();
        double[] eta = start.clone();
        for (int sweep = 0; sweep < 1_000_000; sweep++) {
            double[] next = start.clone();
            for (int s = 0; s < n; s++) {
                if (eta[s] == 0) continue;
                for (int a = 0; a < MODEL.actionCount(); a++) {
                    for (TabularModel.Outcome o : MODEL.transitions(s, a)) {
                        if (!o.terminated()) next[o.nextState()] += eta[s] / MODEL.actionCount() * o.probability();
                    }
                }
            }
            double delta = 0;
            for (int s = 0; s < n; s++) delta = Math.max(delta, Math.abs(next[s] - eta[s]));
            eta = next;
            if (delta < 1e-12) break;
        }
        double total = 0;
        for (double e : eta) total += e;
        for (int s = 0; s < n; s++) eta[s] /= total;
        return eta;
    }

    @Test
    @DisplayName("RandomWalk1000-v0's v by policy evaluation: v(1) = -0.92196, v(500) = -0.00094, antisymmetric (1e-9); the configs' true_values are these to 1e-6")
    void trueValuesOfTheConfigs() {
        double[] v = trueValues();
        assertEquals(-0.9219604605, v[1], 1e-9, "v(1), numpy's linear solve of the same system");
        assertEquals(-0.0009434957, v[500], 1e-9, "v(500)");
        for (int s = 1; s <= 1000; s++) assertEquals(-v[1001 - s], v[s], 1e-9, "antisymmetry at " + s);
        for (String config : List.of("random-walk-1000-figure-9.1-9.2-aggregation.json", "random-walk-1000-figure-9.5-bases.json",
                "random-walk-1000-figure-9.10-tile-coding.json")) {
            ExperimentConfig c = ExperimentConfig.read(Configs.path("book/" + config));
            for (int i = 0; i < 1000; i++) {
                assertEquals(i + 1, c.trueValues().states().get(i).intValue());
                assertEquals(v[i + 1], c.trueValues().values().get(i), 1e-6, config + " state " + (i + 1));
            }
        }
    }

    static ExperimentResult run(String config) {
        return Experiment.read(Configs.path("book/" + config)).run(2, n -> { });
    }

    /**
     * Figures 9.1 and 9.2 (left), 100,000 episodes, one run. Gradient MC's group values converge
     * to the μ-weighted means of v over the groups (to within its α = 2e-5 noise, one run as in the book: 0.025; seen 0.021 at worst); its
     * end groups lean inward, as the book points out for the leftmost (μ is heavier on the states
     * nearer the centre). Semi-gradient TD(0) reaches a staircase too, but its fixed point is
     * farther from v (the bound (9.14) does not help at γ = 1): RMS error above MC's.
     */
    @Test
    @Tag("learning")
    @DisplayName("S&B Fig 9.1/9.2 left (10 groups, 100,000 episodes): gradient MC's steps within 0.025 of the mu-weighted group means of v, end steps biased inward; TD(0)'s staircase rises too, RMS error above MC's")
    void figures9_1And9_2Left() {
        ExperimentResult r = run("random-walk-1000-figure-9.1-9.2-aggregation.json");
        double[] v = trueValues(), mu = onPolicyDistribution();
        FinalValues mc = r.agent("gradient MC").values(), td = r.agent("semi-gradient TD(0)").values();
        double[] weighted = new double[10], plain = new double[10];
        for (int g = 0; g < 10; g++) {
            double m = 0, mv = 0, sum = 0;
            for (int s = 100 * g + 1; s <= 100 * g + 100; s++) {
                m += mu[s];
                mv += mu[s] * v[s];
                sum += v[s];
            }
            weighted[g] = mv / m;
            plain[g] = sum / 100;
        }
        for (int g = 0; g < 10; g++) {
            double step = mc.stateValue(100 * g + 1);
            for (int s = 100 * g + 1; s <= 100 * g + 100; s++) assertEquals(step, mc.stateValue(s), 0.0, "one value per group");
            assertEquals(weighted[g], step, 0.025, "group " + g + " (states " + (100 * g + 1) + "-" + (100 * g + 100) + ")");
            if (g > 0) assertTrue(td.stateValue(100 * g + 1) > td.stateValue(100 * g - 99), "TD's staircase rises at group " + g);
        }
        assertTrue(weighted[0] > plain[0] + 0.005 && mc.stateValue(1) > plain[0], "leftmost step above the plain mean of its v: " + mc.stateValue(1) + " vs " + plain[0]);
        assertTrue(weighted[9] < plain[9] - 0.005 && mc.stateValue(1000) < plain[9], "rightmost step below the plain mean of its v");
        double mcError = r.agent("gradient MC").curves()[r.metric("value_rms")][99_999];
        double tdError = r.agent("semi-gradient TD(0)").curves()[r.metric("value_rms")][99_999];
        System.out.printf("Figure 9.1/9.2: final RMS error MC %.4f, TD(0) %.4f; MC steps %s%n", mcError, tdError, Arrays.toString(
                IntStream.range(0, 10).mapToDouble(g -> mc.stateValue(100 * g + 1)).toArray()));
        assertTrue(tdError > mcError, "TD(0)'s fixed point is farther from v: " + tdError + " vs " + mcError);
        figures().ifPresent(dir -> drawFigure9_1(dir.resolve("figure-9.1-9.2-aggregation.png"), v, mu, mc, td));
    }

    /** Figure 9.5 (30 runs, 5000 episodes): the Fourier basis beats the polynomial one at every order. */
    @Test
    @Tag("learning")
    @DisplayName("S&B Fig 9.5 (30 runs, 5000 episodes): Fourier below polynomial at orders 5, 10, 20 over episodes 4501-5000; every curve falls")
    void figure9_5() {
        ExperimentResult r = run("random-walk-1000-figure-9.5-bases.json");
        for (int order : new int[] {5, 10, 20}) {
            double poly = r.windowMean("polynomial order " + order, "value_rms"), fourier = r.windowMean("Fourier order " + order, "value_rms");
            System.out.printf("Figure 9.5, order %d: RMS error over episodes 4501-5000 polynomial %.4f, Fourier %.4f%n", order, poly, fourier);
            assertTrue(fourier < poly, "order " + order + ": Fourier " + fourier + " below polynomial " + poly);
        }
        for (ExperimentResult.AgentCurves a : r.agents()) {
            double[] rms = a.curves()[r.metric("value_rms")];
            assertTrue(rms[rms.length - 1] < rms[0] / 2, a.label() + " falls: " + rms[0] + " -> " + rms[rms.length - 1]);
        }
    }

    /**
     * Figure 9.10 (10 runs, the book 30; 5000 episodes): gradient MC with one tiling of 200-state
     * tiles (state aggregation into 5 groups) against 50 such tilings offset by 4 states, the same
     * initial learning rate, α/k in episode k. One tiling heads for its fixed point, the μ-weighted
     * group means of v (section 9.2; computed here from the model), whose RMS error over the states
     * is 0.112, the best any function constant on the five tiles can do (its own noise keeps it
     * about 0.015 above that at 5000 episodes); 50 tilings resolve v 4 states at a time and fall
     * below that bound within 1000 episodes.
     */
    @Test
    @Tag("learning")
    @DisplayName("S&B Fig 9.10 (10 runs, 5000 episodes, alpha/k): one tiling ends within 0.025 of its fixed point's RMS (0.112); 50 tilings below one tiling in every 500-episode block, below that fixed point from episode 1001 and below 0.6x one tiling at the end")
    void figure9_10() {
        ExperimentResult r = run("random-walk-1000-figure-9.10-tile-coding.json");
        double[] v = trueValues(), mu = onPolicyDistribution();
        double squares = 0;
        for (int g = 0; g < 5; g++) {
            double m = 0, mv = 0;
            for (int s = 200 * g + 1; s <= 200 * g + 200; s++) {
                m += mu[s];
                mv += mu[s] * v[s];
            }
            for (int s = 200 * g + 1; s <= 200 * g + 200; s++) squares += Math.pow(mv / m - v[s], 2) / 1000;
        }
        double fixedPoint = Math.sqrt(squares);
        String one = "state aggregation (one tiling)", many = "tile coding (50 tilings)";
        double[] blocksOne = new double[10], blocksMany = new double[10];
        for (int b = 0; b < 10; b++) {
            blocksOne[b] = r.mean(one, "value_rms", 500L * b, 500L * b + 500);
            blocksMany[b] = r.mean(many, "value_rms", 500L * b, 500L * b + 500);
        }
        System.out.printf("Figure 9.10: fixed point of one tiling %.4f; RMS per 500 episodes, one tiling %s, 50 tilings %s%n", fixedPoint,
                Arrays.toString(blocksOne), Arrays.toString(blocksMany));
        assertEquals(0.112, fixedPoint, 0.001, "the one-tiling fixed point's RMS error");
        assertEquals(fixedPoint, blocksOne[9], 0.025, "one tiling at episodes 4501-5000");
        for (int b = 0; b < 10; b++) assertTrue(blocksMany[b] < blocksOne[b], "50 tilings below one tiling in block " + b);
        for (int b = 2; b < 10; b++) assertTrue(blocksMany[b] < fixedPoint, "50 tilings below the best of one tiling in block " + b);
        assertTrue(blocksMany[9] < 0.6 * blocksOne[9], "50 tilings end below 0.6x one tiling: " + blocksMany[9] + " vs " + blocksOne[9]);
        BookFigures.folder().ifPresent(dir -> drawFigure9_10(dir.resolve("figure-9.10-tile-coding.png"), r, one, many, fixedPoint));
    }

    static Optional<Path> figures() {
        String dir = System.getProperty("jgym.figures");
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir).toAbsolutePath());
    }

    /** The book's Figure 9.1 (and 9.2 left): v, the two staircases and μ (on its own scale, right axis). */
    static void drawFigure9_1(Path png, double[] v, double[] mu, FinalValues mc, FinalValues td) {
        XYChart chart = new XYChartBuilder().width(900).height(540)
                .title("S&B Figures 9.1 and 9.2 (left): 1000-state random walk, state aggregation (10 groups), 100,000 episodes")
                .xAxisTitle("State").yAxisTitle("Value scale").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xe0e0e0));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setMarkerSize(0);
        double[] x = IntStream.rangeClosed(1, 1000).asDoubleStream().toArray();
        double[] truth = new double[1000], m = new double[1000], t = new double[1000], dist = new double[1000];
        double maxMu = Arrays.stream(mu).max().orElse(1);
        for (int s = 1; s <= 1000; s++) {
            truth[s - 1] = v[s];
            m[s - 1] = mc.stateValue(s);
            t[s - 1] = td.stateValue(s);
            dist[s - 1] = mu[s] / maxMu * 0.5 - 1; // mu drawn in [-1, -0.5]
        }
        Charts.line(chart, "true value v", x, truth, new Color(0xd62728), false);
        Charts.line(chart, "gradient MC, alpha 2e-5", x, m, new Color(0x1f77b4), false);
        Charts.line(chart, "semi-gradient TD(0), alpha 2e-4", x, t, new Color(0x2ca02c), false);
        Charts.line(chart, String.format(Locale.ROOT, "state distribution mu (max %.4f at the top of [-1, -0.5])", maxMu), x, dist, new Color(0x7f7f7f), false);
        Charts.writePng(chart, png);
    }

    /** The book's Figure 9.10: RMS error over the states per episode, both codings, and the one-tiling fixed point. */
    static void drawFigure9_10(Path png, ExperimentResult r, String one, String many, double fixedPoint) {
        XYChart chart = BookFigures.chart(900, 540, "S&B Figure 9.10: 1000-state random walk, gradient MC, alpha/k, 10 runs",
                "Episodes", "RMS error over the 1000 states", Styler.LegendPosition.InsideNE);
        double[] x = IntStream.rangeClosed(1, 5000).asDoubleStream().toArray();
        Charts.line(chart, "state aggregation (one tiling, 5 x 200 states), alpha 1/k", x, r.agent(one).curves()[r.metric("value_rms")], new Color(0x1f77b4), false);
        Charts.line(chart, "tile coding (50 tilings offset by 4 states), alpha 1/(50 k)", x, r.agent(many).curves()[r.metric("value_rms")], new Color(0xd62728), false);
        double[] level = new double[5000];
        Arrays.fill(level, fixedPoint);
        Charts.line(chart, String.format(Locale.ROOT, "one tiling's fixed point (mu-weighted group means), %.3f", fixedPoint), x, level, new Color(0x7f7f7f), false);
        Charts.writePng(chart, png);
    }
}
