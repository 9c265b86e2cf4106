package dev.jgym.experiments.seeds;

import dev.jgym.agents.run.Charts;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.optim.Optimizer;
import dev.jgym.nn.optim.OptimizerConfig;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The deep-learning seed's optimizer picture (Saito, "Deep Learning from Scratch", 2016, section
 * 6.1.7, Figure 6-8): each optimizer walks from (−7, 2) down the elongated bowl
 * <pre>
 *   f(x, y) = x² / 20 + y²,   ∇f = (x / 10, 2 y),   minimum at (0, 0)
 * </pre>
 * for 30 steps. The point (x, y) is one float parameter and the step is the shared optimizer
 * ({@link OptimizerConfig#create}), the same code a network trains with. Learning rates are the
 * book's (SGD 0.95, Momentum 0.1 with momentum 0.9, Adam 0.3); the book's AdaGrad (1.5) has no
 * counterpart in the factory, and its figure has no RMSProp: here RMSProp runs at lr 0.1 with
 * PyTorch's alpha 0.99, whose first step is exactly 1 along each axis.
 *
 * <p>SGD zigzags across the narrow y direction and crawls along x (the gradient points at the
 * y axis, not at the minimum); Momentum rolls like a ball; RMSProp and Adam scale each coordinate
 * by its own gradient size, so their first steps go diagonally, the same length on both axes.
 */
public final class OptimizerPaths {
    /** The start, the steps and the four optimizers of the figure. */
    public static final double X0 = -7, Y0 = 2;
    public static final int STEPS = 30;
    public static final List<OptimizerConfig> FIGURE = List.of(
            new OptimizerConfig("sgd", 0.95, null, null),
            new OptimizerConfig("momentum", 0.1, 0.9, null),
            new OptimizerConfig("rmsprop", 0.1, null, null, 0.99, null, null),
            new OptimizerConfig("adam", 0.3, null, null));

    /**
     * The example as a config's {@code "seeds"} object ({@code "example": "optimizer_paths"}).
     *
     * @param start the first point (default [-7, 2])
     * @param steps optimizer steps (default 30)
     * @param optimizers one path each ({@link OptimizerConfig}; default the figure's four, {@link #FIGURE})
     */
    public record Settings(double[] start, Integer steps, List<OptimizerConfig> optimizers) {
        public Settings {
            if (start == null) start = new double[] {X0, Y0};
            dev.jgym.core.config.Check.that(start.length == 2 && Double.isFinite(start[0]) && Double.isFinite(start[1]), "start",
                    "expected two finite numbers [x, y], found " + java.util.Arrays.toString(start));
            if (steps == null) steps = STEPS;
            dev.jgym.core.config.Check.positive("steps", steps);
            dev.jgym.core.config.Check.size("steps", steps, 100_000);
            if (optimizers == null) optimizers = FIGURE;
            dev.jgym.core.config.Check.that(!optimizers.isEmpty(), "optimizers", "expected at least one optimizer");
        }
    }

    /** One optimizer's iterates, the start included: steps + 1 points. */
    public record PathXY(OptimizerConfig optimizer, double[] x, double[] y) {
        public String label() {
            String name = switch (optimizer.type()) {
                case "sgd" -> "SGD";
                case "momentum" -> "Momentum";
                case "rmsprop" -> "RMSProp";
                case "adam" -> "Adam";
                default -> optimizer.type();
            };
            return name + " (lr " + optimizer.lr() + ")";
        }
    }

    private OptimizerPaths() {}

    public static double f(double x, double y) {
        return x * x / 20 + y * y;
    }

    /** The iterates of {@code steps} steps of the optimizer from (x0, y0). */
    public static PathXY walk(OptimizerConfig optimizer, double x0, double y0, int steps) {
        Param p = Param.trainable("xy", Tensor.vector((float) x0, (float) y0));
        Optimizer opt = optimizer.create(null, List.of(p), 0.9);
        float[] xy = p.value().data(), g = p.grad().data();
        double[] xs = new double[steps + 1], ys = new double[steps + 1];
        xs[0] = xy[0];
        ys[0] = xy[1];
        for (int t = 1; t <= steps; t++) {
            opt.zeroGrad();
            g[0] = xy[0] / 10f; // df/dx
            g[1] = 2f * xy[1];  // df/dy
            opt.step();
            xs[t] = xy[0];
            ys[t] = xy[1];
        }
        return new PathXY(optimizer, xs, ys);
    }

    /** The four paths of the figure. */
    public static List<PathXY> figure() {
        return paths(new Settings(null, null, null));
    }

    /** One path per optimizer of the settings. */
    public static List<PathXY> paths(Settings s) {
        return s.optimizers().stream().map(o -> walk(o, s.start()[0], s.start()[1], s.steps())).toList();
    }

    /** {@code paths.csv}: optimizer (its index and label), step, x, y, f(x, y). */
    public static String csv(List<PathXY> paths) {
        StringBuilder sb = new StringBuilder("optimizer,label,step,x,y,f\n");
        for (int i = 0; i < paths.size(); i++) {
            PathXY p = paths.get(i);
            for (int t = 0; t < p.x().length; t++) {
                sb.append(i).append(",\"").append(p.label()).append("\",").append(t).append(',').append(p.x()[t]).append(',').append(p.y()[t]).append(',')
                        .append(f(p.x()[t], p.y()[t])).append('\n');
            }
        }
        return sb.toString();
    }

    /** One panel: the contours f = 0.25, 0.5, 1, 2, 4, 8, 16, the path in red, the minimum as a '+'. */
    static XYChart panel(PathXY path) {
        XYChart chart = new XYChartBuilder().width(520).height(440).title(path.label()).xAxisTitle("x").yAxisTitle("y").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setXAxisMin(-10.0).setXAxisMax(10.0).setYAxisMin(-5.0).setYAxisMax(5.0);
        double[] levels = {0.25, 0.5, 1, 2, 4, 8, 16};
        for (int l = 0; l < levels.length; l++) {
            int n = 181;
            double[] cx = new double[n], cy = new double[n];
            for (int i = 0; i < n; i++) {
                double a = 2 * Math.PI * i / (n - 1);
                cx[i] = Math.sqrt(20 * levels[l]) * Math.cos(a);
                cy[i] = Math.sqrt(levels[l]) * Math.sin(a);
            }
            for (int i = 0; i < n; i++) {
                if (Math.abs(cx[i]) > 10 || Math.abs(cy[i]) > 5) cx[i] = cy[i] = Double.NaN; // leaves the plot: a gap
            }
            Charts.line(chart, "f = " + levels[l], cx, cy, new Color(0x9ecae1), false);
        }
        Charts.line(chart, path.label(), path.x(), path.y(), new Color(0xd62728), true);
        XYSeries min = chart.addSeries("minimum", new double[] {0}, new double[] {0});
        min.setMarker(SeriesMarkers.CROSS);
        min.setMarkerColor(Color.BLACK);
        min.setLineStyle(new java.awt.BasicStroke(0f));
        return chart;
    }

    /** The four panels, two by two, as one PNG. */
    public static void writePng(List<PathXY> paths, Path png) {
        Charts.writePng(paths.stream().map(OptimizerPaths::panel).toList(), 2, png);
    }
}
