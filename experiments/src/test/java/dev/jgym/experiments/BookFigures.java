package dev.jgym.experiments;

import dev.jgym.agents.AgentContext;
import dev.jgym.agents.Agents;
import dev.jgym.core.env.Env;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.sim.Agent;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * What the book-figure tests share: the first agent of a config built as run 0 of {@code jgym train}
 * builds it (for tests that drive it themselves and look inside), and the PNGs for docs/img
 * ({@code -Djgym.figures=DIR}).
 */
final class BookFigures {
    private BookFigures() {}

    /** The first agent of {@code config} (read from {@code configs/<source>}) for {@code env}, from run 0's agent stream. */
    @SuppressWarnings("unchecked")
    static <T> T agent(ExperimentConfig config, String source, Env<Object, Object> env) {
        ExperimentConfig.AgentConfig a = config.agents().get(0);
        Rng rng = new Rng(config.seed()).child("agent").child(a.label()).child(0);
        Agent<?, ?> agent = Agents.create(a.type(), a.settings(), source, "$.agents[0].settings",
                new AgentContext(a.type(), env.observationSpace(), env.actionSpace(), rng));
        return (T) agent;
    }

    /** The env seed of run 0. */
    static long envSeed(ExperimentConfig config) {
        return new Rng(config.seed()).child("env").child(0).seed();
    }

    /** An empty line chart on white with light grid lines and no markers. */
    static XYChart chart(int width, int height, String title, String xTitle, String yTitle, Styler.LegendPosition legend) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xe0e0e0));
        chart.getStyler().setLegendPosition(legend);
        chart.getStyler().setMarkerSize(0);
        return chart;
    }

    /** The folder named by {@code -Djgym.figures=DIR}, if any. */
    static Optional<Path> folder() {
        String dir = System.getProperty("jgym.figures");
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir).toAbsolutePath());
    }

    /** Charts drawn next to each other, as the book's panels, into one PNG. */
    static void sideBySide(Path png, XYChart... charts) {
        BufferedImage[] images = new BufferedImage[charts.length];
        int width = 0, height = 0;
        for (int i = 0; i < charts.length; i++) {
            images[i] = BitmapEncoder.getBufferedImage(charts[i]);
            width += images[i].getWidth();
            height = Math.max(height, images[i].getHeight());
        }
        BufferedImage all = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int x = 0;
        for (BufferedImage image : images) {
            g.drawImage(image, x, 0, null);
            x += image.getWidth();
        }
        g.dispose();
        write(all, png);
    }

    /** An image as a PNG file (a temporary file, then a rename). */
    static void write(BufferedImage image, Path png) {
        dev.jgym.agents.run.Charts.writePng(image, png);
    }
}
