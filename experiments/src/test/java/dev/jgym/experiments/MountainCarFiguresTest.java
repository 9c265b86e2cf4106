package dev.jgym.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.agents.linear.SemiGradientSarsa;
import dev.jgym.agents.run.Charts;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Simulator;
import dev.jgym.core.sim.SimulatorListener;
import dev.jgym.core.sim.Transition;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * Sutton &amp; Barto (2nd ed.) chapter 10 on Mountain Car (Example 10.1) from the configs
 * {@code configs/book/mountain-car-figure-10.*.json}: {@code MountainCar-v0} with
 * {@code max_episode_steps} 0 is the book's task (Gymnasium's dynamics and start are the book's;
 * its 200-step limit is not), and {@code semi-gradient-sarsa} with 8 tilings of 8 x 8 tiles
 * hashed with the action is the book's learner (ε = 0, q̂ = 0 at the start). The book's figures
 * average 100 runs; the configs take 10, and the tests hold what the book's curves show with
 * margins that 10 runs keep. {@code -Djgym.figures=DIR} draws the figures into DIR.
 */
class MountainCarFiguresTest {
    static ExperimentResult run(String config) {
        return Experiment.read(Configs.path("book/" + config)).run(2, n -> { });
    }

    /** The block means of one agent's steps per episode, {@code size} episodes a block. */
    static double[] blocks(ExperimentResult r, String label, int size) {
        int n = r.agent(label).curves()[r.metric("length")].length / size;
        return IntStream.range(0, n).mapToDouble(b -> r.mean(label, "length", (long) b * size, (long) b * size + size)).toArray();
    }

    /**
     * Figure 10.2 (10 runs): the larger α learns faster, so the first episode and episodes 1-100
     * lie in the order 0.5/8 &lt; 0.2/8 &lt; 0.1/8 (the book's, every one); the first episode, with
     * ε = 0 and optimistic values, explores for over a thousand steps (the curves start above the
     * book's log axis' 1000) and, by episodes 401-500, all three are near the book's 120 to 150.
     */
    @Test
    @Tag("learning")
    @DisplayName("S&B Fig 10.2 (10 runs, 500 episodes): first episode and episodes 1-100 in the order alpha 0.5/8 < 0.2/8 < 0.1/8; first episode 1000-5000 steps; episodes 401-500 within 100-170")
    void figure10_2() {
        ExperimentResult r = run("mountain-car-figure-10.2.json");
        String[] labels = {"alpha = 0.1/8", "alpha = 0.2/8", "alpha = 0.5/8"};
        Map<String, double[]> b = new LinkedHashMap<>();
        for (String l : labels) b.put(l, blocks(r, l, 100));
        b.forEach((l, v) -> System.out.printf("Figure 10.2, %s: steps per episode per 100 episodes %s, first episode %.0f%n", l, Arrays.toString(v),
                r.agent(l).curves()[r.metric("length")][0]));
        assertTrue(b.get(labels[2])[0] < b.get(labels[1])[0] && b.get(labels[1])[0] < b.get(labels[0])[0], "episodes 1-100 in alpha order");
        double[] firsts = Arrays.stream(labels).mapToDouble(l -> r.agent(l).curves()[r.metric("length")][0]).toArray();
        assertTrue(firsts[2] < firsts[1] && firsts[1] < firsts[0], "first episodes in alpha order: " + Arrays.toString(firsts));
        for (String l : labels) {
            double first = r.agent(l).curves()[r.metric("length")][0], last = b.get(l)[4];
            assertTrue(first > 1000 && first < 5000, l + ": first episode " + first);
            assertTrue(last > 100 && last < 170, l + ": episodes 401-500 " + last);
        }
        BookFigures.folder().ifPresent(dir -> drawSteps(dir.resolve("figure-10.2-mountain-car-alpha.png"), r, labels,
                "S&B Figure 10.2: Mountain Car, semi-gradient SARSA, 8 tilings, 10 runs"));
    }

