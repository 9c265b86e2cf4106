package dev.jgym.nn.cpu;

import dev.jgym.nn.ActivationKind;
import dev.jgym.nn.FdlibmMath;

/**
 * The inner loops of the CPU backend that a vector kernel speeds up, each with its scalar loop as
 * the reference (the default methods), and first those of GEMM: an {@code mr x nr} tile of {@code A B} over {@code kc} steps of k,
 * from packed panels (A: {@code mr} values per k, B: {@code nr} values per k, both contiguous);
 * and the direct path for small products, which reads A where it lies and B row-major.
 *
 * <p>Contract that keeps every kernel bit-identical: each tile element starts at 0 and takes
 * one fused multiply-add per k, in increasing k ({@code c = fma(alpha a_k, b_k, c)}), over k-blocks
 * of {@link CpuBackend#KC}; each block's sum is then added to C. The vector and scalar kernels
 * obey it on both paths, so the result does not depend on which one ran, nor on mr and nr, nor on
 * whether the product was packed.
 */
interface MicroKernel {
    int mr();

    int nr();

    /**
     * Float lanes the direct path loads at once: it may read B up to the next multiple of this
     * past column n in every row (the caller pads B's rows, {@code ldb}, when n is not a multiple).
     */
    int lanes();

    /** Writes the tile, row-major {@code mr x nr}, into {@code tile}. */
    void compute(float[] ap, int aOff, float[] bp, int bOff, int kc, float[] tile);

    /**
     * The tile's first {@code cols} columns, as {@link #compute} makes them (the columns past them
     * are left undefined): the partial panel at C's right edge, where a vector kernel computes only
     * the vectors that hold those columns.
     */
    default void computeColumns(float[] ap, int aOff, float[] bp, int bOff, int kc, float[] tile, int cols) {
        compute(ap, aOff, bp, bOff, kc, tile);
    }

    /**
     * A whole tile added into C: {@code c[cOff + i ldc + j] += tile[i][j]} for i < mr, j < nr, the
     * tile as {@link #compute} makes it ({@code tile} is scratch of mr x nr floats). A vector
     * kernel adds its accumulators into C without the round trip through {@code tile}; the sums,
     * and so the bits, are the same.
     */
    default void computeInto(float[] ap, int aOff, float[] bp, int bOff, int kc, float[] tile, float[] c, int cOff, int ldc) {
        compute(ap, aOff, bp, bOff, kc, tile);
        int mr = mr(), nr = nr();
        for (int i = 0; i < mr; i++) {
            int dst = cOff + i * ldc, src = i * nr;
            for (int j = 0; j < nr; j++) c[dst + j] += tile[src + j];
        }
    }

    /**
     * The direct path: for rows i in [i0, i1) and columns j < n, over k-blocks of KC,
     * {@code c[i n + j] += sum_p a[i aRow + p aK] b[p ldb + j]} (one FMA chain per block, in
     * increasing p). A is read in place (any layout, through its two strides) and already holds
     * alpha A (the caller scales a copy when alpha is not 1); B is {@code [k][ldb]}.
     */
    void direct(float[] a, int aRow, int aK, float[] b, int ldb, float[] c, int n, int k, int i0, int i1);

    /** The widest C that {@link #narrow} takes; 0: the kernel has no narrow path. */
    default int narrowMax() {
        return 0;
    }

    /**
     * The direct path for C of at most {@link #narrowMax()} columns, with the same sums as
     * {@link #direct}: {@code at} is op(A) transposed ({@code at[p lda + i]}), B is {@code [k][n]}.
     */
    default void narrow(float[] at, int lda, float[] b, float[] c, int n, int k, int i0, int i1) {
        direct(at, 1, lda, b, n, c, n, k, i0, i1);
    }

    String describe();

    /**
     * A whole panel of A, scaled: {@code ap[dst + kk mr + i] = alpha a[src + i rowStride + kk kStride]}
     * for i < mr, kk < k.
     */
    default void packA(float[] a, int src, int rowStride, int kStride, float alpha, float[] ap, int dst, int k) {
        int mr = mr();
        for (int kk = 0; kk < k; kk++) {
            for (int i = 0; i < mr; i++) ap[dst + kk * mr + i] = alpha * a[src + i * rowStride + kk * kStride];
        }
    }

    /** {@code dst[dstOff + r dstLd + j] = src[srcOff + r srcLd + j]} for r < rows, j < width (B's panels). */
    default void copyRows(float[] src, int srcOff, int srcLd, float[] dst, int dstOff, int dstLd, int width, int rows) {
        for (int r = 0; r < rows; r++) System.arraycopy(src, srcOff + r * srcLd, dst, dstOff + r * dstLd, width);
    }

