package dev.jgym.core.nn.cpu;

import dev.jgym.core.nn.Tensor;
import dev.jgym.core.nn.Window2d;

/**
 * Convolution and pooling for {@link CpuBackend}, on primitive arrays.
 *
 * <p>Convolution is im2col + GEMM over groups of images: a group of g images is unfolded into
 * {@code cols [C kh kw, g P]} (row = one filter tap, column = one output position of one image;
 * P = output positions per image), then {@code Y = W cols} is one {@code [O, g P]} GEMM through
 * the backend's vectorised micro-kernel, and Y is written into NCHW with the bias added. Backward
 * per group: {@code dW_group = dY cols^T}, {@code dcols = W^T dY}, then col2im sums dcols back
 * into dx. Groups run in parallel, each on one thread with a serial GEMM; the group size depends
 * on the shapes only (about {@value #GROUP_COLUMNS} columns) and the per-group weight gradients
 * are added in group order, so every result is bit-identical for any thread count.
 */
final class CpuConv {
    static final int GROUP_COLUMNS = 2048;
    private final CpuBackend be;
    private volatile CpuBackend serial;

    CpuConv(CpuBackend be) {
        this.be = be;
    }

    /** A one-thread backend for the GEMMs inside a parallel task (never nested parallelism). */
    private CpuBackend serial() {
        if (be.threads() == 1) return be;
        CpuBackend s = serial;
        if (s == null) {
            synchronized (this) {
                if (serial == null) serial = new CpuBackend(1, be.vectorized());
                s = serial;
            }
        }
        return s;
    }

    /** Images per group: fixed by the geometry (never by the thread count). */
    static int group(Window2d g, int batch) {
        return Math.max(1, Math.min(batch, GROUP_COLUMNS / g.outPlane()));
    }

    private static void check(Tensor x, Window2d g, String op) {
        if (x.cols() != g.inSize()) throw new IllegalArgumentException(op + ": x has " + x.cols() + " values per example, the window expects " + g.inSize());
    }

    /** cols[(c kh + a) kw + b, (n - n0) P + i ow + j] = x[n, c, i s - p + a d, j s - p + b d] (0 outside); serial. */
    static void im2col(float[] x, Window2d g, int n0, int n1, float[] cols) {
        final int h = g.height(), w = g.width(), oh = g.outHeight(), ow = g.outWidth(), plane = oh * ow;
        final int kh = g.kernelH(), kw = g.kernelW(), s = g.stride(), p = g.padding(), d = g.dilation();
        final int rows = g.patchSize(), width = (n1 - n0) * plane, in = g.inSize();
        for (int r = 0; r < rows; r++) {
            int c = r / (kh * kw), a = (r / kw) % kh, b = r % kw;
            int base = r * width;
            for (int n = n0; n < n1; n++) {
                int src = n * in + c * h * w, dst = base + (n - n0) * plane;
                for (int i = 0; i < oh; i++) {
                    int y = i * s - p + a * d;
                    int row = dst + i * ow;
                    if (y < 0 || y >= h) {
                        java.util.Arrays.fill(cols, row, row + ow, 0f);
                        continue;
                    }
                    int srcRow = src + y * w;
                    if (s == 1) {
                        int j0 = Math.max(0, p - b * d), j1 = Math.min(ow, w + p - b * d);
                        for (int j = 0; j < j0; j++) cols[row + j] = 0f;
                        if (j1 > j0) System.arraycopy(x, srcRow + j0 - p + b * d, cols, row + j0, j1 - j0);
                        for (int j = Math.max(j0, j1); j < ow; j++) cols[row + j] = 0f;
                    } else {
                        for (int j = 0; j < ow; j++) {
                            int xx = j * s - p + b * d;
                            cols[row + j] = xx >= 0 && xx < w ? x[srcRow + xx] : 0f;
                        }
                    }
                }
            }
        }
    }

