package dev.jgym.agents.run;

import dev.jgym.core.config.Json;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.knowm.xchart.internal.chartpart.Chart;

/** XChart charts of a run: the common look of the step curves, written as PNG files (rendered in memory, then a temporary file and a rename). */
public final class Charts {
    private Charts() {}

    public static void writePng(Chart<?, ?> chart, Path png) {
        try {
            Json.writeAtomically(png, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + png, e);
        }
    }

    /** A white {@code width} x {@code height} image to draw on, text and shapes antialiased; {@link #writePng(java.awt.image.BufferedImage, Path)} writes it. */
    public static java.awt.Graphics2D canvas(java.awt.image.BufferedImage image) {
        java.awt.Graphics2D g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    /** An image as a PNG file (in memory, then a temporary file and a rename). */
    public static void writePng(java.awt.image.BufferedImage image, Path png) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + png, e);
        }
        Json.writeAtomically(png, bytes.toByteArray());
    }

    /** Charts of one size side by side, {@code columns} to a row (left to right, then down), as one PNG. */
    public static void writePng(java.util.List<? extends Chart<?, ?>> charts, int columns, Path png) {
        int w = charts.get(0).getWidth(), h = charts.get(0).getHeight(), rows = (charts.size() + columns - 1) / columns;
        java.awt.image.BufferedImage all = new java.awt.image.BufferedImage(columns * w, rows * h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, all.getWidth(), all.getHeight());
        for (int i = 0; i < charts.size(); i++) g.drawImage(BitmapEncoder.getBufferedImage(charts.get(i)), (i % columns) * w, (i / columns) * h, null);
        g.dispose();
        writePng(all, png);
    }

    /** A 900x520 chart over env steps, legend inside at the top left, on white. */
    public static XYChart overSteps(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(900).height(520).title(title).xAxisTitle("Env step").yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xe0e0e0));
        return chart;
    }

    /** A series in one colour: a thin line, or a thicker one with circle markers. */
    public static void line(XYChart chart, String name, double[] x, double[] y, Color colour, boolean markers) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setMarkerColor(colour);
        s.setLineStyle(new BasicStroke(markers ? 1.6f : 1.0f));
    }
}
