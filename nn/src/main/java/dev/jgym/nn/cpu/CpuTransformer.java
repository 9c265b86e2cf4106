package dev.jgym.nn.cpu;

import dev.jgym.nn.Backend;
import dev.jgym.nn.Tensor;

/**
 * GELU, layer norm, attention and embeddings for {@link CpuBackend}. Each output element is
 * computed by one task in a fixed order (attention: one task per example and head; layer norm:
 * one per row, and per column for the parameter gradients), so results do not depend on the
 * thread count; transcendental functions have {@link StrictMath}'s bits (softmax's exponentials
 * through the kernel's {@link MicroKernel#exp}), and the kernel's vector loops compute the same
 * float and double operations per element as its scalar ones.
 */
final class CpuTransformer {
    private CpuTransformer() {}

    static final double SQRT_HALF = Math.sqrt(0.5);
    static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
    static final double INV_SQRT_PI = 1 / Math.sqrt(Math.PI);
    /** Levels of erfc's continued fraction (|z| &gt;= 2), counted down to 1. */
    static final int FRACTION_LEVELS = 60;
    /** The series' term ratios over z^2, 2 / (2n + 3): a multiplication per term instead of a division. */
    private static final double[] SERIES = new double[60];

    static {
        for (int n = 0; n < SERIES.length; n++) SERIES[n] = 2.0 / (2 * n + 3);
    }

    // ---- the normal distribution --------------------------------------------------------------

    /**
     * The complementary error function in double, from two expansions (Abramowitz and Stegun
     * 7.1.6 and 7.1.14): for |z| < 2 the series {@code erf z = 2/sqrt(pi) e^{-z^2} sum_n 2^n z^{2n+1} / (1 3 ... (2n+1))}
     * (positive terms, no cancellation), summed until a term no longer changes the sum; beyond,
     * the continued fraction {@code erfc z = e^{-z^2}/sqrt(pi) / (z + (1/2) / (z + 1 / (z + (3/2) / (z + ...))))}
     * evaluated from 60 levels down. Relative error below 1e-13 (checked
     * against tabulated values in the tests).
     */
    static double erfc(double z) {
        if (Double.isNaN(z)) return z;
        double a = Math.abs(z);
        double r;
        if (a < 2) {
            double term = a, sum = a, a2 = a * a;
            for (int n = 0; n < SERIES.length; n++) {
                term *= a2 * SERIES[n];
                double next = sum + term;
                if (next == sum) break;
                sum = next;
            }
            double erf = TWO_OVER_SQRT_PI * StrictMath.exp(-a2) * sum;
            r = 1 - erf;
        } else {
            double f = a;
            for (int k = FRACTION_LEVELS; k >= 1; k--) f = a + (k / 2.0) / f;
            r = StrictMath.exp(-a * a) * INV_SQRT_PI / f;
        }
        return z >= 0 ? r : 2 - r;
    }

    /** The standard normal distribution function Phi(x) = erfc(-x / sqrt 2) / 2. */
    static double normalCdf(double x) {
        return 0.5 * erfc(-x * SQRT_HALF);
    }

    // ---- GELU: Phi and its density from a table ------------------------------------------------

    /**
     * Phi and phi = Phi' at the knots x_i = -3 + i / 256 over [-3, 6], from {@link #erfc} and
     * {@link StrictMath#exp} once; in between, cubic Hermite interpolation on the values and the
     * derivatives (phi' = -x phi), whose error is at most h^4 max|f^(4)| / 384 &lt; 1e-12
     * (h = 1/256): below a float's rounding of GELU's output, at the cost of a few multiplications
     * instead of the series and an exp per element. Outside the table (where Phi &lt; 1.4e-3 or
     * 1 - Phi &lt; 1e-9) the exact functions.
     */
    static final double TABLE_FROM = -3, TABLE_TO = 6;
    static final int KNOTS_PER_UNIT = 256;
    /** Phi and phi at the knots (read by {@link VectorKernel}'s GELU as well). */
    static final double[] CDF, PDF;

    static {
        int n = (int) ((TABLE_TO - TABLE_FROM) * KNOTS_PER_UNIT) + 1;
        CDF = new double[n];
        PDF = new double[n];
        for (int i = 0; i < n; i++) {
            double x = TABLE_FROM + i / (double) KNOTS_PER_UNIT;
            CDF[i] = normalCdf(x);
            PDF[i] = normalPdf(x);
        }
    }

    /** The standard normal density phi(x) = exp(-x^2 / 2) / sqrt(2 pi). */
    static double normalPdf(double x) {
        return INV_SQRT_2PI * StrictMath.exp(-0.5 * x * x);
    }

