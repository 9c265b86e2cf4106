package dev.jgym.agents.mc;

import dev.jgym.agents.run.Charts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Figures 5.3 and 5.4 drawn as the book draws them: episodes on a log scale. */
final class Figures {
    private static final Color RED = new Color(0xd62728), GREEN = new Color(0x2ca02c), BLUE = new Color(0x1f77b4);

    private Figures() {}

    private static XYChart chart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(900).height(520).title(title)
                .xAxisTitle("Episodes (log scale)").yAxisTitle(yTitle).build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xe0e0e0));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setXAxisDecimalPattern("#,###");
        return chart;
    }

    private static void line(XYChart chart, String name, double[] y, Color colour) {
        double[] x = IntStream.rangeClosed(1, y.length).asDoubleStream().toArray();
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineStyle(new BasicStroke(1.6f));
    }

    static void figure53(double[] ordinary, double[] weighted, Path png) {
        XYChart chart = chart("S&B Figure 5.3: off-policy estimates of Blackjack state (13, 2, usable ace), v = -0.27726",
                "Mean square error (average over 100 runs)");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(5.0);
        line(chart, "Ordinary importance sampling", ordinary, GREEN);
        line(chart, "Weighted importance sampling", weighted, RED);
        Charts.writePng(chart, png);
    }

    /** Every run's curve, thinned to about 2000 log-spaced points. */
    static void figure54(double[][] runs, Path png) {
        XYChart chart = chart("S&B Figure 5.4: ordinary importance sampling on the one-state MDP (ten runs), v = 1",
                "Monte Carlo estimate of v(s)");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(3.0);
        chart.getStyler().setLegendVisible(false);
        for (int r = 0; r < runs.length; r++) {
            double[] y = runs[r];
            int[] idx = IntStream.range(0, 2000).map(i -> (int) Math.round(Math.pow(y.length, i / 1999.0)) - 1).distinct().toArray();
            double[] xs = new double[idx.length], ys = new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                xs[i] = idx[i] + 1;
                ys[i] = Math.min(y[idx[i]], 3.0);
            }
            XYSeries s = chart.addSeries("run " + r, xs, ys);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(BLUE);
            s.setLineStyle(new BasicStroke(1.0f));
        }
        Charts.writePng(chart, png);
    }
}