    /**
     * Adam's elementwise update over {@code [from, to)} (see {@code optim.Adam}); c1 and c2 are the
     * bias corrections {@code 1 - beta^t}. Each element in double, stored as float, in this
     * order of operations; a vector kernel computes the same operations lane by lane (IEEE
     * add, multiply, divide and square root are exact to the rounding), so every bit matches.
     */
    default void adam(float[] ws, float[] g, float[] mi, float[] vi, int from, int to, double lr, double beta1, double beta2,
                      double eps, double weightDecay, boolean decoupled, double c1, double c2) {
        for (int j = from; j < to; j++) {
            double wj = ws[j];
            if (decoupled) wj -= lr * weightDecay * wj;
            double gj = decoupled ? g[j] : g[j] + weightDecay * ws[j];
            double mj = beta1 * mi[j] + (1 - beta1) * gj;
            double vj = beta2 * vi[j] + (1 - beta2) * gj * gj;
            mi[j] = (float) mj;
            vi[j] = (float) vj;
            ws[j] = (float) (wj - lr * (mj / c1) / (Math.sqrt(vj / c2) + eps));
        }
    }

    /**
     * Centered RMSProp's elementwise update over {@code [from, to)}: the scalar reference
     * {@link dev.jgym.nn.Backend#rmsPropCenteredLoop}; a vector kernel computes the same
     * operations lane by lane.
     */
    default void rmsPropCentered(float[] ws, float[] g, float[] s, float[] m, int from, int to, double lr, double alpha, double eps,
                                 double weightDecay) {
        dev.jgym.nn.Backend.rmsPropCenteredLoop(ws, g, s, m, from, to, lr, alpha, eps, weightDecay);
    }

    /** y = f(x) over {@code [from, to)} (see {@link ActivationKind}); a vector kernel may override kinds it computes to the same bits. */
    default void activation(ActivationKind kind, float param, float[] xs, float[] ys, int from, int to) {
        switch (kind) {
            case IDENTITY:
                if (xs != ys) System.arraycopy(xs, from, ys, from, to - from);
                break;
            case STEP:
                for (int i = from; i < to; i++) ys[i] = xs[i] >= 0 ? 1f : 0f;
                break;
            case SIGMOID:
                for (int i = from; i < to; i++) ys[i] = (float) CpuBackend.sigmoid(xs[i]);
                break;
            case TANH:
                for (int i = from; i < to; i++) ys[i] = (float) FdlibmMath.tanh(xs[i]);
                break;
            case RELU:
                for (int i = from; i < to; i++) ys[i] = xs[i] > 0 ? xs[i] : 0f;
                break;
            case LEAKY_RELU:
                for (int i = from; i < to; i++) ys[i] = xs[i] > 0 ? xs[i] : param * xs[i];
                break;
            case ELU:
                for (int i = from; i < to; i++) ys[i] = xs[i] > 0 ? xs[i] : (float) (param * FdlibmMath.expm1(xs[i]));
                break;
            default:
                throw new IllegalArgumentException("activation " + kind);
        }
    }

    /** dx = f'(x) dy over {@code [from, to)}, given x and y = f(x). */
    default void activationBackward(ActivationKind kind, float param, float[] xs, float[] ys, float[] g, float[] o, int from, int to) {
        switch (kind) {
            case IDENTITY:
                if (g != o) System.arraycopy(g, from, o, from, to - from);
                break;
            case STEP:
                for (int i = from; i < to; i++) o[i] = 0f;
                break;
            case SIGMOID:
                for (int i = from; i < to; i++) o[i] = g[i] * ys[i] * (1 - ys[i]);
                break;
            case TANH:
                for (int i = from; i < to; i++) o[i] = g[i] * (1 - ys[i] * ys[i]);
                break;
            case RELU:
                for (int i = from; i < to; i++) o[i] = xs[i] > 0 ? g[i] : 0f;
                break;
            case LEAKY_RELU:
                for (int i = from; i < to; i++) o[i] = xs[i] > 0 ? g[i] : param * g[i];
                break;
            case ELU:
                for (int i = from; i < to; i++) o[i] = xs[i] > 0 ? g[i] : g[i] * (ys[i] + param);
                break;
            default:
                throw new IllegalArgumentException("activation " + kind);
        }
    }

    /**
     * {@code bp[off + t nr + c] = x[base[c] + taps[t]]} for t < rows, c < nr: a convolution's
     * panel of im2col columns by index (every base[c] a valid start, the panel's unused columns
     * included).
     */
    default void gatherPanel(float[] x, int[] base, int[] taps, int rows, float[] bp, int off, int nr) {
        for (int t = 0; t < rows; t++) {
            int to = off + t * nr, tap = taps[t];
            for (int c = 0; c < nr; c++) bp[to + c] = x[base[c] + tap];
        }
    }