    /** Phi(x) by the table where it holds x, else {@link #normalCdf}. */
    static double cdf(double x) {
        if (!(x >= TABLE_FROM && x < TABLE_TO)) return normalCdf(x);
        double u = (x - TABLE_FROM) * KNOTS_PER_UNIT;
        int i = (int) u;
        double t = u - i, h = 1.0 / KNOTS_PER_UNIT;
        return hermite(t, CDF[i], h * PDF[i], CDF[i + 1], h * PDF[i + 1]);
    }

    /** phi(x) by the table where it holds x, else {@link #normalPdf}. */
    static double pdf(double x) {
        if (!(x >= TABLE_FROM && x < TABLE_TO)) return normalPdf(x);
        double u = (x - TABLE_FROM) * KNOTS_PER_UNIT;
        int i = (int) u;
        double t = u - i, h = 1.0 / KNOTS_PER_UNIT, x0 = TABLE_FROM + i * h, x1 = x0 + h;
        return hermite(t, PDF[i], -h * x0 * PDF[i], PDF[i + 1], -h * x1 * PDF[i + 1]);
    }

    /** The cubic with values f0, f1 and slopes d0, d1 (per cell) at t = 0 and 1, at t. */
    private static double hermite(double t, double f0, double d0, double f1, double d1) {
        double t2 = t * t, t3 = t2 * t;
        return (2 * t3 - 3 * t2 + 1) * f0 + (t3 - 2 * t2 + t) * d0 + (3 * t2 - 2 * t3) * f1 + (t3 - t2) * d1;
    }

    static void gelu(CpuBackend be, Tensor x, Tensor y) {
        x.requireSameShape(y, "gelu");
        float[] xs = x.data(), ys = y.data();
        MicroKernel kernel = be.kernel();
        be.chunked(ys.length, (from, to) -> kernel.gelu(xs, ys, from, to));
    }

    static void geluBackward(CpuBackend be, Tensor x, Tensor dy, Tensor dx) {
        x.requireSameShape(dy, "geluBackward");
        x.requireSameShape(dx, "geluBackward");
        float[] xs = x.data(), g = dy.data(), o = dx.data();
        MicroKernel kernel = be.kernel();
        be.chunked(o.length, (from, to) -> kernel.geluBackward(xs, g, o, from, to));
    }

    // ---- layer norm -----------------------------------------------------------------------------

    static void layerNorm(CpuBackend be, Tensor x, Tensor gamma, Tensor beta, float eps, Tensor y, Tensor xhat, Tensor invStd) {
        int rows = x.rows(), cols = x.cols();
        x.requireSameShape(y, "layerNorm");
        x.requireSameShape(xhat, "layerNorm");
        if (gamma.size() != cols || beta.size() != cols || invStd.size() != rows) {
            throw new IllegalArgumentException("layerNorm: gamma and beta need " + cols + " values, invStd " + rows);
        }
        float[] xs = x.data(), ga = gamma.data(), bs = beta.data(), ys = y.data(), xh = xhat.data(), is = invStd.data();
        be.rowChunks(rows, cols, (from, to) -> {
            for (int r = from; r < to; r++) {
                int base = r * cols;
                double mean = 0;
                for (int j = 0; j < cols; j++) mean += xs[base + j];
                mean /= cols;
                double var = 0;
                for (int j = 0; j < cols; j++) {
                    double d = xs[base + j] - mean;
                    var += d * d;
                }
                var /= cols;
                float inv = (float) (1 / Math.sqrt(var + eps));
                is[r] = inv;
                for (int j = 0; j < cols; j++) {
                    float h = (float) ((xs[base + j] - mean) * inv);
                    xh[base + j] = h;
                    ys[base + j] = ga[j] * h + bs[j];
                }
            }
        });
    }

