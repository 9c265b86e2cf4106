package dev.jgym.nn.viz;

import dev.jgym.nn.Tensor;
import dev.jgym.nn.layers.Conv2d;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Grey-level image grids as PNG: generated samples, first-layer convolution filters, per-class
 * mean images (what a model was shown) and dense weight rows (what a unit looks for). Each tile is
 * scaled up by {@code zoom} pixels per value, with a 1-pixel dark border.
 */
public final class ImageGrid {
    private ImageGrid() {}

    /**
     * Writes {@code count} images of {@code h x w} values (row-major, image i at {@code i h w}) in
     * {@code cols} columns. Values map linearly from [lo, hi] to black..white; with {@code lo == hi}
     * each tile is scaled to its own min..max (filters).
     */
    public static void write(Path file, float[] images, int count, int h, int w, int cols, int zoom, float lo, float hi) {
        int rows = (count + cols - 1) / cols, tw = w * zoom + 1, th = h * zoom + 1;
        BufferedImage img = new BufferedImage(cols * tw + 1, rows * th + 1, BufferedImage.TYPE_BYTE_GRAY);
        for (int k = 0; k < count; k++) {
            float a = lo, b = hi;
            if (lo == hi) {
                a = Float.POSITIVE_INFINITY;
                b = Float.NEGATIVE_INFINITY;
                for (int i = 0; i < h * w; i++) {
                    a = Math.min(a, images[k * h * w + i]);
                    b = Math.max(b, images[k * h * w + i]);
                }
                if (b <= a) b = a + 1;
            }
            int x0 = (k % cols) * tw + 1, y0 = (k / cols) * th + 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float v = (images[k * h * w + y * w + x] - a) / (b - a);
                    int g = Math.max(0, Math.min(255, Math.round(v * 255)));
                    int rgb = (g << 16) | (g << 8) | g;
                    for (int dy = 0; dy < zoom; dy++) for (int dx = 0; dx < zoom; dx++) img.setRGB(x0 + x * zoom + dx, y0 + y * zoom + dy, rgb);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dev.jgym.core.config.Json.writeAtomically(file, out.toByteArray());
    }

    /** The first convolution's filters (input channel 0 of each), each scaled to its own range. */
    public static void filters(Path file, Conv2d conv, int zoom) {
        var g = conv.window();
        int o = conv.outChannels(), kk = g.kernelH() * g.kernelW();
        float[] w = conv.weight().value().data(), tiles = new float[o * kk];
        for (int f = 0; f < o; f++) System.arraycopy(w, f * g.patchSize(), tiles, f * kk, kk);
        write(file, tiles, o, g.kernelH(), g.kernelW(), Math.min(o, 8), zoom, 0f, 0f);
    }

    /** Rows of a weight matrix {@code [units, h w]} as images (a dense layer's first units), each to its own range. */
    public static void weightRows(Path file, Tensor weight, int units, int h, int w, int zoom) {
        int n = Math.min(units, weight.rows());
        float[] tiles = new float[n * h * w];
        System.arraycopy(weight.data(), 0, tiles, 0, tiles.length);
        write(file, tiles, n, h, w, Math.min(n, 8), zoom, 0f, 0f);
    }

    /** The mean image of each class (labels in [0, classes)), one tile per class. */
    public static void classMeans(Path file, float[] images, int[] labels, int classes, int h, int w, int zoom) {
        float[] sum = new float[classes * h * w];
        int[] count = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            count[labels[i]]++;
            for (int p = 0; p < h * w; p++) sum[labels[i] * h * w + p] += images[i * h * w + p];
        }
        for (int c = 0; c < classes; c++) for (int p = 0; p < h * w; p++) sum[c * h * w + p] /= Math.max(1, count[c]);
        write(file, sum, classes, h, w, classes, zoom, 0f, 0f);
    }

    /**
     * Per-class weight images of an MLP: the product {@code W_L ... W_1} of its dense layers'
     * weights ({@code [classes, h w]}), the linear part of what each class output responds to
     * (exact for a linear classifier; activations ignored), each scaled to its own range.
     */
    public static void classWeights(Path file, java.util.List<Tensor> weights, int h, int w, int zoom) {
        Tensor first = weights.get(0);
        int in = first.cols();
        double[] m = new double[first.size()];
        for (int i = 0; i < m.length; i++) m[i] = first.data()[i];
        int rows = first.rows();
        for (int l = 1; l < weights.size(); l++) {
            Tensor wl = weights.get(l);
            double[] next = new double[wl.rows() * in];
            for (int o = 0; o < wl.rows(); o++) {
                for (int k = 0; k < rows; k++) {
                    double a = wl.data()[o * rows + k];
                    for (int j = 0; j < in; j++) next[o * in + j] += a * m[k * in + j];
                }
            }
            m = next;
            rows = wl.rows();
        }
        float[] tiles = new float[m.length];
        for (int i = 0; i < m.length; i++) tiles[i] = (float) m[i];
        write(file, tiles, rows, h, w, rows, zoom, 0f, 0f);
    }
}
