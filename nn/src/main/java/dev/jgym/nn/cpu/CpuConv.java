package dev.jgym.nn.cpu;

import dev.jgym.nn.Tensor;
import dev.jgym.nn.Window2d;

/**
 * Convolution and pooling for {@link CpuBackend}, on primitive arrays.
 *
 * <p>Convolution is im2col + GEMM through the backend's micro-kernel ({@link MicroKernel}), with
 * the im2col matrix never built: {@link ConvPanels} writes the unfolded input straight into the
 * kernel's packed B-panel layout ({@code nr} columns at a time) and writes each {@code mr x nr}
 * tile straight into NCHW with the bias added. A batch is cut into groups of images (about
 * {@value #GROUP_COLUMNS} output positions each, fixed by the geometry, never by the thread
 * count), run in parallel, each group on one thread with its own reused scratch arrays.
 *
 * <p>Per output element the forward pass is one FMA chain over the patch (c, a, b increasing).
 * Backward per group: {@code dW_group = dY cols^T} (one FMA chain over the group's positions per
 * weight), added into dW in group order; {@code dcols = W^T dY} (a chain over the filters), tile
 * by tile summed into dx (col2im) in a fixed order inside the group, which owns its images' dx.
 * So every result is bit-identical for any thread count, and for the vector and the scalar
 * micro-kernel.
 */
final class CpuConv {
    static final int GROUP_COLUMNS = 2048;
    private final CpuBackend be;
    /**
     * Each thread's scratch, one per thread for all backends (tasks never share one: a task runs
     * start to end on one thread, and never inside another), so it does not pile up per backend.
     */
    private static final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    CpuConv(CpuBackend be) {
        this.be = be;
    }

    /** Images per group: fixed by the geometry (never by the thread count). */
    static int group(Window2d g, int batch) {
        return Math.max(1, Math.min(batch, GROUP_COLUMNS / g.outPlane()));
    }

    private static void check(Tensor x, Window2d g, String op) {
        if (x.cols() != g.inSize()) throw new IllegalArgumentException(op + ": x has " + x.cols() + " values per example, the window expects " + g.inSize());
    }

    /** One thread's reused arrays: packed operands, the kernel's tile, the panel cutter per geometry. */
    private static final class Scratch {
        float[] a = new float[0], b = new float[0], c = new float[0], tile = new float[0];
        private final java.util.Map<Window2d, ConvPanels> panels = new java.util.HashMap<>();

        ConvPanels panels(Window2d g, int nr) {
            ConvPanels cp = panels.get(g);
            if (cp != null && cp.nr == nr) return cp;
            if (panels.size() > 16) panels.clear();
            cp = new ConvPanels(g, nr);
            panels.put(g, cp);
            return cp;
        }

        float[] a(int n) {
            return a.length >= n ? a : (a = new float[n]);
        }

        float[] b(int n) {
            return b.length >= n ? b : (b = new float[n]);
        }

        float[] c(int n) {
            return c.length >= n ? c : (c = new float[n]);
        }

        float[] tile(int n) {
            return tile.length >= n ? tile : (tile = new float[n]);
        }
    }

    /** Rows of a {@code [rows, k]} matrix as A panels: {@code ap[((r / mr) k + kk) mr + r % mr] = m[r, kk]}. */
    static float[] packRows(float[] m, int rows, int k, int mr) {
        float[] ap = new float[(rows + mr - 1) / mr * mr * k];
        for (int r = 0; r < rows; r++) {
            int base = (r / mr) * k * mr + r % mr;
            for (int kk = 0; kk < k; kk++) ap[base + kk * mr] = m[r * k + kk];
        }
        return ap;
    }

    /** Columns of a {@code [k, cols]} matrix as A panels of its transpose: {@code ap[((c / mr) k + kk) mr + c % mr] = m[kk, c]}. */
    static float[] packTransposed(float[] m, int k, int cols, int mr) {
        float[] ap = new float[(cols + mr - 1) / mr * mr * k];
        for (int kk = 0; kk < k; kk++) {
            for (int c = 0; c < cols; c++) ap[((c / mr) * k + kk) * mr + c % mr] = m[kk * cols + c];
        }
        return ap;
    }