    static void layerNormBackward(CpuBackend be, Tensor dy, Tensor xhat, Tensor gamma, Tensor invStd, Tensor dx, Tensor dgamma, Tensor dbeta) {
        int rows = dy.rows(), cols = dy.cols();
        dy.requireSameShape(xhat, "layerNormBackward");
        dy.requireSameShape(dx, "layerNormBackward");
        float[] g = dy.data(), xh = xhat.data(), ga = gamma.data(), is = invStd.data(), o = dx.data();
        float[] dga = dgamma.data(), dbe = dbeta.data();
        be.rowChunks(rows, cols, (from, to) -> {
            for (int r = from; r < to; r++) {
                int base = r * cols;
                double sg = 0, sgx = 0;
                for (int j = 0; j < cols; j++) {
                    double gj = (double) g[base + j] * ga[j];
                    sg += gj;
                    sgx += gj * xh[base + j];
                }
                double mg = sg / cols, mgx = sgx / cols;
                for (int j = 0; j < cols; j++) {
                    o[base + j] = (float) (is[r] * ((double) g[base + j] * ga[j] - mg - xh[base + j] * mgx));
                }
            }
        });
        // parameter gradients: one task per block of columns, rows in order
        int per = 64;
        be.parallelFor((cols + per - 1) / per, b -> {
            int j0 = b * per, j1 = Math.min(cols, j0 + per);
            double[] sg = new double[j1 - j0], sb = new double[j1 - j0];
            for (int r = 0; r < rows; r++) {
                int base = r * cols;
                for (int j = j0; j < j1; j++) {
                    sg[j - j0] += (double) g[base + j] * xh[base + j];
                    sb[j - j0] += g[base + j];
                }
            }
            for (int j = j0; j < j1; j++) {
                dga[j] += (float) sg[j - j0];
                dbe[j] += (float) sb[j - j0];
            }
        });
    }

    // ---- attention ------------------------------------------------------------------------------

