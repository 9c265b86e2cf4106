package dev.jgym.agents.planning;

import dev.jgym.agents.run.Charts;
import dev.jgym.agents.run.ValueGrids;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The pictures of a planning run: policies and values on a grid of states (Figures 4.1, 4.2), and the curves of Figures 8.7 and 8.8. */
final class PlanningCharts {
    private static final int CELL = 24, MARGIN = 44, GAP = 30, TITLE = 30;
    private static final Color[] CURVES = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b)};

    private PlanningCharts() {}

    /**
     * Each policy as a grid of its actions' labels (action + offset; blue for positive, red for
     * negative), then the last values as a grid of numbers shaded from low to high; three panels a row.
     */
    static void policiesAndValues(Path png, String title, PlanningConfig.Grid grid, List<int[]> policies, double[] values) {
        int rows = grid.rows(), cols = grid.columns();
        int panelW = cols * CELL + MARGIN, panelH = rows * CELL + MARGIN + TITLE;
        int panels = policies.size() + 1, across = Math.min(3, panels), down = (panels + across - 1) / across;
        int width = across * panelW + (across + 1) * GAP, height = down * panelH + (down + 1) * GAP + TITLE;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Charts.canvas(image);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, GAP, GAP);
        int maxAbs = 1;
        for (int[] p : policies) for (int a : p) maxAbs = Math.max(maxAbs, Math.abs(a + grid.actionOffset()));
        double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        for (int k = 0; k < panels; k++) {
            int x0 = GAP + (k % across) * (panelW + GAP) + MARGIN, y0 = TITLE + GAP + (k / across) * (panelH + GAP) + TITLE;
            boolean isValue = k == policies.size();
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(isValue ? String.format(Locale.ROOT, "v of π%d: %.0f to %.0f", k - 1, low, high) : "π" + k, x0, y0 - 10);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, isValue ? 8 : 11));
            FontMetrics fm = g.getFontMetrics();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int s = r * cols + c, x = x0 + c * CELL, y = y0 + drawnRow(grid, r) * CELL;
                    String label;
                    if (isValue) {
                        double t = high > low ? (values[s] - low) / (high - low) : 0.5;
                        g.setColor(blend(new Color(0xfff7bc), new Color(0x2c7fb8), t));
                        label = String.format(Locale.ROOT, "%.0f", values[s]);
                    } else {
                        int a = policies.get(k)[s] + grid.actionOffset();
                        double t = (double) Math.abs(a) / maxAbs;
                        g.setColor(a == 0 ? Color.WHITE : blend(Color.WHITE, a > 0 ? new Color(0x3182bd) : new Color(0xde2d26), 0.2 + 0.8 * t));
                        label = Integer.toString(a);
                    }
                    g.fillRect(x, y, CELL, CELL);
                    g.setColor(new Color(0xd0d0d0));
                    g.drawRect(x, y, CELL, CELL);
                    g.setColor(Color.BLACK);
                    g.drawString(label, x + (CELL - fm.stringWidth(label)) / 2, y + (CELL + fm.getAscent() - fm.getDescent()) / 2);
                }
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            for (int r = 0; r < rows; r += Math.max(1, rows / 4)) g.drawString(Integer.toString(r), x0 - 18, y0 + drawnRow(grid, r) * CELL + CELL / 2 + 4);
            for (int c = 0; c < cols; c += Math.max(1, cols / 4)) g.drawString(Integer.toString(c), x0 + c * CELL + CELL / 3, y0 + rows * CELL + 14);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(grid.columnTitle(), x0 + (cols * CELL - g.getFontMetrics().stringWidth(grid.columnTitle())) / 2, y0 + rows * CELL + 30);
            AffineTransform saved = g.getTransform();
            g.rotate(-Math.PI / 2, x0 - 26, y0 + rows * CELL / 2.0);
            g.drawString(grid.rowTitle(), x0 - 26 - g.getFontMetrics().stringWidth(grid.rowTitle()) / 2, y0 + rows * CELL / 2);
            g.setTransform(saved);
        }
        g.dispose();
        Charts.writePng(image, png);
    }

    /** Where the grid's row r is drawn, counted from the top. */
    static int drawnRow(PlanningConfig.Grid grid, int r) {
        return grid.firstRow().equals("top") ? r : grid.rows() - 1 - r;
    }

    /**
     * Figure 4.1: per kept sweep k, v_k on the grid and the greedy policy with respect to it
     * (arrows, by the env's action names; none in an absorbing state), four panels a row.
     */
    static void evaluation(Path png, String title, PlanningConfig.Grid grid, FlatModel m, double gamma, List<String> names,
                           List<double[]> values, List<String> labels, List<String> actionNames) {
        int rows = grid.rows(), cols = grid.columns();
        int[] directions = actionNames.stream().mapToInt(ValueGrids::direction).toArray();
        boolean arrows = directions.length == m.nA && java.util.Arrays.stream(directions).allMatch(d -> d != 0);
        String[] rowLabels = new String[rows], columnLabels = new String[cols];
        for (int r = 0; r < rows; r++) rowLabels[drawnRow(grid, r)] = Integer.toString(r);
        for (int c = 0; c < cols; c++) columnLabels[c] = Integer.toString(c);
        List<ValueGrids.Panel> panels = new java.util.ArrayList<>();
        for (int k = 0; k < values.size(); k++) {
            double[] v = values.get(k), cells = new double[rows * cols];
            int[] greedy = new int[rows * cols];
            for (int s = 0; s < m.nS; s++) {
                int i = drawnRow(grid, s / cols) * cols + s % cols;
                cells[i] = v[s];
                if (m.absorbing(s)) continue;
                double[] q = new double[m.nA];
                for (int a = 0; a < m.nA; a++) q[a] = m.backup(s, a, v, gamma);
                greedy[i] = ValueGrids.greedyArrows(q, directions, Solution.TIE);
            }
            panels.add(new ValueGrids.Panel(labels.get(k), rows, cols, cells, null, null, rowLabels, columnLabels, grid.rowTitle(), grid.columnTitle()));
            if (arrows) {
                panels.add(new ValueGrids.Panel("greedy w.r.t. " + names.get(k), rows, cols, null, null, greedy, rowLabels, columnLabels,
                        grid.rowTitle(), grid.columnTitle()));
            }
        }
        ValueGrids.write(png, title, panels, arrows ? 4 : 3, 1, Double.NaN, Double.NaN);
    }

    private static Color blend(Color from, Color to, double t) {
        t = Math.max(0, Math.min(1, t));
        return new Color((int) Math.round(from.getRed() + t * (to.getRed() - from.getRed())),
                (int) Math.round(from.getGreen() + t * (to.getGreen() - from.getGreen())),
                (int) Math.round(from.getBlue() + t * (to.getBlue() - from.getBlue())));
    }

    /** Figure 8.7: RMS error against computations in units of b, the sample-update curves and the expected update's step. */
    static void expectedVsSample(Path png, String title, List<ExpectedVsSample.Curve> curves) {
        XYChart chart = Charts.overSteps(title, "RMS error in value estimate");
        chart.setXAxisTitle("Number of max Q(s', a') computations, in units of b (1 = b, 2 = 2b)");
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.05);
        int c = 0;
        for (ExpectedVsSample.Curve curve : curves) {
            int b = curve.branching(), step = Math.max(1, b / 500);
            int points = 2 * b / step + 1;
            double[] x = new double[points], y = new double[points];
            for (int i = 0; i < points; i++) {
                x[i] = (double) (i * step) / b;
                y[i] = curve.sample()[i * step];
            }
            Charts.line(chart, "sample updates, b = " + b, x, y, CURVES[c++ % CURVES.length], false);
        }
        XYSeries expected = chart.addSeries("expected update (any b)", new double[] {0, 1, 1, 2}, new double[] {1, 1, 0, 0});
        expected.setMarker(SeriesMarkers.NONE);
        expected.setLineColor(Color.BLACK);
        expected.setLineStyle(new BasicStroke(2f));
        Charts.writePng(chart, png);
    }

    /** Figure 8.8, one panel: v_π(0) against expected updates, uniform dashed and on-policy solid, one colour per b. */
    static void trajectorySampling(Path png, String title, List<TrajectorySampling.Curve> curves) {
        XYChart chart = Charts.overSteps(title, "Value of start state under greedy policy");
        chart.setXAxisTitle("Computation time, in expected updates");
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        int c = 0;
        for (TrajectorySampling.Curve curve : curves) {
            double[] x = new double[curve.updates().length];
            for (int i = 0; i < x.length; i++) x[i] = curve.updates()[i];
            Color colour = CURVES[c++ % CURVES.length];
            Charts.line(chart, "b = " + curve.branching() + ", on-policy", x, curve.onPolicy(), colour, false);
            XYSeries uniform = chart.addSeries("b = " + curve.branching() + ", uniform", x, curve.uniform());
            uniform.setMarker(SeriesMarkers.NONE);
            uniform.setLineColor(colour);
            uniform.setLineStyle(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
        Charts.writePng(chart, png);
    }

    /** Example 8.4: the mean updates until a (near-)optimal greedy path against the maze's states, both axes log scale, one line per agent. */
    static void updatesUntilOptimal(Path png, String title, List<String> labels, List<UpdatesUntilOptimal.Maze> mazes, double[][] means) {
        XYChart chart = Charts.overSteps(title, "Updates until optimal solution");
        chart.setXAxisTitle("Gridworld size (#states)");
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisLogarithmic(true); // the book's x doubles at every tick
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        double[] x = mazes.stream().mapToDouble(UpdatesUntilOptimal.Maze::states).toArray();
        for (int a = 0; a < labels.size(); a++) Charts.line(chart, labels.get(a), x, means[a], CURVES[a % CURVES.length], true);
        Charts.writePng(chart, png);
    }
}
