package dev.jgym.agents.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.agents.run.Charts;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.envs.grid.Gambler;
import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * S&amp;B Example 4.3, Figure 4.3: value iteration on the gambler's problem with p_h = 0.4. The
 * book's values V(25) = 0.16, V(50) = 0.40, V(75) = 0.64 are exact here: bold play (stake
 * min(s, 100 − s)) is optimal for p_h &lt; 1/2, so V(50) = p_h, V(25) = p_h V(50),
 * V(75) = p_h + (1 − p_h) V(50). {@code -Djgym.figures=DIR} draws the figure into DIR.
 */
class GamblerTest {

    static FlatModel model(double ph) {
        try (Env<Object, Object> env = EnvRegistry.make(Gambler.ID, Map.of("heads_probability", ph))) {
            return new FlatModel(FlatModel.of(env));
        }
    }

    @Test
    @DisplayName("S&B Fig 4.3 (p_h 0.4): V*(25) = 0.16, V*(50) = 0.40, V*(75) = 0.64 (1e-9); bold play is greedy there; V* rises with s")
    void figure43() {
        Solution vi = ValueIteration.solve(model(0.4), new ValueIteration.Settings(1.0, 1e-12, 100_000));
        assertEquals(0.16, vi.value(25), 1e-9);
        assertEquals(0.40, vi.value(50), 1e-9);
        assertEquals(0.64, vi.value(75), 1e-9);
        assertEquals(0.0, vi.value(0), 0.0);
        assertEquals(0.0, vi.value(100), 0.0, "the goal is absorbing; its +1 comes with the step into it");
        for (int s : new int[] {25, 50, 75}) {
            int bold = Math.min(s, 100 - s) - 1;
            assertTrue(vi.isGreedy(s, bold), "bold play at " + s);
        }
        for (int s = 1; s < 100; s++) assertTrue(vi.value(s) > vi.value(s - 1) - 1e-12, "V* non-decreasing at " + s);
        assertEquals(50, Gambler.stake(50, vi.policy()[50]), "all in at 50");
        figures().ifPresent(dir -> draw(model(0.4), vi, dir.resolve("figure-4.3-gambler.png")));
    }

    @Test
    @DisplayName("p_h 0.5, a fair coin: V*(s) = s / 100 (1e-9), any policy that ends is optimal")
    void fairCoin() {
        Solution vi = ValueIteration.solve(model(0.5), new ValueIteration.Settings(1.0, 1e-12, 100_000));
        for (int s = 0; s < 100; s++) assertEquals(s / 100.0, vi.value(s), 1e-9, "state " + s);
    }

    /** Value estimates after sweeps 1, 2, 3 and 32 and the final values; the final policy (smallest best stake). */
    static void draw(FlatModel m, Solution vi, Path png) {
        XYChart chart = new XYChartBuilder().width(900).height(520)
                .title("S&B Figure 4.3: gambler's problem, p_h = 0.4: value iteration sweeps, final values and policy")
                .xAxisTitle("Capital").yAxisTitle("Value estimates / final stake ÷ 50").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xe0e0e0));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setMarkerSize(0);
        double[] x = IntStream.range(1, 100).asDoubleStream().toArray();
        double[] v = new double[m.states()];
        Color[] colours = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0x9467bd)};
        int c = 0;
        for (int sweep = 1; sweep <= 32; sweep++) {
            for (int s = 0; s < m.states(); s++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < m.actions(); a++) best = Math.max(best, m.backup(s, a, v, 1.0));
                v[s] = best;
            }
            if (sweep <= 3 || sweep == 32) series(chart, "sweep " + sweep, x, slice(v), colours[c++], 1.4f);
        }
        series(chart, "final value function", x, slice(vi.values()), Color.BLACK, 2f);
        double[] stake = new double[99];
        for (int s = 1; s < 100; s++) stake[s - 1] = Gambler.stake(s, vi.policy()[s]) / 50.0;
        series(chart, "final policy: stake / 50", x, stake, new Color(0xd62728), 1f);
        Charts.writePng(chart, png);
    }

    static double[] slice(double[] v) {
        double[] out = new double[99];
        System.arraycopy(v, 1, out, 0, 99);
        return out;
    }

    static void series(XYChart chart, String name, double[] x, double[] y, Color colour, float width) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineStyle(new BasicStroke(width));
    }

    static java.util.Optional<Path> figures() {
        String dir = System.getProperty("jgym.figures");
        return dir == null || dir.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(Path.of(dir).toAbsolutePath());
    }
}