    /**
     * Figure 10.3 (10 runs): 8-step SARSA (α = 0.3/8) learns faster than one-step SARSA (α = 0.5/8),
     * below it over the first 100 episodes, and is at least as good later.
     */
    @Test
    @Tag("learning")
    @DisplayName("S&B Fig 10.3 (10 runs, 500 episodes): n = 8 below n = 1 over episodes 1-100 and not above it (+5 steps) over episodes 101-500")
    void figure10_3() {
        ExperimentResult r = run("mountain-car-figure-10.3.json");
        String one = "n = 1, alpha = 0.5/8", eight = "n = 8, alpha = 0.3/8";
        double[] b1 = blocks(r, one, 100), b8 = blocks(r, eight, 100);
        System.out.printf("Figure 10.3: steps per episode per 100 episodes, n = 1 %s, n = 8 %s%n", Arrays.toString(b1), Arrays.toString(b8));
        assertTrue(b8[0] < b1[0], "n = 8 learns faster: " + b8[0] + " vs " + b1[0]);
        double later1 = r.mean(one, "length", 100, 500), later8 = r.mean(eight, "length", 100, 500);
        assertTrue(later8 < later1 + 5, "n = 8 no worse later: " + later8 + " vs " + later1);
        BookFigures.folder().ifPresent(dir -> drawSteps(dir.resolve("figure-10.3-mountain-car-n-step.png"), r, new String[] {one, eight},
                "S&B Figure 10.3: Mountain Car, one-step vs 8-step semi-gradient SARSA, 10 runs"));
    }

    /** Where Figure 10.1 looks at the cost-to-go: step 428 of the first episode, then after these episodes. */
    static final int[] EPISODES = {12, 104, 1000, 9000};
    static final int GRID = 60;

    /**
     * Figure 10.1 (one run, 9000 episodes): the cost-to-go −max_a q̂(s, a, w) grows from a shallow
     * dent around the start (step 428) to a spiral ridge; once learned it is the number of steps
     * the greedy policy needs: after 9000 episodes, from the bottom at rest (−0.5, 0) that is
     * about 110 steps (the book's best episodes), and the cost-to-go there matches the greedy
     * rollout within 10% (after 1000 episodes q̂ still promises less than the greedy policy does).
     */
    @Test
    @Tag("learning")
    @DisplayName("S&B Fig 10.1 (one run, 9000 episodes): cost-to-go below 10 everywhere at step 428; after 9000 episodes the greedy run from (-0.5, 0) takes 100-120 steps and the cost-to-go there is within 10% of it")
    void figure10_1() {
        ExperimentConfig config = ExperimentConfig.read(Configs.path("book/mountain-car-figure-10.1.json"));
        Map<String, double[][]> panels = new LinkedHashMap<>();
        Map<Integer, double[]> checks = new LinkedHashMap<>(); // episode -> {greedy steps, cost-to-go at (-0.5, 0)}
        try (Env<Object, Object> env = EnvRegistry.make(config.env().id(), config.env().options())) {
            Agent<Object, Object> agent = BookFigures.agent(config, "book/mountain-car-figure-10.1.json", env);
            SemiGradientSarsa sarsa = (SemiGradientSarsa) (Object) agent;
            SimulatorListener<Object, Object> snapshots = new SimulatorListener<>() {
                @Override public void onStep(long step, Transition<Object, Object> t) {
                    if (step == 427) panels.put("Step 428", costToGo(sarsa));
                }

                @Override public void onEpisodeEnd(int episode, double episodeReturn, int length, boolean terminated) {
                    int done = episode + 1;
                    if (Arrays.stream(EPISODES).anyMatch(e -> e == done)) {
                        panels.put("Episode " + done, costToGo(sarsa));
                        if (done >= 1000) checks.put(done, new double[] {greedySteps(sarsa), -sarsa.maxValue(new float[] {-0.5f, 0f})});
                    }
                }
            };
            Simulator.builder(env, agent).seed(BookFigures.envSeed(config)).maxEpisodes(config.episodes()).listener(snapshots).build().run();
        }
        double step428 = Arrays.stream(panels.get("Step 428")).flatMapToDouble(Arrays::stream).max().orElseThrow();
        System.out.printf("Figure 10.1: largest cost-to-go at step 428 %.2f; after 1000 and 9000 episodes greedy steps / cost-to-go at (-0.5, 0): %s, %s%n",
                step428, Arrays.toString(checks.get(1000)), Arrays.toString(checks.get(9000)));
        assertTrue(step428 > 0 && step428 < 10, "a shallow dent at step 428: " + step428);
        double[] c = checks.get(9000);
        assertTrue(c[0] >= 100 && c[0] <= 120, "greedy steps from (-0.5, 0): " + c[0]);
        assertEquals(c[0], c[1], 0.1 * c[0], "the cost-to-go at (-0.5, 0) is the greedy run's length");
        BookFigures.folder().ifPresent(dir -> drawCostToGo(dir.resolve("figure-10.1-mountain-car-cost-to-go.png"), panels));
    }

