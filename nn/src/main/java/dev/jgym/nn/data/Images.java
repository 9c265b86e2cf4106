package dev.jgym.nn.data;

/** Small image operations on row-major grey images held in float arrays. */
public final class Images {
    private Images() {}

    /**
     * Resizes by area averaging: each output pixel is the mean of the input over the square it
     * covers, partial pixels weighted by the covered fraction (the "area" interpolation of image
     * libraries; from 28 x 28 to 20 x 20 each output pixel covers 1.4 x 1.4 input pixels).
     */
    public static float[] resize(float[] src, int srcOffset, int h, int w, int outH, int outW) {
        float[] out = new float[outH * outW];
        double sy = h / (double) outH, sx = w / (double) outW;
        for (int oy = 0; oy < outH; oy++) {
            double y0 = oy * sy, y1 = y0 + sy;
            for (int ox = 0; ox < outW; ox++) {
                double x0 = ox * sx, x1 = x0 + sx, sum = 0;
                for (int iy = (int) y0; iy < Math.min(h, (int) Math.ceil(y1)); iy++) {
                    double wy = Math.min(y1, iy + 1) - Math.max(y0, iy);
                    if (wy <= 0) continue;
                    for (int ix = (int) x0; ix < Math.min(w, (int) Math.ceil(x1)); ix++) {
                        double wx = Math.min(x1, ix + 1) - Math.max(x0, ix);
                        if (wx > 0) sum += wy * wx * src[srcOffset + iy * w + ix];
                    }
                }
                out[oy * outW + ox] = (float) (sum / (sy * sx));
            }
        }
        return out;
    }
}
