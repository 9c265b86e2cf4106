package dev.jgym.experiments;

import dev.jgym.agents.run.Charts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Learning-curve PNGs drawn headless with XChart: one chart per metric, one line per agent.
 * {@code optimal} is shown in percent and {@code regret} as its running total, as in Sutton and
 * Barto's figures; long runs are averaged into at most {@value #MAX_POINTS} points.
 */
public final class LearningCurves {
    static final int MAX_POINTS = 1000;
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    };

    private LearningCurves() {}

    public static void write(Path dir, String title, ExperimentResult result) {
        for (int m = 0; m < result.metrics().size(); m++) {
            String metric = result.metrics().get(m);
            XYChart chart = new XYChartBuilder().width(900).height(520).title(title)
                    .xAxisTitle(result.episodic() ? "Episodes" : "Steps").yAxisTitle(axisTitle(metric)).build();
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
            chart.getStyler().setChartBackgroundColor(Color.WHITE);
            chart.getStyler().setPlotGridLinesColor(new Color(0xe0e0e0));
            chart.getStyler().setMarkerSize(0);
            chart.getStyler().setXAxisMin(0.0);
            chart.getStyler().setXAxisMax((double) result.steps());
            chart.getStyler().setXAxisDecimalPattern("#,###");
            chart.getStyler().setXAxisTickMarkSpacingHint(90);
            int colour = 0;
            for (ExperimentResult.AgentCurves a : result.agents()) {
                double[][] xy = points(transform(metric, a.curves()[m]));
                XYSeries s = chart.addSeries(a.label(), xy[0], xy[1]);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(PALETTE[colour++ % PALETTE.length]);
                s.setLineStyle(new BasicStroke(1.6f));
            }
            Charts.writePng(chart, dir.resolve(metric + ".png"));
        }
    }

    static String axisTitle(String metric) {
        return switch (metric) {
            case "reward" -> "Average reward";
            case "optimal" -> "% Optimal action";
            case "regret" -> "Cumulative regret";
            case "return" -> "Sum of rewards during episode";
            case "length" -> "Steps per episode";
            case "episodes" -> "Episodes completed";
            default -> metric;
        };
    }

    static double[] transform(String metric, double[] curve) {
        double[] y = curve.clone();
        if (metric.equals("optimal")) {
            for (int i = 0; i < y.length; i++) y[i] *= 100;
        } else if (metric.equals("regret")) {
            for (int i = 1; i < y.length; i++) y[i] += y[i - 1];
        }
        return y;
    }

    /** x from 1; bins of equal width averaged when there are more than MAX_POINTS steps. */
    static double[][] points(double[] y) {
        int n = y.length, bins = Math.min(n, MAX_POINTS);
        double[] xs = new double[bins], ys = new double[bins];
        for (int b = 0; b < bins; b++) {
            int from = (int) ((long) b * n / bins), to = (int) ((long) (b + 1) * n / bins);
            double s = 0;
            for (int i = from; i < to; i++) s += y[i];
            ys[b] = s / (to - from);
            xs[b] = (from + to + 1) / 2.0;
        }
        return new double[][] {xs, ys};
    }
}
