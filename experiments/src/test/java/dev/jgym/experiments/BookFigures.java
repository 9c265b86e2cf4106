package dev.jgym.experiments;

import dev.jgym.core.config.Json;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/** What the book-figure tests share to draw their PNGs for docs/img ({@code -Djgym.figures=DIR}). */
final class BookFigures {
    private BookFigures() {}

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
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(image, "png", bytes);
            Json.writeAtomically(png, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }
}