    /**
     * Per example and head: scores against the keys (laid out column by column, each row padded
     * with zeros to whole vectors of the kernel so that a query's scores are whole vectors; the
     * padding's scores are computed and never read), softmax in double (the exponentials by the
     * kernel: StrictMath's bits), then the probabilities times the values, accumulated into the
     * output row in key order over the keys whose weight is not 0.
     */
    static void attention(CpuBackend be, Tensor qkv, int heads, int steps, boolean causal, Tensor keyMask, Tensor drop, Tensor probs, Tensor out) {
        Backend.attentionExamples(qkv, heads, steps, keyMask, drop, probs, out, "attention");
        int d3 = qkv.cols(), d = d3 / 3, dh = d / heads, t = steps, n = qkv.rows() / steps;
        float scale = (float) (1 / Math.sqrt(dh));
        float[] q = qkv.data(), p = probs.data(), o = out.data();
        float[] dm = drop == null ? null : drop.data(), km = keyMask == null ? null : keyMask.data();
        MicroKernel kernel = be.kernel();
        int lanes = kernel.lanes(), tp = roundUp(t, lanes);
        be.parallelFor(n * heads, task -> {
            int ex = task / heads, h = task % heads, row0 = ex * t;
            int qo = h * dh, ko = d + h * dh, vo = 2 * d + h * dh;
            float[] kT = new float[dh * tp];
            for (int j = 0; j < t; j++) for (int c = 0; c < dh; c++) kT[c * tp + j] = q[(row0 + j) * d3 + ko + c];
            float[] s = new float[tp], w = new float[t];
            double[] e = new double[tp];
            int[] keys = new int[t];
            int pb = task * t * t;
            for (int i = 0; i < t; i++) {
                int limit = causal ? i + 1 : t, width = roundUp(limit, lanes), qrow = (row0 + i) * d3 + qo;
                kernel.rowTimesColumns(q, qrow, dh, kT, 0, tp, s, width);
                float max = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < limit; j++) {
                    if (km != null && km[ex * t + j] == 0) continue;
                    s[j] *= scale;
                    max = Math.max(max, s[j]);
                }
                int prow = pb + i * t, orow = (row0 + i) * d + qo;
                java.util.Arrays.fill(p, prow, prow + t, 0f);
                java.util.Arrays.fill(o, orow, orow + dh, 0f);
                if (max == Float.NEGATIVE_INFINITY) continue; // no key to attend to
                for (int j = 0; j < width; j++) e[j] = (double) s[j] - max;
                kernel.exp(e, e, 0, width);
                double sum = 0;
                for (int j = 0; j < limit; j++) {
                    if (km != null && km[ex * t + j] == 0) continue;
                    sum += e[j];
                }
                int count = 0;
                for (int j = 0; j < limit; j++) {
                    if (km != null && km[ex * t + j] == 0) continue;
                    float pj = (float) (e[j] / sum);
                    p[prow + j] = pj;
                    float wj = dm == null ? pj : pj * dm[prow + j];
                    if (wj == 0) continue;
                    w[count] = wj;
                    keys[count++] = j;
                }
                kernel.addRows(w, keys, count, q, row0 * d3 + vo, d3, o, orow, dh);
            }
        });
    }

    /** n rounded up to a multiple of m. */
    private static int roundUp(int n, int m) {
        return (n + m - 1) / m * m;
    }

    /**
     * Per example and head, query by query: dP' = dOut V^T (values laid out column by column,
     * padded as in {@link #attention}); dV_j += P'_ij dOut_i; dS = P (dP - rowsum(P dP)), then
     * dQ_i += dS_ij K_j and dK_j += dS_ij Q_i over the keys with P_ij != 0, each gradient's terms in
     * key order.
     */
    static void attentionBackward(CpuBackend be, Tensor qkv, Tensor probs, Tensor drop, int heads, int steps, Tensor dOut, Tensor dQkv) {
        Backend.attentionExamples(qkv, heads, steps, null, drop, probs, dOut, "attentionBackward");
        qkv.requireSameShape(dQkv, "attentionBackward");
        int d3 = qkv.cols(), d = d3 / 3, dh = d / heads, t = steps, n = qkv.rows() / steps;
        float scale = (float) (1 / Math.sqrt(dh));
        float[] q = qkv.data(), p = probs.data(), g = dOut.data(), dq = dQkv.data();
        float[] dm = drop == null ? null : drop.data();
        MicroKernel kernel = be.kernel();
        int tp = roundUp(t, kernel.lanes());
        be.parallelFor(n * heads, task -> {
            int ex = task / heads, h = task % heads, row0 = ex * t;
            int qo = h * dh, ko = d + h * dh, vo = 2 * d + h * dh;
            for (int j = 0; j < t; j++) {
                int r = (row0 + j) * d3;
                java.util.Arrays.fill(dq, r + qo, r + qo + dh, 0f);
                java.util.Arrays.fill(dq, r + ko, r + ko + dh, 0f);
                java.util.Arrays.fill(dq, r + vo, r + vo + dh, 0f);
            }
            float[] vT = new float[dh * tp];
            for (int j = 0; j < t; j++) for (int c = 0; c < dh; c++) vT[c * tp + j] = q[(row0 + j) * d3 + vo + c];
            float[] dp = new float[tp], w = new float[t];
            int[] keys = new int[t];
            int pb = task * t * t;
            for (int i = 0; i < t; i++) {
                int prow = pb + i * t, grow = (row0 + i) * d + qo;
                // dP' = dOut V^T, and dV += P'^T dOut
                kernel.rowTimesColumns(g, grow, dh, vT, 0, tp, dp, tp);
                int count = 0;
                for (int j = 0; j < t; j++) {
                    float wj = dm == null ? p[prow + j] : p[prow + j] * dm[prow + j];
                    if (wj == 0) continue;
                    w[count] = wj;
                    keys[count++] = j;
                }
                kernel.scatterRows(w, keys, count, g, grow, dq, row0 * d3 + vo, d3, dh);
                // dS = P (dP - rowsum(P dP)), dP = dP' drop
                double dot = 0;
                for (int j = 0; j < t; j++) {
                    if (dm != null) dp[j] *= dm[prow + j];
                    dot += (double) p[prow + j] * dp[j];
                }
                count = 0;
                for (int j = 0; j < t; j++) {
                    float pj = p[prow + j];
                    if (pj == 0) continue;
                    w[count] = (float) (pj * (dp[j] - dot)) * scale;
                    keys[count++] = j;
                }
                int qrow = (row0 + i) * d3 + qo;
                kernel.addRows(w, keys, count, q, row0 * d3 + ko, d3, dq, qrow, dh); // dQ_i += dS_ij K_j
                kernel.scatterRows(w, keys, count, q, qrow, dq, row0 * d3 + ko, d3, dh); // dK_j += dS_ij Q_i (other columns of dq)
            }
        });
    }

    // ---- embeddings -----------------------------------------------------------------------------

    static void embeddingLookup(CpuBackend be, Tensor ids, Tensor table, Tensor out) {
        int rows = ids.size(), w = table.cols(), vocab = table.rows();
        if (out.size() != rows * w) throw new IllegalArgumentException("embeddingLookup: out must be [" + rows + ", " + w + "]");
        float[] is = ids.data(), tb = table.data(), o = out.data();
        Backend.checkIds(is, vocab, "embeddingLookup");
        for (int r = 0; r < rows; r++) System.arraycopy(tb, (int) is[r] * w, o, r * w, w);
    }

    static void embeddingBackward(CpuBackend be, Tensor ids, Tensor dOut, Tensor dTable) {
        int rows = ids.size(), w = dTable.cols(), vocab = dTable.rows();
        if (dOut.size() != rows * w) throw new IllegalArgumentException("embeddingBackward: dOut must be [" + rows + ", " + w + "]");
        float[] is = ids.data(), g = dOut.data(), dt = dTable.data();
        Backend.checkIds(is, vocab, "embeddingBackward");
        for (int r = 0; r < rows; r++) {
            int base = (int) is[r] * w;
            for (int j = 0; j < w; j++) dt[base + j] += g[r * w + j];
        }
    }
}