    /** −max_a q̂ over a GRID x GRID grid of position [-1.2, 0.5] (columns) and velocity [-0.07, 0.07] (rows, top = fastest). */
    static double[][] costToGo(SemiGradientSarsa agent) {
        double[][] c = new double[GRID][GRID];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                float x = (float) (-1.2 + 1.7 * (j + 0.5) / GRID), v = (float) (0.07 - 0.14 * (i + 0.5) / GRID);
                c[i][j] = -agent.maxValue(new float[] {x, v});
            }
        }
        return c;
    }

    /** The greedy policy's steps from (-0.5, 0), at most 1000. */
    static int greedySteps(SemiGradientSarsa agent) {
        try (Env<Object, Object> env = EnvRegistry.make("MountainCar-v0", Map.of("max_episode_steps", 0))) {
            Object o = env.reset(0L, Map.of("low", -0.5, "high", -0.5)).observation();
            for (int steps = 1; steps <= 1000; steps++) {
                var s = env.step(agent.greedyAction(o));
                if (s.terminated()) return steps;
                o = s.observation();
            }
            return 1000;
        }
    }

    /** Steps per episode on a log scale, as the book draws Figures 10.2 and 10.3. */
    static void drawSteps(Path png, ExperimentResult r, String[] labels, String title) {
        XYChart chart = BookFigures.chart(900, 540, title, "Episode", "Steps per episode (log scale), mean over runs", Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisLogarithmic(true);
        Color[] colours = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xd62728)};
        for (int i = 0; i < labels.length; i++) {
            double[] y = r.agent(labels[i]).curves()[r.metric("length")];
            double[] x = IntStream.rangeClosed(1, y.length).asDoubleStream().toArray();
            Charts.line(chart, labels[i], x, y, colours[i % colours.length], false);
        }
        Charts.writePng(chart, png);
    }

    /** The book's five panels of Figure 10.1 as heat maps (dark: high cost-to-go), each with its largest value. */
    static void drawCostToGo(Path png, Map<String, double[][]> panels) {
        int cell = 4, size = GRID * cell, pad = 40, top = 60;
        BufferedImage image = new BufferedImage(panels.size() * (size + pad) + pad, size + top + 50, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("S&B Figure 10.1: Mountain Car cost-to-go -max_a q(s, a, w), one run, semi-gradient SARSA (8 tilings, alpha 0.3/8)", pad, 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int p = 0;
        for (Map.Entry<String, double[][]> e : panels.entrySet()) {
            double[][] c = e.getValue();
            double max = Arrays.stream(c).flatMapToDouble(Arrays::stream).max().orElse(1);
            int x0 = pad + p * (size + pad);
            for (int i = 0; i < GRID; i++) {
                for (int j = 0; j < GRID; j++) {
                    float level = (float) Math.max(0, Math.min(1, c[i][j] / Math.max(max, 1e-9)));
                    g.setColor(Color.getHSBColor(0.62f, 0.15f + 0.75f * level, 1f - 0.7f * level));
                    g.fillRect(x0 + j * cell, top + i * cell, cell, cell);
                }
            }
            g.setColor(Color.BLACK);
            g.drawRect(x0, top, size, size);
            g.drawString(String.format(Locale.ROOT, "%s (max %.1f)", e.getKey(), max), x0, top - 8);
            g.drawString("position -1.2 .. 0.5", x0, top + size + 16);
            g.drawString("velocity 0.07 (top) .. -0.07", x0, top + size + 32);
            p++;
        }
        g.dispose();
        BookFigures.write(image, png);
    }
}