    /** dx[n, c, ...] = the sum of the dcols entries that im2col copied from there, in a fixed order; serial. */
    static void col2im(float[] dcols, Window2d g, int n0, int n1, float[] dx) {
        final int h = g.height(), w = g.width(), oh = g.outHeight(), ow = g.outWidth(), plane = oh * ow;
        final int kh = g.kernelH(), kw = g.kernelW(), s = g.stride(), p = g.padding(), d = g.dilation();
        final int channels = g.channels(), width = (n1 - n0) * plane, in = g.inSize();
        for (int n = n0; n < n1; n++) {
            for (int c = 0; c < channels; c++) {
                int dst = n * in + c * h * w;
                java.util.Arrays.fill(dx, dst, dst + h * w, 0f);
                for (int a = 0; a < kh; a++) {
                    for (int b = 0; b < kw; b++) {
                        int src = ((c * kh + a) * kw + b) * width + (n - n0) * plane;
                        for (int i = 0; i < oh; i++) {
                            int y = i * s - p + a * d;
                            if (y < 0 || y >= h) continue;
                            int dstRow = dst + y * w, srcRow = src + i * ow;
                            for (int j = 0; j < ow; j++) {
                                int xx = j * s - p + b * d;
                                if (xx >= 0 && xx < w) dx[dstRow + xx] += dcols[srcRow + j];
                            }
                        }
                    }
                }
            }
        }
    }

    void conv2d(Tensor x, Window2d g, Tensor weight, Tensor bias, Tensor y) {
        check(x, g, "conv2d");
        final int batch = x.rows(), out = weight.rows(), plane = g.outPlane(), k = g.patchSize();
        if (weight.cols() != k) throw new IllegalArgumentException("conv2d: weight has " + weight.cols() + " columns, the window needs " + k);
        if (y.rows() != batch || y.cols() != out * plane) throw new IllegalArgumentException("conv2d: y must be [" + batch + ", " + out * plane + "]");
        if (bias != null && bias.size() != out) throw new IllegalArgumentException("conv2d: bias has " + bias.size() + " values for " + out + " filters");
        final int group = group(g, batch), groups = (batch + group - 1) / group;
        final float[] yd = y.data(), bd = bias == null ? null : bias.data(), xd = x.data();
        final CpuBackend one = serial();
        be.parallelFor(groups, q -> {
            int n0 = q * group, n1 = Math.min(batch, n0 + group), width = (n1 - n0) * plane;
            Tensor cols = Tensor.zeros(k, width);
            im2col(xd, g, n0, n1, cols.data());
            Tensor prod = Tensor.zeros(out, width);
            one.gemm(false, false, 1f, weight, cols, 0f, prod);
            float[] pd = prod.data();
            for (int n = n0; n < n1; n++) {
                for (int o = 0; o < out; o++) {
                    float add = bd == null ? 0f : bd[o];
                    int src = o * width + (n - n0) * plane, dst = (n * out + o) * plane;
                    for (int i = 0; i < plane; i++) yd[dst + i] = pd[src + i] + add;
                }
            }
        });
    }

    void conv2dBackward(Tensor x, Window2d g, Tensor weight, Tensor dy, Tensor dx, Tensor dWeight, Tensor dBias) {
        check(x, g, "conv2dBackward");
        final int batch = x.rows(), out = weight.rows(), plane = g.outPlane(), k = g.patchSize();
        if (dy.rows() != batch || dy.cols() != out * plane) throw new IllegalArgumentException("conv2dBackward: dy must be [" + batch + ", " + out * plane + "]");
        final int group = group(g, batch), groups = (batch + group - 1) / group;
        final float[] dyd = dy.data(), xd = x.data(), dxd = dx == null ? null : dx.data();
        if (dBias != null) {
            float[] db = dBias.data();
            for (int o = 0; o < out; o++) {
                double s = 0;
                for (int n = 0; n < batch; n++) {
                    int base = (n * out + o) * plane;
                    for (int q = 0; q < plane; q++) s += dyd[base + q];
                }
                db[o] += (float) s;
            }
        }
        final CpuBackend one = serial();
        final Tensor[] partial = new Tensor[groups];
        be.parallelFor(groups, q -> {
            int n0 = q * group, n1 = Math.min(batch, n0 + group), width = (n1 - n0) * plane;
            Tensor cols = Tensor.zeros(k, width);
            im2col(xd, g, n0, n1, cols.data());
            Tensor d = Tensor.zeros(out, width);
            float[] dd = d.data();
            for (int n = n0; n < n1; n++) {
                for (int o = 0; o < out; o++) System.arraycopy(dyd, (n * out + o) * plane, dd, o * width + (n - n0) * plane, plane);
            }
            Tensor dw = Tensor.zeros(out, k);
            one.gemm(false, true, 1f, d, cols, 0f, dw);
            partial[q] = dw;
            if (dxd != null) {
                Tensor dcols = Tensor.zeros(k, width);
                one.gemm(true, false, 1f, weight, d, 0f, dcols);
                col2im(dcols.data(), g, n0, n1, dxd);
            }
        });
        float[] dw = dWeight.data();
        for (Tensor p : partial) {
            float[] pd = p.data();
            for (int i = 0; i < dw.length; i++) dw[i] += pd[i];
        }
    }

