package dev.jgym.experiments.shallow;

import dev.jgym.core.config.Json;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Weight maps as one PNG: per class the mean weight of each pixel drawn in its place, blue for
 * -1 (the pixel votes against the class when inked), white for 0, red for +1, scaled so the
 * largest |weight| of that class is full colour. Ten classes in a row with their names.
 */
public final class WeightMaps {
    private WeightMaps() {}

    public static void writePng(double[][] weights, int height, int width, String[] names, Path png) {
        int scale = Math.max(4, 160 / Math.max(height, width)), gap = 8, label = 18;
        int cellW = width * scale, cellH = height * scale;
        BufferedImage img = new BufferedImage(weights.length * (cellW + gap) + gap, cellH + 2 * gap + label, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int c = 0; c < weights.length; c++) {
            double max = 1e-12;
            for (double w : weights[c]) max = Math.max(max, Math.abs(w));
            int x0 = gap + c * (cellW + gap), y0 = gap + label;
            for (int r = 0; r < height; r++) {
                for (int col = 0; col < width; col++) {
                    double v = weights[c][r * width + col] / max;
                    int fade = (int) Math.round(255 * (1 - Math.min(1, Math.abs(v))));
                    g.setColor(v >= 0 ? new Color(255, fade, fade) : new Color(fade, fade, 255));
                    g.fillRect(x0 + col * scale, y0 + r * scale, scale, scale);
                }
            }
            g.setColor(Color.BLACK);
            g.drawString(names[c], x0, gap + 12);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + png, e);
        }
        Json.writeAtomically(png, out.toByteArray());
    }

    /** QBoost's map: per pixel, the sum of its chosen stumps' polarities. */
    public static double[][] of(QBoost.Model m, int d) {
        double[][] w = new double[m.chosen().size()][d];
        for (int c = 0; c < w.length; c++) for (QBoost.Stump s : m.chosen().get(c)) w[c][s.feature()] += s.polarity();
        return w;
    }
}