    /** The convolution, and with relu its ReLU in the same pass ({@code max(v, 0)} as the activation computes it). */
    void conv2d(Tensor x, Window2d g, Tensor weight, Tensor bias, Tensor y, boolean relu) {
        check(x, g, "conv2d");
        final int batch = x.rows(), out = weight.rows(), plane = g.outPlane(), k = g.patchSize();
        if (weight.cols() != k) throw new IllegalArgumentException("conv2d: weight has " + weight.cols() + " columns, the window needs " + k);
        if (y.rows() != batch || y.cols() != out * plane) throw new IllegalArgumentException("conv2d: y must be [" + batch + ", " + out * plane + "]");
        if (bias != null && bias.size() != out) throw new IllegalArgumentException("conv2d: bias has " + bias.size() + " values for " + out + " filters");
        final MicroKernel kernel = be.kernel();
        final int mr = kernel.mr(), nr = kernel.nr(), filterPanels = (out + mr - 1) / mr;
        final int group = group(g, batch), groups = (batch + group - 1) / group;
        final float[] yd = y.data(), bd = bias == null ? null : bias.data(), xd = x.data();
        final float[] aw = packRows(weight.data(), out, k, mr);
        be.parallelFor(groups, q -> {
            Scratch sc = scratch.get();
            ConvPanels cp = sc.panels(g, nr);
            float[] bp = sc.b(k * nr), tile = sc.tile(mr * nr);
            int n0 = q * group, width = (Math.min(batch, n0 + group) - n0) * plane;
            for (int c0 = 0; c0 < width; c0 += nr) {
                cp.cut(n0, c0, Math.min(width, c0 + nr));
                cp.packColumns(xd, nr, bp, 0);
                for (int m = 0; m < filterPanels; m++) {
                    kernel.compute(aw, m * k * mr, bp, 0, k, tile);
                    cp.storeOutputs(tile, nr, m * mr, Math.min(mr, out - m * mr), out, bd, relu, yd);
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
        final MicroKernel kernel = be.kernel();
        final int mr = kernel.mr(), nr = kernel.nr();
        final int filterPanels = (out + mr - 1) / mr, tapPanels = (k + nr - 1) / nr, tapRowPanels = (k + mr - 1) / mr;
        final float[] awt = dxd == null ? null : packTransposed(weight.data(), out, k, mr);
        final float[] partial = new float[groups * out * k];
        be.parallelFor(groups, q -> {
            Scratch sc = scratch.get();
            ConvPanels cp = sc.panels(g, nr);
            int n0 = q * group, n1 = Math.min(batch, n0 + group), width = (n1 - n0) * plane;
            float[] at = sc.a(filterPanels * width * mr), bt = sc.b(tapPanels * width * nr), panel = sc.c(k * nr), tile = sc.tile(mr * nr);
            // dW_group = dY cols^T: A = dY by position, B = the patches by position, k = the group's positions
            for (int c0 = 0; c0 < width; c0 += nr) {
                cp.cut(n0, c0, Math.min(width, c0 + nr));
                cp.packPatches(xd, nr, width, c0, panel, bt);
                cp.packOutputsByColumn(dyd, out, mr, width, c0, at);
            }
            int pw = q * out * k;
            for (int p = 0; p < tapPanels; p++) {
                int t0 = p * nr, taps = Math.min(nr, k - t0);
                for (int m = 0; m < filterPanels; m++) {
                    kernel.compute(at, m * width * mr, bt, p * width * nr, width, tile);
                    for (int i = 0, rows = Math.min(mr, out - m * mr); i < rows; i++) {
                        System.arraycopy(tile, i * nr, partial, pw + (m * mr + i) * k + t0, taps);
                    }
                }
            }
            if (dxd == null) return;
            // dcols = W^T dY panel by panel, each tile summed into dx (col2im)
            java.util.Arrays.fill(dxd, n0 * g.inSize(), n1 * g.inSize(), 0f);
            float[] bp = sc.b(out * nr);
            for (int c0 = 0; c0 < width; c0 += nr) {
                cp.cut(n0, c0, Math.min(width, c0 + nr));
                cp.packOutputs(dyd, out, nr, bp, 0);
                for (int m = 0; m < tapRowPanels; m++) {
                    kernel.compute(awt, m * out * mr, bp, 0, out, tile);
                    cp.addInputs(tile, nr, m * mr, Math.min(mr, k - m * mr), dxd);
                }
            }
        });
        float[] dw = dWeight.data();
        for (int q = 0; q < groups; q++) {
            for (int i = 0, base = q * out * k; i < dw.length; i++) dw[i] += partial[base + i];
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
            maxPoolTiled(x, g, y, null, null, false);
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

    /** With relu, x is a ReLU's output and dx also takes that ReLU's backward: 0 wherever x <= 0. */
    void maxPool2dBackward(Tensor x, Window2d g, Tensor dy, Tensor dx, boolean relu) {
        check(x, g, "maxPool2dBackward");
        if (tiled(g)) {
            maxPoolTiled(x, g, null, dy, dx, relu);
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
                    if (at >= 0 && (!relu || xd[at] > 0)) o[at] += gd[dst + i * ow + j];
                }
            }
        });
    }

    /**
     * Max pooling over non-overlapping windows: forward (y given) or backward (dy and dx given:
     * dx gets each dy at its window's first maximum, zeros elsewhere; with relu only where x > 0).
     * Same results as the general loops; 2 x 2 windows have their own loop.
     */
    private void maxPoolTiled(Tensor x, Window2d g, Tensor y, Tensor dy, Tensor dx, boolean relu) {
        final int h = g.height(), w = g.width(), oh = g.outHeight(), ow = g.outWidth(), k = g.kernelH(), kw = g.kernelW();
        final float[] xd = x.data(), yd = y == null ? null : y.data(), gd = dy == null ? null : dy.data(), o = dx == null ? null : dx.data();
        final boolean twoByTwo = k == 2 && kw == 2, covered = twoByTwo && h % 2 == 0 && w % 2 == 0;
        be.parallelFor(x.rows() * g.channels(), t -> {
            int src = t * h * w, dst = t * oh * ow;
            if (o != null && !covered) java.util.Arrays.fill(o, src, src + h * w, 0f);
            if (twoByTwo) {
                maxPool2x2(xd, src, w, oh, ow, yd, gd, dst, o, covered, relu);
                return;
            }
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
                    } else if (!relu || xd[at] > 0) {
                        o[at] += gd[dst + i * ow + j];
                    }
                }
            }
        });
    }

