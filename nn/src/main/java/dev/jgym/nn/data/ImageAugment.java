package dev.jgym.nn.data;

import dev.jgym.core.rng.Rng;

/**
 * Augmentation for single-channel images stored row-major ({@code height x width}): a random
 * rotation in [-maxDegrees, maxDegrees] about the centre, then a random integer shift of up to
 * maxShift pixels in x and y (bilinear sampling, zeros outside), then Gaussian noise of std
 * noise. Draw order per image: angle, dx, dy, then one Gaussian per pixel when noise > 0.
 */
public final class ImageAugment implements Transform {
    private final int width, height, maxShift;
    private final double maxRadians, noise;

    public ImageAugment(int width, int height, int maxShift, double maxDegrees, double noise) {
        if (maxShift < 0 || maxDegrees < 0 || noise < 0) throw new IllegalArgumentException("augment: shift, rotation and noise must be >= 0");
        this.width = width;
        this.height = height;
        this.maxShift = maxShift;
        this.maxRadians = Math.toRadians(maxDegrees);
        this.noise = noise;
    }

    @Override
    public void apply(float[] x, int off, int len, Rng rng) {
        if (len != width * height) throw new IllegalArgumentException("augment: expected " + width * height + " pixels, found " + len);
        double angle = maxRadians == 0 ? 0 : rng.uniform(-maxRadians, maxRadians);
        int dx = maxShift == 0 ? 0 : rng.nextInt(-maxShift, maxShift + 1);
        int dy = maxShift == 0 ? 0 : rng.nextInt(-maxShift, maxShift + 1);
        if (angle != 0 || dx != 0 || dy != 0) {
            float[] src = new float[len];
            System.arraycopy(x, off, src, 0, len);
            double cos = Math.cos(angle), sin = Math.sin(angle);
            double cx = (width - 1) / 2.0, cy = (height - 1) / 2.0;
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    // inverse map: output pixel (c, r) samples the source at rotate(-angle, (c - dx, r - dy))
                    double u = c - dx - cx, v = r - dy - cy;
                    double sx = cos * u + sin * v + cx, sy = -sin * u + cos * v + cy;
                    x[off + r * width + c] = sample(src, sx, sy);
                }
            }
        }
        if (noise > 0) {
            for (int i = off; i < off + len; i++) x[i] += (float) (noise * rng.gaussian());
        }
    }

    private float sample(float[] src, double sx, double sy) {
        int x0 = (int) Math.floor(sx), y0 = (int) Math.floor(sy);
        double fx = sx - x0, fy = sy - y0;
        return (float) ((1 - fx) * (1 - fy) * at(src, x0, y0) + fx * (1 - fy) * at(src, x0 + 1, y0)
                + (1 - fx) * fy * at(src, x0, y0 + 1) + fx * fy * at(src, x0 + 1, y0 + 1));
    }

    private float at(float[] src, int c, int r) {
        return c < 0 || r < 0 || c >= width || r >= height ? 0f : src[r * width + c];
    }
}