    /**
     * {@code bt[dst + c ld + t] = x[base[c] + taps[t0 + t]]} for c < cols, t < rows: each
     * column's patch side by side. A vector kernel may also write t in {@code [rows, rows rounded
     * up to its lanes)} when that stays below ld, reading taps there (valid offsets).
     */
    default void gatherPatches(float[] x, int[] base, int cols, int[] taps, int t0, int rows, float[] bt, int dst, int ld) {
        for (int c = 0; c < cols; c++) {
            int to = dst + c * ld, b = base[c];
            for (int t = 0; t < rows; t++) bt[to + t] = x[b + taps[t0 + t]];
        }
    }

    /**
     * {@code y[yOff + i] = x[xOff + i] + a} for i < n, with relu then {@code v > 0 ? v : 0} (NaN
     * and -0 to +0): a convolution's tile stored with its bias and ReLU.
     */
    default void addScalar(float[] x, int xOff, float a, boolean relu, float[] y, int yOff, int n) {
        if (relu) {
            for (int i = 0; i < n; i++) {
                float v = x[xOff + i] + a;
                y[yOff + i] = v > 0 ? v : 0f;
            }
        } else {
            for (int i = 0; i < n; i++) y[yOff + i] = x[xOff + i] + a;
        }
    }

    /** {@code y[base[c] + off] = y[base[c] + off] + x[xOff + c]} for c < n, the indices distinct (col2im's sums for one tap). */
    default void addGathered(float[] x, int xOff, float[] y, int[] base, int off, int n) {
        for (int c = 0; c < n; c++) y[base[c] + off] += x[xOff + c];
    }

    /**
     * One plane of 2 x 2 max pooling, forward ({@code yd} given: each window's maximum) or backward
     * ({@code yd} null: dy into o at the window's first maximum in row-major order, with relu only
     * where that maximum is above 0). The plane starts at {@code src} in xd and o, its windows at
     * {@code dst} in yd and gd; {@code corners[q]} is window q's top-left element relative to src.
     * When covered (even height and width) backward writes all four entries of every window, so o
     * needs no zeroing; otherwise it adds into a zeroed o. {@code spread} (covered planes) lists
     * for each element of the plane, row-major, where a vector kernel's scratch holds it: entry
     * e of window q at {@code e oh ow + q}, entries numbered 0, 1 along the top row, 2, 3 below.
     */
    default void maxPool2x2(float[] xd, int src, int w, int oh, int ow, int[] corners, int[] spread, float[] yd, float[] gd, int dst, float[] o,
                            boolean covered, boolean relu) {
        for (int q = 0, windows = oh * ow; q < windows; q++) maxPoolWindow(xd, src + corners[q], w, yd, gd, dst + q, o, covered, relu);
    }

    /** {@link #maxPool2x2} for the window whose top-left element is at a0 in xd (and o), its output at out. */
    static void maxPoolWindow(float[] xd, int a0, int w, float[] yd, float[] gd, int out, float[] o, boolean covered, boolean relu) {
        int at = firstMax2x2(xd, a0, w);
        float best = xd[a0 + corner2x2(at, w)];
        if (yd != null) {
            yd[out] = best;
            return;
        }
        float v = poolGradient(best, gd[out], relu);
        if (covered) {
            for (int e = 0; e < 4; e++) o[a0 + corner2x2(e, w)] = e == at ? v : 0f;
        } else {
            o[a0 + corner2x2(at, w)] += v;
        }
    }

    /** The first maximum of the 2 x 2 window at a0 (rows w apart) in row-major order, as the general loop: 0, 1 (right), 2 (below) or 3. */
    static int firstMax2x2(float[] xd, int a0, int w) {
        float best = xd[a0];
        int at = 0;
        if (xd[a0 + 1] > best) { best = xd[a0 + 1]; at = 1; }
        if (xd[a0 + w] > best) { best = xd[a0 + w]; at = 2; }
        if (xd[a0 + w + 1] > best) at = 3;
        return at;
    }

    /** Entry e of a 2 x 2 window relative to its top-left element, rows w apart. */
    static int corner2x2(int e, int w) {
        return (e & 1) + (e >> 1) * w;
    }

    /** The gradient a window's maximum receives: dy, with relu 0 unless the maximum is above 0; + 0f makes a -0 land as the general loop's 0 + -0 = +0. */
    static float poolGradient(float best, float dy, boolean relu) {
        return (!relu || best > 0 ? dy : 0f) + 0f;
    }

