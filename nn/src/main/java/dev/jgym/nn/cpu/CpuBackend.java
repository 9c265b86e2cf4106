package dev.jgym.nn.cpu;

import dev.jgym.nn.ActivationKind;
import dev.jgym.nn.Backend;
import dev.jgym.nn.PointLoss;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.Window2d;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The reference backend: plain Java on primitive arrays, multi-threaded, bit-identical for any
 * thread count.
 *
 * <p>Determinism: work is cut into a fixed partition of the <em>output</em> elements (GEMM tiles
 * of {@value #MC} rows x about 192 columns, row or column chunks elsewhere) that depends only on
 * the shapes, never on the thread count. Each output element is computed by one task with a
 * fixed order of operations; threads only decide which task runs where. Whole-tensor reductions
 * ({@link #sum}, losses) run in index order on the calling thread.
 *
 * <p>GEMM (Goto's scheme): both operands are packed into panels (A: {@code mr} rows, scaled by
 * alpha; B: {@code nr} columns; zero-padded, so transposed operands cost only the packing), then
 * every tile walks k in blocks of {@value #KC}; a register-blocked micro-kernel computes an
 * {@code mr x nr} block per k-block and it is added into C. Per element of C that is
 * {@code beta C + s_0 + s_1 + ...}, each {@code s_b} a chain of FMAs over k-block b in increasing
 * k, identical for the vector and the scalar kernel.
 *
 * <p>Transcendental functions go through {@link StrictMath}, so results also match across JVMs.
 */
public final class CpuBackend implements Backend {
    static final int MC = 64;
    static final int KC = 128;
    private static final int NC_TARGET = 192;
    private static final int CHUNK = 1 << 14;
    private static final int PARALLEL_MIN = 1 << 16;
    /** Products up to this many multiply-adds (or with B up to {@link #DIRECT_MAX_B} values) skip packing. */
    private static final long DIRECT_MAX = 1 << 22;
    private static final long DIRECT_MAX_B = 1 << 14;
    /** The direct path splits rows across threads only from this many multiply-adds on. */
    private static final long DIRECT_PARALLEL_MIN = 1 << 20;
    private static final int DIRECT_ROWS = 12;
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);
    private static final ThreadLocal<float[]> SCRATCH_A = ThreadLocal.withInitial(() -> new float[0]);
    private static final ThreadLocal<float[]> PACK_A = ThreadLocal.withInitial(() -> new float[0]);
    private static final ThreadLocal<float[]> PACK_B = ThreadLocal.withInitial(() -> new float[0]);
    /** Per-thread buffers (packed panels, scratch) up to this many floats (16 MiB) stay allocated. */
    private static final int KEEP = 1 << 22;

    private final int threads;
    private final MicroKernel kernel;
    private final ExecutorService pool;
    private final CpuConv conv = new CpuConv(this);

    /** As many threads as processors, vector kernel when available. */
    public CpuBackend() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public CpuBackend(int threads) {
        this(threads, Kernels.vectorByDefault());
    }

    /** @param vector use the Vector API kernel when the module is present (false: always scalar) */
    public CpuBackend(int threads, boolean vector) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        this.threads = threads;
        this.kernel = Kernels.pick(vector);
        if (threads > 1) {
            AtomicInteger id = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(threads - 1, r -> {
                Thread t = new Thread(r, "jgym-cpu-" + id.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        } else {
            this.pool = null;
        }
    }

    public int threads() {
        return threads;
    }

    /** The GEMM micro-kernel, for the convolution's own panel packing ({@link CpuConv}). */
    MicroKernel kernel() {
        return kernel;
    }

    /** True when the Vector API kernel runs GEMM. */
    public boolean vectorized() {
        return !(kernel instanceof ScalarKernel);
    }

    @Override
    public String name() {
        return "cpu (" + threads + (threads == 1 ? " thread, " : " threads, ") + kernel.describe() + ")";
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }

    // ---- the task runner ---------------------------------------------------------------------

    /**
     * Runs body(0..n-1), each index exactly once, on the pool and the calling thread (on the
     * calling thread alone after {@link #close()}: the results are the same either way).
     */
    void parallelFor(int n, IntConsumer body) {
        if (pool == null || n <= 1 || pool.isShutdown()) {
            for (int i = 0; i < n; i++) body.accept(i);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            int i;
            while ((i = next.getAndIncrement()) < n) body.accept(i);
        };
        int helpers = Math.min(threads - 1, n - 1);
        List<Future<?>> futures = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) futures.add(pool.submit(worker));
        worker.run();
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException r) throw r;
                if (c instanceof Error err) throw err;
                throw new IllegalStateException(c);
            }
        }
    }

    private interface Range {
        void run(int from, int to);
    }

    /**
     * True when work of this size runs on the calling thread in one piece. Callers then call the
     * kernel directly rather than through a lambda: fewer frames keep the Vector API's calls
     * within C2's inlining depth (past it they fall back to slow Java loops).
     */
    private boolean serial(long size) {
        return size < PARALLEL_MIN || pool == null || pool.isShutdown();
    }

    /** Elementwise work over [0, size) in fixed chunks (parallel only when it pays). */
    private void chunks(int size, Range body) {
        if (size < PARALLEL_MIN || pool == null || pool.isShutdown()) {
            body.run(0, size);
            return;
        }
        int n = (size + CHUNK - 1) / CHUNK;
        parallelFor(n, c -> body.run(c * CHUNK, Math.min(size, (c + 1) * CHUNK)));
    }

    /** {@link #chunks} for the other CPU classes of this package. */
    void chunked(int size, RangeBody body) {
        chunks(size, body::run);
    }

    /** {@link #rowGroups} for the other CPU classes of this package. */
    void rowChunks(int rows, int cols, RangeBody body) {
        rowGroups(rows, cols, body::run);
    }

    /** Work over [from, to). */
    interface RangeBody {
        void run(int from, int to);
    }

    /** Row-wise work in fixed groups of rows. */
    private void rowGroups(int rows, int cols, Range body) {
        int per = Math.max(1, CHUNK / Math.max(1, cols));
        if (pool == null || (long) rows * cols < PARALLEL_MIN) {
            body.run(0, rows);
            return;
        }
        int n = (rows + per - 1) / per;
        parallelFor(n, g -> body.run(g * per, Math.min(rows, (g + 1) * per)));
    }

    // ---- GEMM ------------------------------------------------------------------------------------

    @Override
    public void gemm(boolean transA, boolean transB, float alpha, Tensor a, Tensor b, float beta, Tensor c) {
        final int m = c.rows(), n = c.cols();
        final int am = transA ? a.cols() : a.rows(), ak = transA ? a.rows() : a.cols();
        final int bk = transB ? b.cols() : b.rows(), bn = transB ? b.rows() : b.cols();
        if (am != m || bn != n || ak != bk) {
            throw new IllegalArgumentException("gemm: op(A) is " + am + "x" + ak + ", op(B) is " + bk + "x" + bn + ", C is " + m + "x" + n);
        }
        final int k = ak;
        final float[] cd = c.data();
        if (beta == 0) {
            java.util.Arrays.fill(cd, 0f);
        } else if (beta != 1) {
            scale(c, beta, c);
        }
        if (m == 0 || n == 0 || k == 0) return;
        if ((long) m * n * k <= DIRECT_MAX || (long) n * k <= DIRECT_MAX_B) {
            gemmDirect(transA, transB, alpha, a, b, c, m, n, k);
            return;
        }

        final int mr = kernel.mr(), nr = kernel.nr();
        final int mPanels = (m + mr - 1) / mr, nPanels = (n + nr - 1) / nr;
        final float[] ap = threadBuffer(PACK_A, mPanels * mr * k);
        final float[] bp = threadBuffer(PACK_B, nPanels * nr * k);
        final float[] ad = a.data(), bd = b.data();

        parallelFor(mPanels, q -> {
            int rows = Math.min(mr, m - q * mr);
            int base = q * k * mr;
            if (rows < mr) java.util.Arrays.fill(ap, base, base + k * mr, 0f);
            int row0 = q * mr;
            if (rows == mr) {
                kernel.packA(ad, transA ? row0 : row0 * k, transA ? 1 : k, transA ? m : 1, alpha, ap, base, k);
            } else if (transA) {
                // op(A)'s rows are columns of A: each k a contiguous run of rows
                for (int kk = 0; kk < k; kk++) {
                    int src = kk * m + row0, dst = base + kk * mr;
                    for (int i = 0; i < rows; i++) ap[dst + i] = alpha * ad[src + i];
                }
            } else {
                // k outer: the panel is written in order, its rows read side by side
                for (int kk = 0; kk < k; kk++) {
                    int src = row0 * k + kk, dst = base + kk * mr;
                    for (int i = 0; i < rows; i++) ap[dst + i] = alpha * ad[src + i * k];
                }
            }
        });
        parallelFor(nPanels, p -> {
            int cols = Math.min(nr, n - p * nr);
            int base = p * k * nr;
            if (cols < nr) java.util.Arrays.fill(bp, base, base + k * nr, 0f);
            if (transB) {
                for (int j = 0; j < cols; j++) {
                    int src = (p * nr + j) * k;
                    for (int kk = 0; kk < k; kk++) bp[base + kk * nr + j] = bd[src + kk];
                }
            } else {
                kernel.copyRows(bd, p * nr, n, bp, base, nr, cols, k);
            }
        });

        final int mcPanels = MC / mr;
        final int ncPanels = Math.max(1, (NC_TARGET + nr - 1) / nr);
        final int tilesM = (mPanels + mcPanels - 1) / mcPanels, tilesN = (nPanels + ncPanels - 1) / ncPanels;
        parallelFor(tilesM * tilesN, t -> {
            int q0 = (t / tilesN) * mcPanels, q1 = Math.min(mPanels, q0 + mcPanels);
            int p0 = (t % tilesN) * ncPanels, p1 = Math.min(nPanels, p0 + ncPanels);
            float[] tile = new float[mr * nr];
            for (int k0 = 0; k0 < k; k0 += KC) {
                int kc = Math.min(KC, k - k0);
                for (int p = p0; p < p1; p++) {
                    int bOff = (p * k + k0) * nr;
                    int col0 = p * nr, cols = Math.min(nr, n - col0);
                    for (int q = q0; q < q1; q++) {
                        int row0 = q * mr, rows = Math.min(mr, m - row0);
                        if (rows == mr && cols == nr) {
                            kernel.computeInto(ap, (q * k + k0) * mr, bp, bOff, kc, tile, cd, row0 * n + col0, n);
                            continue;
                        }
                        kernel.computeColumns(ap, (q * k + k0) * mr, bp, bOff, kc, tile, cols);
                        for (int i = 0; i < rows; i++) {
                            int dst = (row0 + i) * n + col0, src = i * nr;
                            for (int j = 0; j < cols; j++) cd[dst + j] += tile[src + j];
                        }
                    }
                }
            }
        });
    }

    /**
     * Small products (a DQN's 64 x 64 layers, a batch of one): no packing of A, no allocation, no
     * hand-off to the pool below {@link #DIRECT_PARALLEL_MIN} multiply-adds. B is used in place when
     * it is row-major with whole vectors per row, else transposed or padded into this thread's
     * scratch buffer. Rows go in fixed groups of {@link #DIRECT_ROWS}, so the split, like the
     * order of every element's operations, does not depend on the thread count.
     */
    private void gemmDirect(boolean transA, boolean transB, float alpha, Tensor a, Tensor b, Tensor c, int m, int n, int k) {
        final int lanes = kernel.lanes();
        if (transA && alpha == 1f && n <= kernel.narrowMax() && m >= lanes) {
            gemmNarrow(transB, a, b, c, m, n, k);
            return;
        }
        final float[] bd;
        final int ldb;
        if (!transB && n % lanes == 0) {
            bd = b.data();
            ldb = n;
        } else {
            ldb = (n + lanes - 1) / lanes * lanes;
            bd = threadBuffer(SCRATCH, k * ldb);
            float[] src = b.data();
            if (transB) {
                kernel.transpose(src, n, k, bd, ldb);
            } else {
                for (int p = 0; p < k; p++) System.arraycopy(src, p * n, bd, p * ldb, n);
            }
        }
        final float[] cd = c.data();
        final float[] ad;
        final int aRow, aK;
        if (alpha == 1f) {
            ad = a.data();
            aRow = transA ? 1 : k;
            aK = transA ? m : 1;
        } else {
            // alpha A once, row-major, so that the kernel's loop holds only loads and FMAs
            ad = threadBuffer(SCRATCH_A, m * k);
            float[] src = a.data();
            for (int i = 0; i < m; i++) {
                for (int p = 0; p < k; p++) ad[i * k + p] = alpha * src[transA ? p * m + i : i * k + p];
            }
            aRow = k;
            aK = 1;
        }
        int groups = (m + DIRECT_ROWS - 1) / DIRECT_ROWS;
        if (groups == 1 || pool == null || (long) m * n * k < DIRECT_PARALLEL_MIN) {
            kernel.direct(ad, aRow, aK, bd, ldb, cd, n, k, 0, m);
            return;
        }
        parallelFor(groups, g -> kernel.direct(ad, aRow, aK, bd, ldb, cd, n, k, g * DIRECT_ROWS, Math.min(m, (g + 1) * DIRECT_ROWS)));
    }

    /**
     * Narrow C (at most {@link MicroKernel#narrowMax()} columns: a DQN's action values, a critic's one
     * output) with A stored transposed (a weight gradient's X^T dY, alpha 1): lanes across C's rows,
     * read from A's rows as they lie, where lanes across C's columns would leave most of a vector
     * empty. The sums are {@link #gemmDirect}'s.
     */
    private void gemmNarrow(boolean transB, Tensor a, Tensor b, Tensor c, int m, int n, int k) {
        final float[] at = a.data();
        final float[] bd;
        if (transB && n > 1) {
            bd = threadBuffer(SCRATCH, k * n);
            kernel.transpose(b.data(), n, k, bd, n);
        } else {
            bd = b.data(); // [k][n] (a single column reads the same either way)
        }
        final float[] cd = c.data();
        final int chunk = 4 * kernel.lanes();
        int groups = (m + chunk - 1) / chunk;
        if (groups == 1 || pool == null || (long) m * n * k < DIRECT_PARALLEL_MIN) {
            kernel.narrow(at, m, bd, cd, n, k, 0, m);
            return;
        }
        parallelFor(groups, g -> kernel.narrow(at, m, bd, cd, n, k, g * chunk, Math.min(m, (g + 1) * chunk)));
    }

    /**
     * The calling thread's buffer in {@code slot}, at least {@code size} long: kept between calls
     * (grown by doubling) up to {@link #KEEP} floats, a new array each call above that. Callers
     * write every element whose value reaches C before reading it, so nothing leaks between calls.
     */
    private static float[] threadBuffer(ThreadLocal<float[]> slot, int size) {
        if (size > KEEP) return new float[size];
        float[] buf = slot.get();
        if (buf.length < size) {
            buf = new float[Math.min(KEEP, Math.max(size, 2 * buf.length))];
            slot.set(buf);
        }
        return buf;
    }

    // ---- elementwise ------------------------------------------------------------------------------

    @Override
    public void add(Tensor a, Tensor b, Tensor out) {
        a.requireSameShape(b, "add");
        a.requireSameShape(out, "add");
        float[] x = a.data(), y = b.data(), o = out.data();
        chunks(o.length, (from, to) -> {
            for (int i = from; i < to; i++) o[i] = x[i] + y[i];
        });
    }

    @Override
    public void sub(Tensor a, Tensor b, Tensor out) {
        a.requireSameShape(b, "sub");
        a.requireSameShape(out, "sub");
        float[] x = a.data(), y = b.data(), o = out.data();
        chunks(o.length, (from, to) -> {
            for (int i = from; i < to; i++) o[i] = x[i] - y[i];
        });
    }

    @Override
    public void mul(Tensor a, Tensor b, Tensor out) {
        a.requireSameShape(b, "mul");
        a.requireSameShape(out, "mul");
        float[] x = a.data(), y = b.data(), o = out.data();
        chunks(o.length, (from, to) -> {
            for (int i = from; i < to; i++) o[i] = x[i] * y[i];
        });
    }

    @Override
    public void scale(Tensor x, float s, Tensor out) {
        x.requireSameShape(out, "scale");
        float[] xs = x.data(), o = out.data();
        chunks(o.length, (from, to) -> {
            for (int i = from; i < to; i++) o[i] = s * xs[i];
        });
    }

    @Override
    public void axpy(float alpha, Tensor x, Tensor y) {
        x.requireSameShape(y, "axpy");
        float[] xs = x.data(), ys = y.data();
        chunks(ys.length, (from, to) -> {
            for (int i = from; i < to; i++) ys[i] += alpha * xs[i];
        });
    }

    @Override
    public void addRowVector(Tensor x, Tensor row, Tensor out) {
        x.requireSameShape(out, "addRowVector");
        int rows = x.rows(), cols = x.cols();
        if (row.size() != cols) throw new IllegalArgumentException("addRowVector: row has " + row.size() + " values, x has " + cols + " columns");
        float[] xs = x.data(), r = row.data(), o = out.data();
        if (serial((long) rows * cols)) kernel.addRowVector(xs, r, o, cols, 0, rows);
        else rowGroups(rows, cols, (from, to) -> kernel.addRowVector(xs, r, o, cols, from, to));
    }

    @Override
    public void sumRows(Tensor x, float beta, Tensor out) {
        int rows = x.rows(), cols = x.cols();
        if (out.size() != cols) throw new IllegalArgumentException("sumRows: out has " + out.size() + " values, x has " + cols + " columns");
        float[] xs = x.data(), o = out.data();
        int per = 256;
        int groups = (cols + per - 1) / per;
        if ((long) rows * cols < PARALLEL_MIN) {
            for (int g = 0; g < groups; g++) kernel.sumRows(xs, rows, cols, g * per, Math.min(cols, (g + 1) * per), beta, o);
        } else {
            parallelFor(groups, g -> kernel.sumRows(xs, rows, cols, g * per, Math.min(cols, (g + 1) * per), beta, o));
        }
    }

    // ---- reductions ------------------------------------------------------------------------------

    @Override
    public double sum(Tensor x) {
        double s = 0;
        for (float v : x.data()) s += v;
        return s;
    }

    @Override
    public double sumSquares(Tensor x) {
        double s = 0;
        for (float v : x.data()) s += (double) v * v;
        return s;
    }

    @Override
    public int[] argmaxRows(Tensor x) {
        int rows = x.rows(), cols = x.cols();
        float[] d = x.data();
        int[] out = new int[rows];
        for (int i = 0; i < rows; i++) {
            int best = 0, base = i * cols;
            for (int j = 1; j < cols; j++) if (d[base + j] > d[base + best]) best = j;
            out[i] = best;
        }
        return out;
    }

    // ---- activations ------------------------------------------------------------------------------

    @Override
    public void activation(ActivationKind kind, float param, Tensor x, Tensor y) {
        x.requireSameShape(y, "activation");
        float[] xs = x.data(), ys = y.data();
        if (serial(ys.length)) kernel.activation(kind, param, xs, ys, 0, ys.length);
        else chunks(ys.length, (from, to) -> kernel.activation(kind, param, xs, ys, from, to));
    }

    static double sigmoid(double x) {
        if (x >= 0) return 1 / (1 + StrictMath.exp(-x));
        double e = StrictMath.exp(x);
        return e / (1 + e);
    }

    @Override
    public void activationBackward(ActivationKind kind, float param, Tensor x, Tensor y, Tensor dy, Tensor dx) {
        x.requireSameShape(dy, "activationBackward");
        x.requireSameShape(dx, "activationBackward");
        float[] xs = x.data(), ys = y.data(), g = dy.data(), o = dx.data();
        if (serial(o.length)) kernel.activationBackward(kind, param, xs, ys, g, o, 0, o.length);
        else chunks(o.length, (from, to) -> kernel.activationBackward(kind, param, xs, ys, g, o, from, to));
    }

    @Override
    public void softmaxRows(Tensor x, Tensor y) {
        x.requireSameShape(y, "softmaxRows");
        int rows = x.rows(), cols = x.cols();
        float[] xs = x.data(), ys = y.data();
        rowGroups(rows, cols, (from, to) -> {
            for (int i = from; i < to; i++) {
                int base = i * cols;
                float max = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < cols; j++) max = Math.max(max, xs[base + j]);
                double s = 0;
                for (int j = 0; j < cols; j++) s += StrictMath.exp((double) xs[base + j] - max);
                for (int j = 0; j < cols; j++) ys[base + j] = (float) (StrictMath.exp((double) xs[base + j] - max) / s);
            }
        });
    }

    @Override
    public void softmaxBackward(Tensor y, Tensor dy, Tensor dx) {
        y.requireSameShape(dy, "softmaxBackward");
        y.requireSameShape(dx, "softmaxBackward");
        int rows = y.rows(), cols = y.cols();
        float[] ys = y.data(), g = dy.data(), o = dx.data();
        rowGroups(rows, cols, (from, to) -> {
            for (int i = from; i < to; i++) {
                int base = i * cols;
                double dot = 0;
                for (int j = 0; j < cols; j++) dot += (double) g[base + j] * ys[base + j];
                for (int j = 0; j < cols; j++) o[base + j] = (float) (ys[base + j] * (g[base + j] - dot));
            }
        });
    }

    // ---- losses ----------------------------------------------------------------------------------

    @Override
    public double softmaxCrossEntropy(Tensor logits, Tensor target, Tensor grad) {
        logits.requireSameShape(target, "softmaxCrossEntropy");
        if (grad != null) logits.requireSameShape(grad, "softmaxCrossEntropy");
        int rows = logits.rows(), cols = logits.cols();
        float[] x = logits.data(), t = target.data(), g = grad == null ? null : grad.data();
        double total = 0;
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) max = Math.max(max, x[base + j]);
            double s = 0;
            for (int j = 0; j < cols; j++) s += StrictMath.exp((double) x[base + j] - max);
            double logSum = max + StrictMath.log(s);
            for (int j = 0; j < cols; j++) {
                float tj = t[base + j];
                if (tj != 0) total += tj * (logSum - x[base + j]);
                if (g != null) g[base + j] = (float) (StrictMath.exp(x[base + j] - logSum) - tj);
            }
        }
        return total;
    }

    @Override
    public double pointwiseLoss(PointLoss kind, float param, Tensor pred, Tensor target, Tensor grad) {
        pred.requireSameShape(target, "pointwiseLoss");
        if (grad != null) pred.requireSameShape(grad, "pointwiseLoss");
        float[] p = pred.data(), t = target.data(), g = grad == null ? null : grad.data();
        double total = 0;
        for (int i = 0; i < p.length; i++) {
            double d = (double) p[i] - t[i], v, dv;
            switch (kind) {
                case MSE:
                    v = d * d;
                    dv = 2 * d;
                    break;
                case L1:
                    v = Math.abs(d);
                    dv = Math.signum(d);
                    break;
                case HUBER:
                    if (Math.abs(d) <= param) {
                        v = 0.5 * d * d;
                        dv = d;
                    } else {
                        v = param * (Math.abs(d) - 0.5 * param);
                        dv = param * Math.signum(d);
                    }
                    break;
                case BCE_WITH_LOGITS: {
                    double z = p[i];
                    v = Math.max(z, 0) - z * t[i] + StrictMath.log1p(StrictMath.exp(-Math.abs(z)));
                    dv = sigmoid(z) - t[i];
                    break;
                }
                default:
                    throw new IllegalArgumentException("loss " + kind);
            }
            total += v;
            if (g != null) g[i] = (float) dv;
        }
        return total;
    }

    // ---- batch normalisation ----------------------------------------------------------------------

    private void columnGroups(int rows, int cols, IntConsumer group, int per) {
        int groups = (cols + per - 1) / per;
        if ((long) rows * cols < PARALLEL_MIN) {
            for (int g = 0; g < groups; g++) group.accept(g);
        } else {
            parallelFor(groups, group);
        }
    }

    @Override
    public void batchNormTrain(Tensor x, Tensor gamma, Tensor beta, float eps, Tensor y, Tensor xhat, Tensor mean, Tensor var, Tensor invStd) {
        int rows = x.rows(), cols = x.cols();
        float[] xs = x.data(), ga = gamma.data(), be = beta.data(), ys = y.data(), xh = xhat.data();
        float[] mu = mean.data(), va = var.data(), is = invStd.data();
        int per = 64;
        columnGroups(rows, cols, g -> {
            int j0 = g * per, j1 = Math.min(cols, j0 + per);
            for (int j = j0; j < j1; j++) {
                double s = 0;
                for (int i = 0; i < rows; i++) s += xs[i * cols + j];
                double m = s / rows;
                double ss = 0;
                for (int i = 0; i < rows; i++) {
                    double d = xs[i * cols + j] - m;
                    ss += d * d;
                }
                double v = ss / rows;
                double inv = 1 / Math.sqrt(v + eps);
                mu[j] = (float) m;
                va[j] = (float) v;
                is[j] = (float) inv;
                for (int i = 0; i < rows; i++) {
                    float h = (float) ((xs[i * cols + j] - m) * inv);
                    xh[i * cols + j] = h;
                    ys[i * cols + j] = ga[j] * h + be[j];
                }
            }
        }, per);
    }

    @Override
    public void batchNormEval(Tensor x, Tensor gamma, Tensor beta, Tensor mean, Tensor var, float eps, Tensor y) {
        int rows = x.rows(), cols = x.cols();
        float[] xs = x.data(), ga = gamma.data(), be = beta.data(), mu = mean.data(), va = var.data(), ys = y.data();
        float[] scale = new float[cols];
        for (int j = 0; j < cols; j++) scale[j] = (float) (ga[j] / Math.sqrt((double) va[j] + eps));
        rowGroups(rows, cols, (from, to) -> {
            for (int i = from; i < to; i++) {
                for (int j = 0; j < cols; j++) ys[i * cols + j] = scale[j] * (xs[i * cols + j] - mu[j]) + be[j];
            }
        });
    }

    @Override
    public void batchNormBackward(Tensor dy, Tensor xhat, Tensor gamma, Tensor invStd, Tensor dx, Tensor dgamma, Tensor dbeta) {
        int rows = dy.rows(), cols = dy.cols();
        float[] g = dy.data(), xh = xhat.data(), ga = gamma.data(), is = invStd.data(), o = dx.data();
        float[] dg = dgamma.data(), db = dbeta.data();
        int per = 64;
        columnGroups(rows, cols, grp -> {
            int j0 = grp * per, j1 = Math.min(cols, j0 + per);
            for (int j = j0; j < j1; j++) {
                double sdy = 0, sdyx = 0;
                for (int i = 0; i < rows; i++) {
                    sdy += g[i * cols + j];
                    sdyx += (double) g[i * cols + j] * xh[i * cols + j];
                }
                dg[j] += (float) sdyx;
                db[j] += (float) sdy;
                double k = (double) ga[j] * is[j] / rows;
                for (int i = 0; i < rows; i++) {
                    o[i * cols + j] = (float) (k * (rows * (double) g[i * cols + j] - sdy - xh[i * cols + j] * sdyx));
                }
            }
        }, per);
    }
    // ---- optimizer updates -------------------------------------------------------------------------
    // The loops the optimizers ran before they went through the backend, unchanged: per element,
    // in double, stored as float (elementwise, so chunking keeps every bit). Adam's loop is the
    // kernel's (MicroKernel.adam): the vector kernel runs it on double lanes, to the same bits.

    @Override
    public void fill(Tensor x, float value) {
        java.util.Arrays.fill(x.data(), value);
    }

    @Override
    public double addSumSquares(double acc, Tensor x) {
        for (float v : x.data()) acc += (double) v * v;
        return acc;
    }

    @Override
    public void sgdUpdate(Tensor w, Tensor grad, Tensor velocity, double lr, double momentum, boolean nesterov, double weightDecay) {
        w.requireSameShape(grad, "sgdUpdate");
        float[] ws = w.data(), g = grad.data();
        if (momentum == 0) {
            chunks(ws.length, (from, to) -> {
                for (int j = from; j < to; j++) ws[j] = (float) (ws[j] - lr * (g[j] + weightDecay * ws[j]));
            });
            return;
        }
        w.requireSameShape(velocity, "sgdUpdate");
        float[] v = velocity.data();
        chunks(ws.length, (from, to) -> {
            for (int j = from; j < to; j++) {
                double gj = g[j] + weightDecay * ws[j];
                double vj = momentum * v[j] + gj;
                v[j] = (float) vj;
                ws[j] = (float) (ws[j] - lr * (nesterov ? gj + momentum * vj : vj));
            }
        });
    }

    @Override
    public void rmsPropUpdate(Tensor w, Tensor grad, Tensor square, double lr, double alpha, double eps, double weightDecay) {
        w.requireSameShape(grad, "rmsPropUpdate");
        w.requireSameShape(square, "rmsPropUpdate");
        float[] ws = w.data(), g = grad.data(), s = square.data();
        chunks(ws.length, (from, to) -> {
            for (int j = from; j < to; j++) {
                double gj = g[j] + weightDecay * ws[j];
                double sj = alpha * s[j] + (1 - alpha) * gj * gj;
                s[j] = (float) sj;
                ws[j] = (float) (ws[j] - lr * gj / (Math.sqrt(sj) + eps));
            }
        });
    }

    @Override
    public void rmsPropCenteredUpdate(Tensor w, Tensor grad, Tensor square, Tensor mean, double lr, double alpha, double eps, double weightDecay) {
        w.requireSameShape(grad, "rmsPropCenteredUpdate");
        w.requireSameShape(square, "rmsPropCenteredUpdate");
        w.requireSameShape(mean, "rmsPropCenteredUpdate");
        float[] ws = w.data(), g = grad.data(), s = square.data(), m = mean.data();
        if (serial(ws.length)) kernel.rmsPropCentered(ws, g, s, m, 0, ws.length, lr, alpha, eps, weightDecay);
        else chunks(ws.length, (from, to) -> kernel.rmsPropCentered(ws, g, s, m, from, to, lr, alpha, eps, weightDecay));
    }

    @Override
    public void adamUpdate(Tensor w, Tensor grad, Tensor m, Tensor v, double lr, double beta1, double beta2, double eps,
                           double weightDecay, boolean decoupled, long t) {
        w.requireSameShape(grad, "adamUpdate");
        w.requireSameShape(m, "adamUpdate");
        w.requireSameShape(v, "adamUpdate");
        float[] ws = w.data(), g = grad.data(), mi = m.data(), vi = v.data();
        double c1 = 1 - Math.pow(beta1, t), c2 = 1 - Math.pow(beta2, t);
        if (serial(ws.length)) kernel.adam(ws, g, mi, vi, 0, ws.length, lr, beta1, beta2, eps, weightDecay, decoupled, c1, c2);
        else chunks(ws.length, (from, to) -> kernel.adam(ws, g, mi, vi, from, to, lr, beta1, beta2, eps, weightDecay, decoupled, c1, c2));
    }

    // ---- convolution, pooling, LRN, 2-D batch norm (CpuConv) ----------------------------------

    @Override
    public void conv2d(Tensor x, Window2d g, Tensor weight, Tensor bias, Tensor y) {
        conv.conv2d(x, g, weight, bias, y, false);
    }

    @Override
    public void conv2dBackward(Tensor x, Window2d g, Tensor weight, Tensor dy, Tensor dx, Tensor dWeight, Tensor dBias) {
        conv.conv2dBackward(x, g, weight, dy, dx, dWeight, dBias);
    }

    @Override
    public void conv2dRelu(Tensor x, Window2d g, Tensor weight, Tensor bias, Tensor y) {
        conv.conv2d(x, g, weight, bias, y, true);
    }

    @Override
    public void maxPool2dReluBackward(Tensor x, Window2d g, Tensor dy, Tensor dx) {
        conv.maxPool2dBackward(x, g, dy, dx, true);
    }

    @Override
    public void maxPool2d(Tensor x, Window2d g, Tensor y) {
        conv.maxPool2d(x, g, y);
    }

    @Override
    public void maxPool2dBackward(Tensor x, Window2d g, Tensor dy, Tensor dx) {
        conv.maxPool2dBackward(x, g, dy, dx, false);
    }

    @Override
    public void avgPool2d(Tensor x, Window2d g, Tensor y) {
        conv.avgPool2d(x, g, y);
    }

    @Override
    public void avgPool2dBackward(Window2d g, Tensor dy, Tensor dx) {
        conv.avgPool2dBackward(g, dy, dx);
    }

    @Override
    public void lrn(Tensor x, int channels, int size, float alpha, float beta, float k, Tensor y, Tensor scale) {
        conv.lrn(x, channels, size, alpha, beta, k, y, scale);
    }

    @Override
    public void lrnBackward(Tensor x, Tensor y, Tensor scale, int channels, int size, float alpha, float beta, Tensor dy, Tensor dx) {
        conv.lrnBackward(x, y, scale, channels, size, alpha, beta, dy, dx);
    }

    @Override
    public void batchNorm2dTrain(Tensor x, int channels, Tensor gamma, Tensor beta, float eps, Tensor y, Tensor xhat, Tensor mean, Tensor var, Tensor invStd) {
        conv.batchNorm2dTrain(x, channels, gamma, beta, eps, y, xhat, mean, var, invStd);
    }

    @Override
    public void batchNorm2dEval(Tensor x, int channels, Tensor gamma, Tensor beta, Tensor mean, Tensor var, float eps, Tensor y) {
        conv.batchNorm2dEval(x, channels, gamma, beta, mean, var, eps, y);
    }

    @Override
    public void batchNorm2dBackward(Tensor dy, int channels, Tensor xhat, Tensor gamma, Tensor invStd, Tensor dx, Tensor dgamma, Tensor dbeta) {
        conv.batchNorm2dBackward(dy, channels, xhat, gamma, invStd, dx, dgamma, dbeta);
    }

    // ---- sequences and recurrent cells (CpuCells) ----------------------------------------------

    @Override
    public void sliceColumns(Tensor x, int from, Tensor out) {
        CpuCells.sliceColumns(x, from, out);
    }

    @Override
    public void addColumns(Tensor src, Tensor x, int from) {
        CpuCells.addColumns(src, x, from);
    }

    @Override
    public void selectRows(Tensor mask, Tensor a, Tensor b, Tensor out) {
        CpuCells.selectRows(mask, a, b, out);
    }

    @Override
    public void lstmCell(Tensor gates, Tensor cPrev, Tensor act, Tensor c, Tensor h) {
        CpuCells.lstmCell(this, gates, cPrev, act, c, h);
    }

    @Override
    public void lstmCellBackward(Tensor act, Tensor cPrev, Tensor c, Tensor dh, Tensor dc, Tensor dGates) {
        CpuCells.lstmCellBackward(this, act, cPrev, c, dh, dc, dGates);
    }

    @Override
    public void gruCell(Tensor gx, Tensor gh, Tensor hPrev, Tensor act, Tensor h) {
        CpuCells.gruCell(this, gx, gh, hPrev, act, h);
    }

    @Override
    public void gruCellBackward(Tensor act, Tensor gh, Tensor hPrev, Tensor dh, Tensor dgx, Tensor dgh, Tensor dhPrev) {
        CpuCells.gruCellBackward(this, act, gh, hPrev, dh, dgx, dgh, dhPrev);
    }

    // ---- attention and the Transformer -------------------------------------------------------------

    @Override
    public void gelu(Tensor x, Tensor y) {
        CpuTransformer.gelu(this, x, y);
    }

    @Override
    public void geluBackward(Tensor x, Tensor dy, Tensor dx) {
        CpuTransformer.geluBackward(this, x, dy, dx);
    }

    @Override
    public void layerNorm(Tensor x, Tensor gamma, Tensor beta, float eps, Tensor y, Tensor xhat, Tensor invStd) {
        CpuTransformer.layerNorm(this, x, gamma, beta, eps, y, xhat, invStd);
    }

    @Override
    public void layerNormBackward(Tensor dy, Tensor xhat, Tensor gamma, Tensor invStd, Tensor dx, Tensor dgamma, Tensor dbeta) {
        CpuTransformer.layerNormBackward(this, dy, xhat, gamma, invStd, dx, dgamma, dbeta);
    }

    @Override
    public void attention(Tensor qkv, int heads, int steps, boolean causal, Tensor keyMask, Tensor drop, Tensor probs, Tensor out) {
        CpuTransformer.attention(this, qkv, heads, steps, causal, keyMask, drop, probs, out);
    }

    @Override
    public void attentionBackward(Tensor qkv, Tensor probs, Tensor drop, int heads, int steps, Tensor dOut, Tensor dQkv) {
        CpuTransformer.attentionBackward(this, qkv, probs, drop, heads, steps, dOut, dQkv);
    }

    @Override
    public void embeddingLookup(Tensor ids, Tensor table, Tensor out) {
        CpuTransformer.embeddingLookup(this, ids, table, out);
    }

    @Override
    public void embeddingBackward(Tensor ids, Tensor dOut, Tensor dTable) {
        CpuTransformer.embeddingBackward(this, ids, dOut, dTable);
    }
}
