package dev.jgym.nn.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jgym.nn.ActivationKind;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Param;
import dev.jgym.nn.PointLoss;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.nn.layers.Embedding;
import dev.jgym.nn.layers.TransformerBlock;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.testing.Prerequisites;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every kernel of the OpenCL backend held against the CPU backend (the reference) on random
 * inputs of awkward sizes (1, 7, 33, 257: none a multiple of the 64 x 64 GEMM tile or of the
 * 256-item work-group), each with its tolerance, and each test checking that the kernel ran on
 * OpenCL. One backend for the class: the kernel compiles once (1.5-3 s on PoCL).
 *
 * <p>Where no OpenCL platform exists the class is skipped with the reason, except when
 * {@code CI=true}: then the missing platform fails it (CI installs PoCL).
 *
 * <p>Notation: u = 2^-24, float32's unit roundoff.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenClBackendTest {
    static final double U = 0x1p-24;
    static final int[] SIZES = {1, 7, 33, 257};

    OpenClBackend cl;
    CpuBackend cpu;

    @BeforeAll
    void open() {
        List<OpenClDevices.Info> devices = OpenClDevices.list();
        if (devices.isEmpty()) Prerequisites.require(false, "no OpenCL platform (PoCL provides one; scripts/setup.sh installs it): " + OpenClDevices.whyNone());
        cl = new OpenClBackend(devices.get(0).device());
        cpu = new CpuBackend(2);
        System.out.println("OpenClBackendTest on " + cl.name());
    }

    @AfterAll
    void close() {
        if (cl != null) cl.close();
        if (cpu != null) cpu.close();
    }

    @AfterEach
    void ranOnOpenCl() {
        assertTrue(cl.ranOnOpenCl(), "the last kernel did not run on OpenCL");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    static Tensor random(Rng rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) t.data()[i] = (float) rng.gaussian();
        return t;
    }

    /** The OpenCL result, on the host. */
    Tensor host(Tensor t) {
        cl.toHost(t);
        return t;
    }

    /** |cl - cpu| <= abs + rel |cpu| per element; returns the largest difference. */
    static double assertClose(String what, Tensor expected, Tensor actual, double abs, double rel) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double worst = 0;
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.data()[i], a = actual.data()[i], d = Math.abs(e - a);
            worst = Math.max(worst, d);
            if (!(d <= abs + rel * Math.abs(e))) fail(what + ": element " + i + " cpu " + e + ", opencl " + a + " (|d| " + d + ")");
        }
        return worst;
    }

    static Tensor abs(Tensor t) {
        Tensor a = t.copy();
        for (int i = 0; i < a.size(); i++) a.data()[i] = Math.abs(a.data()[i]);
        return a;
    }

    // ---- GEMM ------------------------------------------------------------------------------------

    @Test
    @DisplayName("gemm, all four transpose cases, m, n, k in {1, 7, 33, 257}, beta 0 and 0.5: |cl - cpu| <= 2 (k + 2) u (|alpha| |A||B| + |beta C|) per element")
    void gemmMatchesCpu() {
        Rng rng = new Rng(1);
        double worstRel = 0;
        for (int m : SIZES) for (int n : SIZES) for (int k : SIZES) {
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                float beta = (m + n + k + t) % 2 == 0 ? 0f : 0.5f;
                Tensor a = ta ? random(rng, k, m) : random(rng, m, k);
                Tensor b = tb ? random(rng, n, k) : random(rng, k, n);
                Tensor c0 = random(rng, m, n);
                Tensor expected = c0.copy(), actual = c0.copy();
                cpu.gemm(ta, tb, 1.5f, a, b, beta, expected);
                cl.gemm(ta, tb, 1.5f, a, b, beta, actual);
                host(actual);
                Tensor bound = Tensor.zeros(m, n);
                cpu.gemm(ta, tb, 1.5f, abs(a), abs(b), 0f, bound);
                for (int i = 0; i < bound.size(); i++) {
                    double tol = 2 * (k + 2) * U * (bound.data()[i] + Math.abs(beta * c0.data()[i])) + 1e-30;
                    double d = Math.abs(expected.data()[i] - actual.data()[i]);
                    if (!(d <= tol)) {
                        fail("gemm " + m + "x" + n + "x" + k + " transA " + ta + " transB " + tb + " element " + i + ": cpu "
                                + expected.data()[i] + ", opencl " + actual.data()[i] + ", tolerance " + tol);
                    }
                    worstRel = Math.max(worstRel, d / Math.max(1e-30, bound.data()[i]));
                }
            }
        }
        System.out.printf("gemm: worst |cl - cpu| / (|A||B|) = %.2e (k u at k = 257 is %.2e)%n", worstRel, 257 * U);
    }

    @Test
    @DisplayName("gemm with beta 0 ignores C's old values (NaNs included), as the CPU does")
    void gemmBetaZeroIgnoresOldValues() {
        Rng rng = new Rng(2);
        Tensor a = random(rng, 7, 33), b = random(rng, 33, 7), c = Tensor.zeros(7, 7), expected = Tensor.zeros(7, 7);
        c.fill(Float.NaN);
        cl.hostChanged(c);
        cl.gemm(false, false, 1f, a, b, 0f, c);
        cpu.gemm(false, false, 1f, a, b, 0f, expected);
        assertClose("gemm beta 0", expected, host(c), 1e-5, 1e-5);
    }

    // ---- elementwise -------------------------------------------------------------------------------

    @Test
    @DisplayName("add, sub, mul, scale, fill, addRowVector: bit-equal to the CPU (one rounding each); axpy within 2 u (|y| + |alpha x|) (the device may fuse it into one FMA)")
    void elementwiseMatchesCpu() {
        Rng rng = new Rng(3);
        for (int rows : SIZES) for (int cols : new int[] {1, 7, 257}) {
            Tensor a = random(rng, rows, cols), b = random(rng, rows, cols), row = random(rng, cols);
            Tensor e = Tensor.zeros(rows, cols), g = Tensor.zeros(rows, cols);
            cpu.add(a, b, e); cl.add(a, b, g);
            assertTrue(e.bitEquals(host(g)), "add");
            cpu.sub(a, b, e); cl.sub(a, b, g);
            assertTrue(e.bitEquals(host(g)), "sub");
            cpu.mul(a, b, e); cl.mul(a, b, g);
            assertTrue(e.bitEquals(host(g)), "mul");
            cpu.scale(a, -0.3f, e); cl.scale(a, -0.3f, g);
            assertTrue(e.bitEquals(host(g)), "scale");
            cpu.addRowVector(a, row, e); cl.addRowVector(a, row, g);
            assertTrue(e.bitEquals(host(g)), "addRowVector");
            cpu.fill(e, 2.5f); cl.fill(g, 2.5f);
            assertTrue(e.bitEquals(host(g)), "fill");
            Tensor ye = b.copy(), yg = b.copy();
            cpu.axpy(0.7f, a, ye); cl.axpy(0.7f, a, yg);
            host(yg);
            for (int i = 0; i < ye.size(); i++) {
                double tol = 2 * U * (Math.abs(b.data()[i]) + Math.abs(0.7f * a.data()[i]));
                assertTrue(Math.abs(ye.data()[i] - yg.data()[i]) <= tol, "axpy element " + i);
            }
        }
    }

    @Test
    @DisplayName("sumRows (beta 0 and 1): |cl - cpu| <= rows u sum|x| + u |out| per column (float on the device, double on the CPU)")
    void sumRowsMatchesCpu() {
        Rng rng = new Rng(4);
        for (int rows : SIZES) for (int cols : SIZES) {
            Tensor x = random(rng, rows, cols), start = random(rng, cols);
            for (float beta : new float[] {0f, 1f}) {
                Tensor e = start.copy(), g = start.copy();
                cpu.sumRows(x, beta, e);
                cl.sumRows(x, beta, g);
                host(g);
                Tensor bound = Tensor.zeros(cols);
                cpu.sumRows(abs(x), 0f, bound);
                for (int j = 0; j < cols; j++) {
                    double tol = rows * U * (bound.data()[j] + Math.abs(start.data()[j])) + U * Math.abs(e.data()[j]) + 1e-30;
                    assertTrue(Math.abs(e.data()[j] - g.data()[j]) <= tol, "sumRows " + rows + "x" + cols + " column " + j);
                }
            }
        }
    }

    // ---- reductions --------------------------------------------------------------------------------

    @Test
    @DisplayName("sum, sumSquares, addSumSquares within 1e-6 of sum|x| (resp. sum x^2); argmaxRows identical")
    void reductionsMatchCpu() {
        Rng rng = new Rng(5);
        for (int n : new int[] {1, 7, 33, 257, 70_001}) {
            Tensor x = random(rng, n);
            double scale = cpu.sum(abs(x)), squares = cpu.sumSquares(x);
            assertEquals(cpu.sum(x), cl.sum(x), 1e-6 * scale + 1e-30, "sum of " + n);
            assertEquals(squares, cl.sumSquares(x), 1e-6 * squares, "sumSquares of " + n);
            assertEquals(cpu.addSumSquares(3.0, x), cl.addSumSquares(3.0, x), 1e-6 * (squares + 3), "addSumSquares of " + n);
        }
        for (int rows : SIZES) for (int cols : SIZES) {
            Tensor x = random(rng, rows, cols);
            assertArrayEquals(cpu.argmaxRows(x), cl.argmaxRows(x), "argmax " + rows + "x" + cols);
        }
    }

    // ---- activations, softmax ----------------------------------------------------------------------

    @Test
    @DisplayName("every activation, forward and backward: |cl - cpu| <= 1e-6 + 1e-5 |cpu| (device exp/tanh are within a few ulp)")
    void activationsMatchCpu() {
        Rng rng = new Rng(6);
        for (ActivationKind kind : ActivationKind.values()) {
            for (int rows : new int[] {1, 33}) for (int cols : new int[] {7, 257}) {
                Tensor x = random(rng, rows, cols), dy = random(rng, rows, cols);
                float p = kind.defaultParam() == 0 ? 0 : kind.defaultParam() * 1.5f;
                Tensor ye = Tensor.zeros(rows, cols), yg = Tensor.zeros(rows, cols);
                cpu.activation(kind, p, x, ye);
                cl.activation(kind, p, x, yg);
                assertClose(kind + " forward", ye, host(yg), 1e-6, 1e-5);
                Tensor de = Tensor.zeros(rows, cols), dg = Tensor.zeros(rows, cols);
                cpu.activationBackward(kind, p, x, ye, dy, de);
                cl.activationBackward(kind, p, x, yg, dy, dg);
                assertClose(kind + " backward", de, host(dg), 1e-6, 1e-5);
            }
        }
    }

    @Test
    @DisplayName("softmax rows and its backward: |cl - cpu| <= 1e-6 + 1e-5 |cpu|")
    void softmaxMatchesCpu() {
        Rng rng = new Rng(7);
        for (int rows : SIZES) for (int cols : SIZES) {
            Tensor x = random(rng, rows, cols), dy = random(rng, rows, cols);
            for (int i = 0; i < x.size(); i++) x.data()[i] *= 4;
            Tensor ye = Tensor.zeros(rows, cols), yg = Tensor.zeros(rows, cols);
            cpu.softmaxRows(x, ye);
            cl.softmaxRows(x, yg);
            assertClose("softmax", ye, host(yg), 1e-6, 1e-5);
            Tensor de = Tensor.zeros(rows, cols), dg = Tensor.zeros(rows, cols);
            cpu.softmaxBackward(ye, dy, de);
            cl.softmaxBackward(ye, dy, dg);
            assertClose("softmax backward", de, host(dg), 1e-6, 1e-5);
        }
    }

    // ---- losses --------------------------------------------------------------------------------------

    @Test
    @DisplayName("softmax cross-entropy (one-hot and soft targets): loss within 1e-5 relative, gradient within 1e-6 + 1e-5 |cpu|")
    void crossEntropyMatchesCpu() {
        Rng rng = new Rng(8);
        for (int rows : SIZES) for (int cols : new int[] {1, 7, 33}) {
            Tensor logits = random(rng, rows, cols), target = Tensor.zeros(rows, cols);
            for (int i = 0; i < rows; i++) {
                if (i % 2 == 0) {
                    target.data()[i * cols + rng.nextInt(cols)] = 1f;
                } else {
                    for (int j = 0; j < cols; j++) target.data()[i * cols + j] = 1f / cols;
                }
            }
            Tensor ge = Tensor.zeros(rows, cols), gg = Tensor.zeros(rows, cols);
            double le = cpu.softmaxCrossEntropy(logits, target, ge), lg = cl.softmaxCrossEntropy(logits, target, gg);
            assertEquals(le, lg, 1e-5 * Math.max(1, Math.abs(le)), "loss " + rows + "x" + cols);
            assertClose("cross-entropy gradient", ge, host(gg), 1e-6, 1e-5);
            assertEquals(le, cl.softmaxCrossEntropy(logits, target, null), 1e-5 * Math.max(1, Math.abs(le)), "loss without gradient");
        }
    }

    @Test
    @DisplayName("MSE, L1, Huber (delta 0.7), BCE with logits: loss within 1e-5 relative, gradient within 1e-6 + 1e-5 |cpu|")
    void pointwiseLossesMatchCpu() {
        Rng rng = new Rng(9);
        for (PointLoss kind : PointLoss.values()) {
            for (int n : SIZES) {
                Tensor p = random(rng, n, 3), t = random(rng, n, 3);
                if (kind == PointLoss.BCE_WITH_LOGITS) for (int i = 0; i < t.size(); i++) t.data()[i] = rng.nextFloat();
                Tensor ge = Tensor.zeros(n, 3), gg = Tensor.zeros(n, 3);
                double le = cpu.pointwiseLoss(kind, 0.7f, p, t, ge), lg = cl.pointwiseLoss(kind, 0.7f, p, t, gg);
                assertEquals(le, lg, 1e-5 * Math.max(1, Math.abs(le)), kind + " loss, n " + n);
                assertClose(kind + " gradient", ge, host(gg), 1e-6, 1e-5);
            }
        }
    }

    // ---- batch normalisation ------------------------------------------------------------------------

    @Test
    @DisplayName("batch norm train, eval and backward: every output within 1e-5 + 1e-4 |cpu| (float statistics on the device)")
    void batchNormMatchesCpu() {
        Rng rng = new Rng(10);
        for (int rows : new int[] {2, 7, 33, 257}) for (int cols : new int[] {1, 7, 33}) {
            Tensor x = random(rng, rows, cols), gamma = random(rng, cols), beta = random(rng, cols), dy = random(rng, rows, cols);
            Tensor[] e = {Tensor.zeros(rows, cols), Tensor.zeros(rows, cols), Tensor.zeros(cols), Tensor.zeros(cols), Tensor.zeros(cols)};
            Tensor[] g = {Tensor.zeros(rows, cols), Tensor.zeros(rows, cols), Tensor.zeros(cols), Tensor.zeros(cols), Tensor.zeros(cols)};
            cpu.batchNormTrain(x, gamma, beta, 1e-5f, e[0], e[1], e[2], e[3], e[4]);
            cl.batchNormTrain(x, gamma, beta, 1e-5f, g[0], g[1], g[2], g[3], g[4]);
            String[] names = {"y", "xhat", "mean", "var", "invStd"};
            for (int i = 0; i < 5; i++) assertClose("batchNormTrain " + names[i], e[i], host(g[i]), 1e-5, 1e-4);
            Tensor ye = Tensor.zeros(rows, cols), yg = Tensor.zeros(rows, cols);
            cpu.batchNormEval(x, gamma, beta, e[2], e[3], 1e-5f, ye);
            cl.batchNormEval(x, gamma, beta, e[2], e[3], 1e-5f, yg);
            assertClose("batchNormEval", ye, host(yg), 1e-5, 1e-4);
            Tensor dxe = Tensor.zeros(rows, cols), dxg = Tensor.zeros(rows, cols);
            Tensor dge = random(rng, cols), dbe = random(rng, cols), dgg = dge.copy(), dbg = dbe.copy();
            cpu.batchNormBackward(dy, e[1], gamma, e[4], dxe, dge, dbe);
            cl.batchNormBackward(dy, e[1], gamma, e[4], dxg, dgg, dbg);
            assertClose("batchNormBackward dx", dxe, host(dxg), 1e-4, 1e-4);
            assertClose("batchNormBackward dgamma", dge, host(dgg), 1e-4, 1e-4);
            assertClose("batchNormBackward dbeta", dbe, host(dbg), 1e-4, 1e-4);
        }
    }

    // ---- optimizer updates -----------------------------------------------------------------------------

    interface Update {
        void apply(Backend be, Tensor w, Tensor g, Tensor s1, Tensor s2, long t);
    }

    @Test
    @DisplayName("SGD, momentum, Nesterov, RMSProp, Adam, AdamW: 5 updates of 257 and 70,001 weights within 1e-6 + 1e-5 |cpu| (float on the device, double on the CPU)")
    void optimizerUpdatesMatchCpu() {
        Update[] updates = {
            (be, w, g, s1, s2, t) -> be.sgdUpdate(w, g, null, 0.1, 0, false, 1e-3),
            (be, w, g, s1, s2, t) -> be.sgdUpdate(w, g, s1, 0.1, 0.9, false, 1e-3),
            (be, w, g, s1, s2, t) -> be.sgdUpdate(w, g, s1, 0.1, 0.9, true, 0),
            (be, w, g, s1, s2, t) -> be.rmsPropUpdate(w, g, s1, 0.01, 0.99, 1e-8, 1e-4),
            (be, w, g, s1, s2, t) -> be.adamUpdate(w, g, s1, s2, 1e-3, 0.9, 0.999, 1e-8, 0, false, t),
            (be, w, g, s1, s2, t) -> be.adamUpdate(w, g, s1, s2, 1e-3, 0.9, 0.999, 1e-8, 0.01, true, t),
        };
        String[] names = {"sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw"};
        Rng rng = new Rng(11);
        for (int u = 0; u < updates.length; u++) {
            for (int n : new int[] {257, 70_001}) {
                Tensor we = random(rng, n), wg = we.copy();
                Tensor ae = Tensor.zeros(n), be = Tensor.zeros(n), ag = Tensor.zeros(n), bg = Tensor.zeros(n);
                for (int t = 1; t <= 5; t++) {
                    Tensor g = random(rng, n);
                    updates[u].apply(cpu, we, g, ae, be, t);
                    updates[u].apply(cl, wg, g, ag, bg, t);
                }
                assertClose(names[u] + " weights, n " + n, we, host(wg), 1e-6, 1e-5);
                assertClose(names[u] + " state, n " + n, ae, host(ag), 1e-6, 1e-5);
            }
        }
    }

    // ---- memory and transfers --------------------------------------------------------------------------

    @Test
    @DisplayName("a tensor is uploaded once and downloaded only by toHost; hostChanged sends it again; the heap grows and keeps values")
    void transfersAreExplicit() {
        Rng rng = new Rng(12);
        Tensor x = random(rng, 33, 7), y = Tensor.zeros(33, 7);
        TransferStats before = cl.transfers();
        for (int i = 0; i < 5; i++) cl.scale(x, 2f, y);
        TransferStats after = cl.transfers().minus(before);
        assertEquals(1, after.uploads(), "x uploaded once, y never (an output)");
        assertEquals(0, after.downloads());
        assertEquals(1, cl.transfers(x));
        cl.toHost(y);
        cl.toHost(y);
        assertEquals(1, cl.transfers(y), "one download, however often toHost is called");
        assertEquals(2 * x.data()[5], y.data()[5]);
        x.data()[5] = 100f;
        cl.hostChanged(x);
        cl.scale(x, 2f, y);
        assertEquals(200f, host(y).data()[5]);
        assertEquals(2, cl.transfers(x));

        try (OpenClBackend small = new OpenClBackend(cl.device(), 64)) {
            Tensor a = random(rng, 33, 7), b = Tensor.zeros(33, 7), c = Tensor.zeros(257, 7);
            small.scale(a, 3f, b);
            small.fill(c, 1f);
            assertTrue(small.heapFloats() >= 33 * 7 + 257 * 7, "heap grew to " + small.heapFloats());
            small.toHost(b);
            for (int i = 0; i < a.size(); i++) assertEquals(3f * a.data()[i], b.data()[i]);
            assertTrue(small.ranOnOpenCl());
        }
    }

    @Test
    @DisplayName("a kernel Aparapi cannot translate (a switch) falls back to Java threads: the check turns that into an error naming the device")
    void fallbackIsAnError() {
        SwitchKernel k = new SwitchKernel();
        try {
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> OpenClBackend.executeOnOpenCl(k, com.aparapi.Range.create(cl.device(), 4, 4), cl.device()));
            assertTrue(e.getMessage().contains(cl.device().getName().trim()), e.getMessage());
            assertTrue(e.getMessage().contains("did not run on OpenCL"), e.getMessage());
        } finally {
            k.dispose();
        }
        cl.fill(Tensor.zeros(3), 0f);
    }


    // ---- GELU, layer norm, attention, embeddings (the attention issue) ---------------------------
    // The kernels sum in float (the CPU in double where it reduces), hence tolerances of a few 1e-6
    // relative; sizes: 7 steps, 3 heads of 5, 257 columns, none a multiple of a work-group.

    @Test
    @DisplayName("GELU and its backward on 257 x 7 values in [-6, 6]: |cl - cpu| <= 1e-6 + 1e-5 |cpu|")
    void geluMatchesCpu() {
        Rng rng = new Rng(1);
        Tensor x = random(rng, 257, 7), dy = random(rng, 257, 7);
        for (int i = 0; i < x.size(); i++) x.data()[i] *= 2.5f;
        Tensor y0 = Tensor.zeros(x.shape()), y1 = Tensor.zeros(x.shape()), d0 = Tensor.zeros(x.shape()), d1 = Tensor.zeros(x.shape());
        cpu.gelu(x, y0);
        cl.gelu(x, y1);
        assertClose("gelu", y0, host(y1), 1e-6, 1e-5);
        cpu.geluBackward(x, dy, d0);
        cl.geluBackward(x, dy, d1);
        assertClose("geluBackward", d0, host(d1), 1e-6, 1e-5);
    }

    @Test
    @DisplayName("layer norm and its backward (33 rows x 257 columns, 7 x 7, 1 x 1), parameter gradients added to old values: |cl - cpu| <= 1e-5 + 1e-4 |cpu|")
    void layerNormMatchesCpu() {
        Rng rng = new Rng(2);
        for (int[] s : new int[][] {{33, 257}, {7, 7}, {1, 1}}) {
            int r = s[0], c = s[1];
            Tensor x = random(rng, r, c), g = random(rng, c), b = random(rng, c), dy = random(rng, r, c);
            Tensor[] cpuOut = {Tensor.zeros(r, c), Tensor.zeros(r, c), Tensor.zeros(r), Tensor.zeros(r, c), random(rng, c), random(rng, c)};
            Tensor[] clOut = new Tensor[cpuOut.length];
            for (int i = 0; i < clOut.length; i++) clOut[i] = cpuOut[i].copy();
            cpu.layerNorm(x, g, b, 1e-5f, cpuOut[0], cpuOut[1], cpuOut[2]);
            cl.layerNorm(x, g, b, 1e-5f, clOut[0], clOut[1], clOut[2]);
            cpu.layerNormBackward(dy, cpuOut[1], g, cpuOut[2], cpuOut[3], cpuOut[4], cpuOut[5]);
            cl.layerNormBackward(dy, clOut[1], g, clOut[2], clOut[3], clOut[4], clOut[5]);
            String[] names = {"y", "xhat", "invStd", "dx", "dgamma", "dbeta"};
            for (int i = 0; i < names.length; i++) assertClose("layerNorm " + r + "x" + c + " " + names[i], cpuOut[i], host(clOut[i]), 1e-5, 1e-4);
        }
    }

    @ParameterizedTest(name = "causal {0}, padding {1}, dropout {2}")
    @CsvSource({"false,false,false", "true,false,false", "true,true,false", "false,true,true", "true,true,true"})
    @DisplayName("attention and its backward (3 examples, 7 steps, 3 heads of 5; masks with a query that sees no key): |cl - cpu| <= 1e-5 + 1e-4 |cpu|")
    void attentionMatchesCpu(boolean causal, boolean padded, boolean dropped) {
        Rng rng = new Rng(3);
        int n = 3, t = 7, heads = 3, d = 15;
        Tensor qkv = random(rng, n * t, 3 * d), dOut = random(rng, n * t, d);
        Tensor mask = null;
        if (padded) {
            mask = Tensor.zeros(n, t);
            int[][] real = {{0, 7}, {0, 4}, {2, 7}};
            for (int e = 0; e < n; e++) for (int j = real[e][0]; j < real[e][1]; j++) mask.data()[e * t + j] = 1f;
        }
        Tensor drop = null;
        if (dropped) {
            drop = Tensor.zeros(n * heads, t * t);
            for (int i = 0; i < drop.size(); i++) drop.data()[i] = rng.nextFloat() < 0.2 ? 0f : 1.25f;
        }
        Tensor p0 = Tensor.zeros(n * heads, t * t), p1 = p0.copy(), o0 = Tensor.zeros(n * t, d), o1 = o0.copy();
        cpu.attention(qkv, heads, t, causal, mask, drop, p0, o0);
        cl.attention(qkv, heads, t, causal, mask, drop, p1, o1);
        assertClose("probs", p0, host(p1), 1e-5, 1e-4);
        assertClose("out", o0, host(o1), 1e-5, 1e-4);
        Tensor g0 = Tensor.zeros(qkv.shape()), g1 = random(rng, qkv.shape());
        cpu.attentionBackward(qkv, p0, drop, heads, t, dOut, g0);
        cl.attentionBackward(qkv, p1, drop, heads, t, dOut, g1);
        assertClose("dqkv", g0, host(g1), 1e-5, 1e-4);
    }

    @Test
    @DisplayName("embedding lookup and its backward (vocab 33, width 7, 3 x 7 ids with repeats; gradient added to old values): equal to the CPU's within 1e-6")
    void embeddingMatchesCpu() {
        Rng rng = new Rng(4);
        Tensor table = random(rng, 33, 7), dOut = random(rng, 21, 7), ids = Tensor.zeros(21);
        for (int r = 0; r < 21; r++) ids.data()[r] = rng.nextInt(5) * 7 % 33;
        Tensor o0 = Tensor.zeros(21, 7), o1 = o0.copy(), d0 = random(rng, 33, 7), d1 = d0.copy();
        cpu.embeddingLookup(ids, table, o0);
        cl.embeddingLookup(ids, table, o1);
        assertClose("lookup", o0, host(o1), 0, 0);
        cpu.embeddingBackward(ids, dOut, d0);
        cl.embeddingBackward(ids, dOut, d1);
        assertClose("backward", d0, host(d1), 1e-6, 1e-6);
    }

    @Test
    @DisplayName("a learned-position embedding and a causal block (width 15, 3 heads, 7 steps, MLP 33) on OpenCL: output and every parameter gradient within 1e-4 + 1e-3 |cpu| of the CPU's")
    void blockMatchesCpu() {
        Tensor ids = Tensor.zeros(5, 7);
        Rng rng = new Rng(5);
        for (int i = 0; i < ids.size(); i++) ids.data()[i] = rng.nextInt(11);
        Tensor dy = random(rng, 5, 7 * 15);
        Tensor[] ys = new Tensor[2];
        List<List<Param>> params = new java.util.ArrayList<>();
        int b = 0;
        for (dev.jgym.nn.Backend be : new dev.jgym.nn.Backend[] {cpu, cl}) {
            Embedding e = new Embedding(be, 11, 15, 7, Embedding.Positions.LEARNED, 9, new Rng(6));
            TransformerBlock block = new TransformerBlock(be, 15, 3, 7, 33, true, 0, new Rng(7));
            ys[b] = block.forward(e.forward(ids));
            e.backward(block.backward(dy), false);
            List<Param> ps = new java.util.ArrayList<>(e.params());
            ps.addAll(block.params());
            for (Param p : ps) be.toHost(p.grad());
            be.toHost(ys[b]);
            params.add(ps);
            b++;
        }
        assertClose("block output", ys[0], ys[1], 1e-4, 1e-3);
        for (int i = 0; i < params.get(0).size(); i++) {
            assertClose(params.get(0).get(i).name(), params.get(0).get(i).grad(), params.get(1).get(i).grad(), 1e-4, 1e-3);
        }
    }
}