    /** {@code dst[p ldb + j] = src[j k + p]} for j < n, p < k: B of {@code A B^T} laid out for the direct path. */
    default void transpose(float[] src, int n, int k, float[] dst, int ldb) {
        for (int j = 0; j < n; j++) {
            int from = j * k;
            for (int p = 0; p < k; p++) dst[p * ldb + j] = src[from + p];
        }
    }

    /** {@code y[yOff + i] += a x[xOff + i]} for i < n, the product rounded to float before the sum (no fused multiply-add): attention's inner loops. */
    default void axpy(float a, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] += a * x[xOff + i];
    }

    /**
     * {@code y[j] = sum_c a[aOff + c] x[xOff + c ldx + j]} for j < n, c < k: each sum starts at 0
     * and adds its terms in increasing c, each product rounded to float before it is added (no
     * fused multiply-add): attention's scores of one query against a block of keys laid out
     * column by column. The same float operations per element as k calls of {@link #axpy}.
     */
    default void rowTimesColumns(float[] a, int aOff, int k, float[] x, int xOff, int ldx, float[] y, int n) {
        java.util.Arrays.fill(y, 0, n, 0f);
        for (int c = 0; c < k; c++) axpy(a[aOff + c], x, xOff + c * ldx, y, 0, n);
    }

    /**
     * {@code y[yOff + c] += w[m] x[xOff + rows[m] ldx + c]} for m < count in increasing m, c < n,
     * each product rounded to float before it is added: a weighted sum of rows (attention's
     * probabilities times values) accumulated into one row, the same float operations per element
     * as one {@link #axpy} per m.
     */
    default void addRows(float[] w, int[] rows, int count, float[] x, int xOff, int ldx, float[] y, int yOff, int n) {
        for (int m = 0; m < count; m++) axpy(w[m], x, xOff + rows[m] * ldx, y, yOff, n);
    }

    /**
     * {@code y[yOff + rows[m] ldy + c] += w[m] x[xOff + c]} for m < count, c < n (rows distinct):
     * one row, scaled, added into several, the same float operations as one {@link #axpy} per m.
     */
    default void scatterRows(float[] w, int[] rows, int count, float[] x, int xOff, float[] y, int yOff, int ldy, int n) {
        for (int m = 0; m < count; m++) axpy(w[m], x, xOff, y, yOff + rows[m] * ldy, n);
    }

    /**
     * {@code y[i] = StrictMath.exp(x[i])} for i in [from, to), bit for bit ({@code y} may be
     * {@code x}): softmax's exponentials.
     */
    default void exp(double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) y[i] = StrictMath.exp(x[i]);
    }

    /**
     * {@code y[i] = CpuBackend.sigmoid(x[i])} in double for i in [from, to), bit for bit ({@code y}
     * may be {@code x}): the LSTM's and GRU's gates, the sigmoid activation.
     */
    default void sigmoid(double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) y[i] = CpuBackend.sigmoid(x[i]);
    }

    /** GELU over {@code [from, to)}: {@code ys[i] = (float) (xs[i] Phi(xs[i]))}, Phi as {@link CpuTransformer#cdf}. */
    default void gelu(float[] xs, float[] ys, int from, int to) {
        for (int i = from; i < to; i++) ys[i] = (float) (xs[i] * CpuTransformer.cdf(xs[i]));
    }

    /**
     * GELU's derivative times dy over {@code [from, to)}: {@code o[i] = (float) (g[i] (Phi(v) + v phi(v)))},
     * v = xs[i], Phi and phi as {@link CpuTransformer#cdf} and {@link CpuTransformer#pdf}.
     */
    default void geluBackward(float[] xs, float[] g, float[] o, int from, int to) {
        for (int i = from; i < to; i++) {
            double v = xs[i];
            o[i] = (float) (g[i] * (CpuTransformer.cdf(v) + v * CpuTransformer.pdf(v)));
        }
    }

    /** {@code o[i cols + j] = xs[i cols + j] + r[j]} for rows i in [from, to) (a bias on every row). */
    default void addRowVector(float[] xs, float[] r, float[] o, int cols, int from, int to) {
        for (int i = from; i < to; i++) {
            int base = i * cols;
            for (int j = 0; j < cols; j++) o[base + j] = xs[base + j] + r[j];
        }
    }

    /**
     * Columns [j0, j1) of {@code o[j] = beta o[j] + sum_i xs[i cols + j]}: each column's sum in double,
     * in row order, rounded to float once, then added (bias gradients).
     */
    default void sumRows(float[] xs, int rows, int cols, int j0, int j1, float beta, float[] o) {
        double[] acc = new double[j1 - j0];
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            for (int j = j0; j < j1; j++) acc[j - j0] += xs[base + j];
        }
        for (int j = j0; j < j1; j++) o[j] = (beta == 0 ? 0f : beta * o[j]) + (float) acc[j - j0];
    }
}