    // ---- pooling ---------------------------------------------------------------------------------

    /** True for the common non-overlapping window (stride = kernel, no padding, no dilation): no bounds checks needed. */
    private static boolean tiled(Window2d g) {
        return g.padding() == 0 && g.dilation() == 1 && g.stride() == g.kernelH() && g.stride() == g.kernelW();
    }

    void maxPool2d(Tensor x, Window2d g, Tensor y) {
        check(x, g, "maxPool2d");
        if (tiled(g)) {
            maxPoolTiled(x, g, y, null, null);
            return;
        }
        final int h = g.height(), w = g.width(), oh = g.outHeight(), ow = g.outWidth();
        final int kh = g.kernelH(), kw = g.kernelW(), s = g.stride(), p = g.padding(), d = g.dilation();
        final float[] xd = x.data(), yd = y.data();
        be.parallelFor(x.rows() * g.channels(), t -> {
            int src = t * h * w, dst = t * oh * ow;
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    float best = Float.NEGATIVE_INFINITY;
                    for (int a = 0; a < kh; a++) {
                        int yy = i * s - p + a * d;
                        if (yy < 0 || yy >= h) continue;
                        for (int b = 0; b < kw; b++) {
                            int xx = j * s - p + b * d;
                            if (xx < 0 || xx >= w) continue;
                            float v = xd[src + yy * w + xx];
                            if (v > best) best = v;
                        }
                    }
                    yd[dst + i * ow + j] = best;
                }
            }
        });
    }

    void maxPool2dBackward(Tensor x, Window2d g, Tensor dy, Tensor dx) {
        check(x, g, "maxPool2dBackward");
        if (tiled(g)) {
            maxPoolTiled(x, g, null, dy, dx);
            return;
        }
        final int h = g.height(), w = g.width(), oh = g.outHeight(), ow = g.outWidth();
        final int kh = g.kernelH(), kw = g.kernelW(), s = g.stride(), p = g.padding(), d = g.dilation();
        final float[] xd = x.data(), gd = dy.data(), o = dx.data();
        be.parallelFor(x.rows() * g.channels(), t -> {
            int src = t * h * w, dst = t * oh * ow;
            java.util.Arrays.fill(o, src, src + h * w, 0f);
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    float best = Float.NEGATIVE_INFINITY;
                    int at = -1;
                    for (int a = 0; a < kh; a++) {
                        int yy = i * s - p + a * d;
                        if (yy < 0 || yy >= h) continue;
                        for (int b = 0; b < kw; b++) {
                            int xx = j * s - p + b * d;
                            if (xx < 0 || xx >= w) continue;
                            float v = xd[src + yy * w + xx];
                            if (v > best || at < 0) {
                                best = v;
                                at = src + yy * w + xx;
                            }
                        }
                    }
                    if (at >= 0) o[at] += gd[dst + i * ow + j];
                }
            }
        });
    }

    /**
     * Max pooling over non-overlapping windows: forward (y given) or backward (dy and dx given:
     * dx gets each dy at its window's first maximum, zeros elsewhere). Same results as the general
     * loops.
     */
    private void maxPoolTiled(Tensor x, Window2d g, Tensor y, Tensor dy, Tensor dx) {
        final int h = g.height(), w = g.width(), oh = g.outHeight(), ow = g.outWidth(), k = g.kernelH(), kw = g.kernelW();
        final float[] xd = x.data(), yd = y == null ? null : y.data(), gd = dy == null ? null : dy.data(), o = dx == null ? null : dx.data();
        be.parallelFor(x.rows() * g.channels(), t -> {
            int src = t * h * w, dst = t * oh * ow;
            if (o != null) java.util.Arrays.fill(o, src, src + h * w, 0f);
            for (int i = 0; i < oh; i++) {
                int rowBase = src + i * k * w;
                for (int j = 0; j < ow; j++) {
                    int at = rowBase + j * kw;
                    float best = xd[at];
                    for (int a = 0; a < k; a++) {
                        int r = rowBase + a * w + j * kw;
                        for (int b = 0; b < kw; b++) {
                            if (xd[r + b] > best) {
                                best = xd[r + b];
                                at = r + b;
                            }
                        }
                    }
                    if (yd != null) {
                        yd[dst + i * ow + j] = best;
                    } else {
                        o[at] += gd[dst + i * ow + j];
                    }
                }
            }
        });
    }

    void avgPool2d(Tensor x, Window2d g, Tensor y) {
        check(x, g, "avgPool2d");
        final int h = g.height(), w = g.width(), oh = g.outHeight(), ow = g.outWidth();
        final int kh = g.kernelH(), kw = g.kernelW(), s = g.stride(), p = g.padding(), d = g.dilation();
        final float inv = 1f / (kh * kw);
        final float[] xd = x.data(), yd = y.data();
        be.parallelFor(x.rows() * g.channels(), t -> {
            int src = t * h * w, dst = t * oh * ow;
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    float sum = 0f;
                    for (int a = 0; a < kh; a++) {
                        int yy = i * s - p + a * d;
                        if (yy < 0 || yy >= h) continue;
                        for (int b = 0; b < kw; b++) {
                            int xx = j * s - p + b * d;
                            if (xx >= 0 && xx < w) sum += xd[src + yy * w + xx];
                        }
                    }
                    yd[dst + i * ow + j] = sum * inv;
                }
            }
        });
    }

    void avgPool2dBackward(Window2d g, Tensor dy, Tensor dx) {
        final int h = g.height(), w = g.width(), oh = g.outHeight(), ow = g.outWidth();
        final int kh = g.kernelH(), kw = g.kernelW(), s = g.stride(), p = g.padding(), d = g.dilation();
        final float inv = 1f / (kh * kw);
        final float[] gd = dy.data(), o = dx.data();
        be.parallelFor(dx.rows() * g.channels(), t -> {
            int src = t * h * w, dst = t * oh * ow;
            java.util.Arrays.fill(o, src, src + h * w, 0f);
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    float v = gd[dst + i * ow + j] * inv;
                    for (int a = 0; a < kh; a++) {
                        int yy = i * s - p + a * d;
                        if (yy < 0 || yy >= h) continue;
                        for (int b = 0; b < kw; b++) {
                            int xx = j * s - p + b * d;
                            if (xx >= 0 && xx < w) o[src + yy * w + xx] += v;
                        }
                    }
                }
            }
        });
    }

    // ---- local response normalisation --------------------------------------------------------

    void lrn(Tensor x, int channels, int size, float alpha, float beta, float k, Tensor y, Tensor scale) {
        final int plane = x.cols() / channels, lo = size / 2, hi = (size - 1) / 2;
        final float[] xd = x.data(), yd = y.data(), sd = scale.data();
        final double a = (double) alpha / size;
        be.parallelFor(x.rows(), n -> {
            int base = n * channels * plane;
            for (int c = 0; c < channels; c++) {
                int c0 = Math.max(0, c - lo), c1 = Math.min(channels - 1, c + hi);
                for (int q = 0; q < plane; q++) {
                    double sum = 0;
                    for (int cc = c0; cc <= c1; cc++) {
                        double v = xd[base + cc * plane + q];
                        sum += v * v;
                    }
                    double sc = k + a * sum;
                    int at = base + c * plane + q;
                    sd[at] = (float) sc;
                    yd[at] = (float) (xd[at] * StrictMath.pow(sc, -beta));
                }
            }
        });
    }

    /** dx_c = dy_c scale_c^-beta - (2 alpha beta / size) x_c sum_{c' whose window holds c} dy_c' y_c' / scale_c'. */
    void lrnBackward(Tensor x, Tensor y, Tensor scale, int channels, int size, float alpha, float beta, Tensor dy, Tensor dx) {
        final int plane = x.cols() / channels, lo = size / 2, hi = (size - 1) / 2;
        final float[] xd = x.data(), yd = y.data(), sd = scale.data(), gd = dy.data(), o = dx.data();
        final double f = 2.0 * alpha * beta / size;
        be.parallelFor(x.rows(), n -> {
            int base = n * channels * plane;
            for (int c = 0; c < channels; c++) {
                int c0 = Math.max(0, c - hi), c1 = Math.min(channels - 1, c + lo);
                for (int q = 0; q < plane; q++) {
                    double sum = 0;
                    for (int cc = c0; cc <= c1; cc++) {
                        int at = base + cc * plane + q;
                        sum += (double) gd[at] * yd[at] / sd[at];
                    }
                    int at = base + c * plane + q;
                    o[at] = (float) (gd[at] * StrictMath.pow(sd[at], -beta) - f * xd[at] * sum);
                }
            }
        });
    }

    // ---- batch normalisation per channel ----------------------------------------------------

    void batchNorm2dTrain(Tensor x, int channels, Tensor gamma, Tensor beta, float eps, Tensor y, Tensor xhat, Tensor mean, Tensor var, Tensor invStd) {
        final int rows = x.rows(), plane = x.cols() / channels, stride = channels * plane;
        final float[] xs = x.data(), ga = gamma.data(), be2 = beta.data(), ys = y.data(), xh = xhat.data();
        final float[] mu = mean.data(), va = var.data(), is = invStd.data();
        final double count = (double) rows * plane;
        be.parallelFor(channels, c -> {
            double s = 0;
            for (int n = 0; n < rows; n++) for (int q = 0, at = n * stride + c * plane; q < plane; q++) s += xs[at + q];
            double m = s / count, ss = 0;
            for (int n = 0; n < rows; n++) {
                for (int q = 0, at = n * stride + c * plane; q < plane; q++) {
                    double dv = xs[at + q] - m;
                    ss += dv * dv;
                }
            }
            double v = ss / count, inv = 1 / Math.sqrt(v + eps);
            mu[c] = (float) m;
            va[c] = (float) v;
            is[c] = (float) inv;
            for (int n = 0; n < rows; n++) {
                for (int q = 0, at = n * stride + c * plane; q < plane; q++) {
                    float hv = (float) ((xs[at + q] - m) * inv);
                    xh[at + q] = hv;
                    ys[at + q] = ga[c] * hv + be2[c];
                }
            }
        });
    }

    void batchNorm2dEval(Tensor x, int channels, Tensor gamma, Tensor beta, Tensor mean, Tensor var, float eps, Tensor y) {
        final int rows = x.rows(), plane = x.cols() / channels, stride = channels * plane;
        final float[] xs = x.data(), ga = gamma.data(), bb = beta.data(), mu = mean.data(), va = var.data(), ys = y.data();
        be.parallelFor(rows, n -> {
            for (int c = 0; c < channels; c++) {
                float sc = (float) (ga[c] / Math.sqrt((double) va[c] + eps));
                for (int q = 0, at = n * stride + c * plane; q < plane; q++) ys[at + q] = sc * (xs[at + q] - mu[c]) + bb[c];
            }
        });
    }

    void batchNorm2dBackward(Tensor dy, int channels, Tensor xhat, Tensor gamma, Tensor invStd, Tensor dx, Tensor dgamma, Tensor dbeta) {
        final int rows = dy.rows(), plane = dy.cols() / channels, stride = channels * plane;
        final float[] g = dy.data(), xh = xhat.data(), ga = gamma.data(), is = invStd.data(), o = dx.data(), dg = dgamma.data(), db = dbeta.data();
        final double count = (double) rows * plane;
        be.parallelFor(channels, c -> {
            double sdy = 0, sdyx = 0;
            for (int n = 0; n < rows; n++) {
                for (int q = 0, at = n * stride + c * plane; q < plane; q++) {
                    sdy += g[at + q];
                    sdyx += (double) g[at + q] * xh[at + q];
                }
            }
            dg[c] += (float) sdyx;
            db[c] += (float) sdy;
            double k = (double) ga[c] * is[c] / count;
            for (int n = 0; n < rows; n++) {
                for (int q = 0, at = n * stride + c * plane; q < plane; q++) {
                    o[at + q] = (float) (k * (count * g[at + q] - sdy - xh[at + q] * sdyx));
                }
            }
        });
    }
}
