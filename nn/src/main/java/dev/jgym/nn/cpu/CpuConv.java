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
 * weight), added into dW in group order; {@code dcols = W^T dY} (a chain over the filters), for
 * {@value #COL2IM_COLUMNS} columns at a time, then summed into dx (col2im) tap by tap in
 * increasing order, column by column, inside the group, which owns its images' dx.
 * So every result is bit-identical for any thread count, and for the vector and the scalar
 * micro-kernel.
 */
final class CpuConv {
    static final int GROUP_COLUMNS = 2048;
    /**
     * Columns whose dcols col2im sums into dx together, tap by tap: a multiple of every kernel's
     * nr (scalar 8, 8 lanes 16, 16 lanes 48), so the order of dx's sums is the same on every kernel.
     */
    static final int COL2IM_COLUMNS = 48;
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
        float[] a = new float[0], b = new float[0], tile = new float[0], cols = new float[0];
        private final java.util.Map<Window2d, ConvPanels> panels = new java.util.HashMap<>();

        ConvPanels panels(Window2d g, MicroKernel kernel) {
            ConvPanels cp = panels.get(g);
            if (cp != null && cp.kernelClass() == kernel.getClass() && cp.nr == kernel.nr()) return cp;
            if (panels.size() > 16) panels.clear();
            cp = new ConvPanels(g, kernel);
            panels.put(g, cp);
            return cp;
        }

        float[] a(int n) {
            return a.length >= n ? a : (a = new float[n]);
        }

        float[] b(int n) {
            return b.length >= n ? b : (b = new float[n]);
        }

        float[] cols(int n) {
            return cols.length >= n ? cols : (cols = new float[n]);
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
            ConvPanels cp = sc.panels(g, kernel);
            float[] bp = sc.b(k * nr), tile = sc.tile(mr * nr);
            int n0 = q * group, n1 = Math.min(batch, n0 + group), width = (n1 - n0) * plane;
            cp.prepare(xd, n0, n1);
            for (int c0 = 0; c0 < width; c0 += nr) {
                cp.cut(n0, c0, Math.min(width, c0 + nr));
                cp.packColumns(bp, 0);
                for (int m = 0; m < filterPanels; m++) {
                    kernel.compute(aw, m * k * mr, bp, 0, k, tile);
                    cp.storeOutputs(tile, nr, m * mr, Math.min(mr, out - m * mr), out, bd, relu, yd);
                }
            }
            cp.release();
        });
    }

    void conv2dBackward(Tensor x, Window2d g, Tensor weight, Tensor dy, Tensor dx, Tensor dWeight, Tensor dBias) {
        check(x, g, "conv2dBackward");
        final int batch = x.rows(), out = weight.rows(), plane = g.outPlane(), k = g.patchSize();
        if (dy.rows() != batch || dy.cols() != out * plane) throw new IllegalArgumentException("conv2dBackward: dy must be [" + batch + ", " + out * plane + "]");
        final int group = group(g, batch), groups = (batch + group - 1) / group;
        final float[] dyd = dy.data(), xd = x.data(), dxd = dx == null ? null : dx.data();
        if (dBias != null) biasGradient(dyd, batch, out, plane, dBias.data());
        final MicroKernel kernel = be.kernel();
        final int mr = kernel.mr(), nr = kernel.nr();
        final int filterPanels = (out + mr - 1) / mr, tapPanels = (k + nr - 1) / nr, tapRowPanels = (k + mr - 1) / mr;
        final float[] awt = dxd == null ? null : packTransposed(weight.data(), out, k, mr);
        final float[] partial = new float[groups * out * k];
        be.parallelFor(groups, q -> {
            Scratch sc = scratch.get();
            ConvPanels cp = sc.panels(g, kernel);
            int n0 = q * group, n1 = Math.min(batch, n0 + group), width = (n1 - n0) * plane;
            float[] at = sc.a(filterPanels * width * mr), bt = sc.b(tapPanels * width * nr), tile = sc.tile(mr * nr);
            // dW_group = dY cols^T: A = dY by position, B = the patches by position, k = the group's positions
            cp.prepare(xd, n0, n1);
            for (int c0 = 0; c0 < width; c0 += nr) {
                cp.cut(n0, c0, Math.min(width, c0 + nr));
                cp.packPatches(width, c0, bt);
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
            if (dxd == null) {
                cp.release();
                return;
            }
            // dcols = W^T dY for a chunk of columns, tile by tile, then summed into dx (col2im) tap by tap
            cp.beginInputs(dxd, n0, n1);
            float[] bp = sc.b(out * nr), cols = sc.cols(k * COL2IM_COLUMNS);
            for (int c0 = 0; c0 < width; c0 += COL2IM_COLUMNS) {
                int c1 = Math.min(width, c0 + COL2IM_COLUMNS);
                for (int s0 = c0; s0 < c1; s0 += nr) {
                    int s1 = Math.min(c1, s0 + nr);
                    cp.cut(n0, s0, s1);
                    cp.packOutputs(dyd, out, nr, bp, 0);
                    for (int m = 0; m < tapRowPanels; m++) {
                        kernel.compute(awt, m * out * mr, bp, 0, out, tile);
                        for (int i = 0, rows = Math.min(mr, k - m * mr); i < rows; i++) {
                            System.arraycopy(tile, i * nr, cols, (m * mr + i) * COL2IM_COLUMNS + s0 - c0, s1 - s0);
                        }
                    }
                }
                cp.cut(n0, c0, c1);
                cp.addInputs(cols, COL2IM_COLUMNS);
            }
            cp.finishInputs(dxd, n0, n1);
            cp.release();
        });
        float[] dw = dWeight.data();
        for (int q = 0; q < groups; q++) {
            for (int i = 0, base = q * out * k; i < dw.length; i++) dw[i] += partial[base + i];
        }
    }

    /**
     * {@code db[o] += sum over n, q of dy[n, o, q]}, each a double sum in (n, q) order; four
     * filters at a time, each its own chain, so the adds' latencies overlap (the same bits as one
     * filter at a time).
     */
    static void biasGradient(float[] dy, int batch, int out, int plane, float[] db) {
        int o = 0;
        for (; o + 4 <= out; o += 4) {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int n = 0; n < batch; n++) {
                int b0 = (n * out + o) * plane, b1 = b0 + plane, b2 = b1 + plane, b3 = b2 + plane;
                for (int q = 0; q < plane; q++) {
                    s0 += dy[b0 + q];
                    s1 += dy[b1 + q];
                    s2 += dy[b2 + q];
                    s3 += dy[b3 + q];
                }
            }
            db[o] += (float) s0;
            db[o + 1] += (float) s1;
            db[o + 2] += (float) s2;
            db[o + 3] += (float) s3;
        }
        for (; o < out; o++) {
            double s = 0;
            for (int n = 0; n < batch; n++) {
                int base = (n * out + o) * plane;
                for (int q = 0; q < plane; q++) s += dy[base + q];
            }
            db[o] += (float) s;
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
        final MicroKernel kernel = be.kernel();
        final int[] windows = twoByTwo ? windowCorners(w, oh, ow) : null, spread = covered ? windowSpread(h, w) : null;
        be.parallelFor(x.rows() * g.channels(), t -> {
            int src = t * h * w, dst = t * oh * ow;
            if (o != null && !covered) java.util.Arrays.fill(o, src, src + h * w, 0f);
            if (twoByTwo) {
                kernel.maxPool2x2(xd, src, w, oh, ow, windows, spread, yd, gd, dst, o, covered, relu);
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
     * For each element of an even h x w plane, row-major, its place in {@link MicroKernel#maxPool2x2}'s
     * scratch: entry {@code 2 (i % 2) + j % 2} of window {@code (i / 2) (w / 2) + j / 2} at
     * {@code entry (h / 2) (w / 2) + window}.
     */
    static int[] windowSpread(int h, int w) {
        int[] at = new int[h * w];
        int windows = h / 2 * (w / 2);
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) at[i * w + j] = (2 * (i % 2) + j % 2) * windows + i / 2 * (w / 2) + j / 2;
        }
        return at;
    }

    /** Each 2 x 2 window's top-left element, in a plane of width w: {@code 2 (q / ow) w + 2 (q % ow)} for window q. */
    static int[] windowCorners(int w, int oh, int ow) {
        int[] at = new int[oh * ow];
        for (int q = 0; q < at.length; q++) at[q] = 2 * (q / ow) * w + 2 * (q % ow);
        return at;
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
