package dev.jgym.experiments;

import dev.jgym.agents.run.Charts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Learning curves of a supervised run, per epoch: {@code loss.png} and {@code accuracy.png} (train
 * and validation); with {@code eval_every}, {@code train-test.png} (the training set in eval mode
 * against the test set, at the epochs measured).
 */
public final class SupervisedCurves {
    private SupervisedCurves() {}

    static void write(Path dir, String title, List<SupervisedExperiment.EpochRow> rows) {
        int n = rows.size();
        double[] x = new double[n], trainLoss = new double[n], valLoss = new double[n], trainAcc = new double[n], valAcc = new double[n];
        boolean hasVal = n > 0 && !Double.isNaN(rows.get(0).valAccuracy());
        for (int i = 0; i < n; i++) {
            SupervisedExperiment.EpochRow r = rows.get(i);
            x[i] = r.epoch();
            trainLoss[i] = r.trainLoss();
            valLoss[i] = r.valLoss();
            trainAcc[i] = 100 * r.trainAccuracy();
            valAcc[i] = 100 * r.valAccuracy();
        }
        chart(dir.resolve("loss.png"), title, "Cross-entropy loss", x, trainLoss, hasVal ? valLoss : null, Styler.LegendPosition.InsideNE);
        chart(dir.resolve("accuracy.png"), title, "% Accuracy", x, trainAcc, hasVal ? valAcc : null, Styler.LegendPosition.InsideSE);
        if (rows.stream().anyMatch(r -> !Double.isNaN(r.testAccuracy()))) Charts.writePng(trainTest(title, rows, 900, 520), dir.resolve("train-test.png"));
    }

    /** Accuracy on the training set (eval mode) and on the test set at the epochs {@code eval_every} measured. */
    public static XYChart trainTest(String title, List<SupervisedExperiment.EpochRow> rows, int width, int height) {
        List<SupervisedExperiment.EpochRow> measured = rows.stream().filter(r -> !Double.isNaN(r.testAccuracy())).toList();
        double[] x = measured.stream().mapToDouble(SupervisedExperiment.EpochRow::epoch).toArray();
        double[] train = measured.stream().mapToDouble(r -> 100 * r.trainEvalAccuracy()).toArray();
        double[] test = measured.stream().mapToDouble(r -> 100 * r.testAccuracy()).toArray();
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle("Epoch").yAxisTitle("% Accuracy").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xe0e0e0));
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
        add(chart, "training set", x, train, new Color(0x1f77b4));
        add(chart, "test set", x, test, new Color(0xd62728));
        return chart;
    }

    private static void chart(Path png, String title, String yTitle, double[] x, double[] train, double[] val, Styler.LegendPosition legend) {
        XYChart chart = new XYChartBuilder().width(900).height(520).title(title).xAxisTitle("Epoch").yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(legend);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xe0e0e0));
        add(chart, "train", x, train, new Color(0x1f77b4));
        if (val != null) add(chart, "validation", x, val, new Color(0xd62728));
        Charts.writePng(chart, png);
    }

    private static void add(XYChart chart, String name, double[] x, double[] y, Color colour) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setLineColor(colour);
        s.setMarkerColor(colour);
        s.setLineStyle(new BasicStroke(1.6f));
    }
}