    /**
     * One plane of 2 x 2 max pooling (forward into yd, or backward into o); when covered (even
     * height and width) backward writes all four entries of every window, so o needs no zeroing.
     */
    private static void maxPool2x2(float[] xd, int src, int w, int oh, int ow, float[] yd, float[] gd, int dst, float[] o, boolean covered, boolean relu) {
        for (int i = 0; i < oh; i++) {
            int r0 = src + 2 * i * w, r1 = r0 + w, out = dst + i * ow;
            for (int j = 0; j < ow; j++) {
                int a0 = r0 + 2 * j, a1 = r1 + 2 * j;
                float v00 = xd[a0], v01 = xd[a0 + 1], v10 = xd[a1], v11 = xd[a1 + 1];
                // the first maximum in row-major window order, as the general loop
                float best = v00;
                int at = 0;
                if (v01 > best) { best = v01; at = 1; }
                if (v10 > best) { best = v10; at = 2; }
                if (v11 > best) { best = v11; at = 3; }
                if (yd != null) {
                    yd[out + j] = best;
                    continue;
                }
                float v = (!relu || best > 0 ? gd[out + j] : 0f) + 0f; // + 0f: a -0 gradient lands as the general loop's 0 + -0 = +0
                if (covered) {
                    o[a0] = at == 0 ? v : 0f;
                    o[a0 + 1] = at == 1 ? v : 0f;
                    o[a1] = at == 2 ? v : 0f;
                    o[a1 + 1] = at == 3 ? v : 0f;
                } else {
                    o[at < 2 ? a0 + at : a1 + at - 2] += v;
                }
            }
        }
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
