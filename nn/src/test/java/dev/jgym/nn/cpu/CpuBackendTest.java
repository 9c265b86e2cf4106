package dev.jgym.nn.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.nn.ActivationKind;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.Window2d;
import dev.jgym.core.rng.Rng;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The CPU backend against plain double-precision loops, and against itself across threads and kernels. */
class CpuBackendTest {
    static final CpuBackend ONE = new CpuBackend(1, true);
    static final CpuBackend TWO = new CpuBackend(2, true);
    static final CpuBackend THREE = new CpuBackend(3, true);
    static final CpuBackend SCALAR_TWO = new CpuBackend(2, false);

    @AfterAll
    static void close() {
        ONE.close();
        TWO.close();
        THREE.close();
        SCALAR_TWO.close();
    }

    static Tensor random(Rng rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) t.data()[i] = (float) rng.gaussian();
        return t;
    }

    /** C = alpha op(A) op(B) + beta C in double, the textbook triple loop. */
    static double[] naive(boolean ta, boolean tb, float alpha, Tensor a, Tensor b, float beta, Tensor c) {
        int m = c.rows(), n = c.cols(), k = ta ? a.rows() : a.cols();
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double av = ta ? a.data()[p * m + i] : a.data()[i * k + p];
                    double bv = tb ? b.data()[j * k + p] : b.data()[p * n + j];
                    s += av * bv;
                }
                out[i * n + j] = alpha * s + (beta == 0 ? 0 : beta * c.data()[i * n + j]);
            }
        }
        return out;
    }

    @Test
    @DisplayName("GEMM, all four transpose cases, odd sizes across the 64-row, 256-k and panel edges: within 1e-5 * sqrt(k) relative of a double triple loop")
    void gemmMatchesNaive() {
        Rng rng = new Rng(1);
        int[][] sizes = {{1, 1, 1}, {7, 13, 5}, {4, 48, 16}, {65, 200, 300}, {130, 97, 513}, {3, 1, 700}};
        for (int[] s : sizes) {
            int m = s[0], n = s[1], k = s[2];
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                Tensor a = ta ? random(rng, k, m) : random(rng, m, k);
                Tensor b = tb ? random(rng, n, k) : random(rng, k, n);
                Tensor c = random(rng, m, n);
                double[] want = naive(ta, tb, 0.5f, a, b, 2f, c);
                TWO.gemm(ta, tb, 0.5f, a, b, 2f, c);
                double tol = 1e-5 * Math.sqrt(k);
                for (int i = 0; i < want.length; i++) {
                    double err = Math.abs(c.data()[i] - want[i]) / (1 + Math.abs(want[i]));
                    assertTrue(err < tol, m + "x" + n + "x" + k + " ta=" + ta + " tb=" + tb + " at " + i + ": " + c.data()[i] + " vs " + want[i]);
                }
            }
        }
    }

    @Test
    @DisplayName("GEMM is bit-identical for 1, 2 and 3 threads and for the vector and scalar kernels")
    void gemmBitIdentical() {
        Rng rng = new Rng(2);
        int[][] sizes = {{5, 3, 2}, {129, 250, 700}, {300, 70, 64}, {64, 400, 1000}};
        for (int[] s : sizes) {
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                int m = s[0], n = s[1], k = s[2];
                Tensor a = ta ? random(rng, k, m) : random(rng, m, k);
                Tensor b = tb ? random(rng, n, k) : random(rng, k, n);
                Tensor c0 = random(rng, m, n);
                Tensor c1 = c0.copy(), c2 = c0.copy(), c3 = c0.copy(), c4 = c0.copy();
                ONE.gemm(ta, tb, 1.5f, a, b, 0.25f, c1);
                TWO.gemm(ta, tb, 1.5f, a, b, 0.25f, c2);
                THREE.gemm(ta, tb, 1.5f, a, b, 0.25f, c3);
                SCALAR_TWO.gemm(ta, tb, 1.5f, a, b, 0.25f, c4);
                String what = m + "x" + n + "x" + k + " ta=" + ta + " tb=" + tb;
                assertTrue(c1.bitEquals(c2), "1 vs 2 threads " + what);
                assertTrue(c1.bitEquals(c3), "1 vs 3 threads " + what);
                assertTrue(c1.bitEquals(c4), "vector vs scalar kernel " + what);
            }
        }
    }

    /** The kernels' contract, element by element: beta C, then per k-block of KC a float FMA chain from 0 in increasing k, added. */
    static float[] contract(boolean ta, boolean tb, float alpha, Tensor a, Tensor b, float beta, Tensor c) {
        int m = c.rows(), n = c.cols(), k = ta ? a.rows() : a.cols();
        float[] out = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float v = beta == 0 ? 0f : beta == 1 ? c.data()[i * n + j] : beta * c.data()[i * n + j];
                for (int k0 = 0; k0 < k; k0 += CpuBackend.KC) {
                    float s = 0f;
                    for (int p = k0; p < Math.min(k, k0 + CpuBackend.KC); p++) {
                        float av = ta ? a.data()[p * m + i] : a.data()[i * k + p];
                        float bv = tb ? b.data()[j * k + p] : b.data()[p * n + j];
                        s = Math.fma(alpha * av, bv, s);
                    }
                    v += s;
                }
                out[i * n + j] = v;
            }
        }
        return out;
    }

    @Test
    @DisplayName("GEMM, direct (small) and packed (large) paths, vector and scalar kernels, 1 and 2 threads: every bit as the FMA-chain contract")
    void gemmFollowsContractOnBothPaths() {
        Rng rng = new Rng(5);
        // DQN's shapes (64 x 64 x 64, batch 1, 2 actions), padding tails (n = 84, 120, 4), k past one block,
        // rows in the 12-row groups, a large-m direct product split across threads, and packed ones;
        // narrow C (lanes across rows): 1-4 columns, partial row vectors, k past one block, split across threads
        int[][] sizes = {{64, 64, 64}, {1, 64, 4}, {64, 2, 64}, {2, 64, 64}, {128, 120, 84}, {128, 84, 120}, {3, 4, 300},
                {61, 33, 129}, {37, 17, 5}, {700, 48, 40}, {130, 200, 300}, {1, 1, 1},
                {83, 1, 300}, {100, 3, 129}, {17, 4, 33}, {64, 2, 4}, {4100, 2, 130}};
        float[][] ab = {{1f, 0f}, {1f, 1f}, {0.5f, -2f}};
        for (int[] s : sizes) {
            int m = s[0], n = s[1], k = s[2];
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                Tensor a = ta ? random(rng, k, m) : random(rng, m, k);
                Tensor b = tb ? random(rng, n, k) : random(rng, k, n);
                Tensor c0 = random(rng, m, n);
                for (float[] albe : ab) {
                    float[] want = contract(ta, tb, albe[0], a, b, albe[1], c0);
                    for (CpuBackend be : new CpuBackend[] {ONE, TWO, SCALAR_TWO}) {
                        Tensor c = c0.copy();
                        be.gemm(ta, tb, albe[0], a, b, albe[1], c);
                        assertTrue(c.bitEquals(Tensor.of(want, m, n)), be.name() + " " + m + "x" + n + "x" + k + " ta=" + ta + " tb=" + tb
                                + " alpha=" + albe[0] + " beta=" + albe[1]);
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("a closed backend still computes (serially) and gives the same bits")
    void closedBackendStillComputes() {
        Rng rng = new Rng(4);
        Tensor a = random(rng, 100, 300), b = random(rng, 300, 200);
        Tensor open = Tensor.zeros(100, 200), closed = Tensor.zeros(100, 200);
        TWO.gemm(false, false, 1f, a, b, 0f, open);
        CpuBackend be = new CpuBackend(2);
        be.close();
        be.gemm(false, false, 1f, a, b, 0f, closed);
        assertTrue(open.bitEquals(closed));
    }

    @Test
    @DisplayName("GEMM with beta 0 ignores NaN in C (as BLAS)")
    void betaZeroIgnoresOldC() {
        Tensor a = Tensor.matrix(new float[][] {{1, 2}}), b = Tensor.matrix(new float[][] {{3}, {4}});
        Tensor c = Tensor.matrix(new float[][] {{Float.NaN}});
        ONE.gemm(false, false, 1f, a, b, 0f, c);
        assertEquals(11f, c.get(0, 0));
    }

    @Test
    @DisplayName("softmax(10, 2, 1) = (0.999541, 0.000335, 0.000123) to 6 decimals; softmax(1000, 1000) = (0.5, 0.5) without overflow")
    void softmaxReferenceValues() {
        // Reference: e^10 / (e^10 + e^2 + e^1) = 0.99954108..., e^2/... = 0.00033530..., e^1/... = 0.00012335...
        Tensor y = Tensor.zeros(1, 3);
        ONE.softmaxRows(Tensor.matrix(new float[][] {{10, 2, 1}}), y);
        assertEquals(0.999541, y.get(0, 0), 5e-7);
        assertEquals(0.000335, y.get(0, 1), 5e-7);
        assertEquals(0.000123, y.get(0, 2), 5e-7);
        Tensor z = Tensor.zeros(1, 2);
        ONE.softmaxRows(Tensor.matrix(new float[][] {{1000, 1000}}), z);
        assertEquals(0.5f, z.get(0, 0));
        assertEquals(0.5f, z.get(0, 1));
        Tensor grad = Tensor.zeros(1, 2);
        double loss = ONE.softmaxCrossEntropy(Tensor.matrix(new float[][] {{1000, -1000}}), Tensor.matrix(new float[][] {{0, 1}}), grad);
        assertEquals(2000.0, loss, 1e-9, "cross-entropy of a logit gap of 2000 is finite");
        assertTrue(Float.isFinite(grad.get(0, 0)) && Float.isFinite(grad.get(0, 1)));
    }

    @Test
    @DisplayName("elementwise, broadcast and reductions: bit-identical for 1 and 2 threads on 300k elements")
    void elementwiseBitIdentical() {
        Rng rng = new Rng(3);
        Tensor x = random(rng, 600, 500), y = random(rng, 600, 500), row = random(rng, 500);
        for (CpuBackend be : new CpuBackend[] {ONE, TWO}) assertTrue(be.threads() >= 1);
        Tensor[] out = new Tensor[2];
        CpuBackend[] bes = {ONE, TWO};
        for (int i = 0; i < 2; i++) {
            CpuBackend be = bes[i];
            Tensor t = Tensor.zeros(600, 500), s = Tensor.zeros(500), sm = Tensor.zeros(600, 500);
            be.add(x, y, t);
            be.addRowVector(t, row, t);
            for (ActivationKind k : ActivationKind.values()) be.activation(k, k.defaultParam(), t, t);
            be.sumRows(t, 0, s);
            be.softmaxRows(x, sm);
            Tensor all = Tensor.zeros(600 * 500 * 2 + 500);
            System.arraycopy(t.data(), 0, all.data(), 0, t.size());
            System.arraycopy(sm.data(), 0, all.data(), t.size(), sm.size());
            System.arraycopy(s.data(), 0, all.data(), 2 * t.size(), 500);
            out[i] = all;
        }
        assertTrue(out[0].bitEquals(out[1]));
    }

    @Test
    @DisplayName("activations and their derivatives: vector kernel = scalar loops bit for bit, NaN, infinities and signed zeros included")
    void activationsVectorEqualsScalar() {
        Rng rng = new Rng(6);
        int n = 1000; // not a multiple of the lanes: the tail runs the scalar loop
        Tensor x = random(rng, 10, n / 10), dy = random(rng, 10, n / 10);
        float[] special = {Float.NaN, -0f, 0f, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE};
        for (int i = 0; i < special.length; i++) {
            x.data()[i * 37] = special[i];
            dy.data()[i * 41 + 3] = special[i];
            x.data()[i * 41 + 3] = -1f;
        }
        for (ActivationKind k : ActivationKind.values()) {
            for (float param : new float[] {k.defaultParam(), 0f, 0.2f}) {
                Tensor[] y = new Tensor[2], dx = new Tensor[2];
                CpuBackend[] bes = {ONE, SCALAR_TWO};
                for (int b = 0; b < 2; b++) {
                    y[b] = Tensor.zeros(x.shape());
                    dx[b] = Tensor.zeros(x.shape());
                    bes[b].activation(k, param, x, y[b]);
                    bes[b].activationBackward(k, param, x, y[b], dy, dx[b]);
                }
                assertTrue(y[0].bitEquals(y[1]), k + " forward, param " + param);
                assertTrue(dx[0].bitEquals(dx[1]), k + " backward, param " + param);
            }
        }
    }

    @Test
    @DisplayName("attention forward and backward (causal, 3 heads of 12, 37 steps: no whole vectors of heads or steps): vector kernel = scalar loops bit for bit")
    void attentionVectorEqualsScalar() {
        Rng rng = new Rng(9);
        int steps = 37, heads = 3, width = 36, examples = 2;
        Tensor qkv = random(rng, examples * steps, 3 * width), dOut = random(rng, examples * steps, width);
        Tensor[] probs = new Tensor[2], out = new Tensor[2], dQkv = new Tensor[2];
        CpuBackend[] bes = {ONE, SCALAR_TWO};
        for (int b = 0; b < 2; b++) {
            probs[b] = Tensor.zeros(examples * heads * steps, steps);
            out[b] = Tensor.zeros(examples * steps, width);
            dQkv[b] = Tensor.zeros(qkv.shape());
            bes[b].attention(qkv, heads, steps, true, null, null, probs[b], out[b]);
            bes[b].attentionBackward(qkv, probs[b], null, heads, steps, dOut, dQkv[b]);
        }
        assertTrue(probs[0].bitEquals(probs[1]), "probabilities");
        assertTrue(out[0].bitEquals(out[1]), "output");
        assertTrue(dQkv[0].bitEquals(dQkv[1]), "gradient");
    }

    @Test
    @DisplayName("bias add and bias gradient (sum over rows, beta 0, 1 and 0.5): vector kernel = scalar loops bit for bit, odd widths")
    void biasOpsVectorEqualsScalar() {
        Rng rng = new Rng(7);
        for (int[] shape : new int[][] {{64, 64}, {33, 7}, {5, 300}, {128, 84}}) {
            Tensor x = random(rng, shape[0], shape[1]), row = random(rng, shape[1]), out0 = random(rng, shape[1]);
            x.data()[3] = -0f;
            x.data()[shape[1]] = Float.NaN;
            for (float beta : new float[] {0f, 1f, 0.5f}) {
                Tensor[] y = new Tensor[2], sums = new Tensor[2];
                CpuBackend[] bes = {ONE, SCALAR_TWO};
                for (int b = 0; b < 2; b++) {
                    y[b] = Tensor.zeros(x.shape());
                    bes[b].addRowVector(x, row, y[b]);
                    sums[b] = out0.copy();
                    bes[b].sumRows(x, beta, sums[b]);
                }
                String what = shape[0] + "x" + shape[1] + " beta " + beta;
                assertTrue(y[0].bitEquals(y[1]), "addRowVector " + what);
                assertTrue(sums[0].bitEquals(sums[1]), "sumRows " + what);
            }
        }
    }

    @Test
    @DisplayName("convolution (with and without ReLU, its three gradients) and max pooling (forward, backward, with ReLU; even and odd planes): vector kernel on 1 thread = scalar on 2, bit for bit, NaN, ties and signed zeros included")
    void convAndPoolingVectorEqualsScalar() {
        Rng rng = new Rng(12);
        // channels, height, width, filters, kernel, stride, padding: LeNet's two, AlphaZero's Connect Four, strided, odd
        int[][] convs = {{1, 28, 28, 8, 5, 1, 2}, {8, 14, 14, 16, 5, 1, 0}, {2, 6, 7, 32, 3, 1, 1}, {3, 9, 9, 5, 3, 2, 1}, {2, 7, 5, 3, 2, 1, 0}};
        for (int[] c : convs) {
            Window2d g = Window2d.square(c[0], c[1], c[2], c[4], c[5], c[6], 1);
            for (int batch : new int[] {1, 5, 37}) {
                Tensor x = random(rng, batch, g.inSize()), w = random(rng, c[3], g.patchSize()), b = random(rng, c[3]);
                Tensor dy = random(rng, batch, c[3] * g.outPlane());
                x.data()[0] = Float.NaN;
                x.data()[x.size() / 2] = -0f;
                dy.data()[1] = -0f;
                Tensor[][] got = new Tensor[2][];
                CpuBackend[] bes = {ONE, SCALAR_TWO};
                for (int k = 0; k < 2; k++) {
                    Tensor y = Tensor.zeros(batch, c[3] * g.outPlane()), yr = Tensor.zeros(y.shape()), dx = Tensor.zeros(x.shape());
                    Tensor dw = Tensor.zeros(w.shape()), db = Tensor.zeros(b.shape());
                    bes[k].conv2d(x, g, w, b, y);
                    bes[k].conv2dRelu(x, g, w, b, yr);
                    bes[k].conv2dBackward(x, g, w, dy, dx, dw, db);
                    got[k] = new Tensor[] {y, yr, dx, dw, db};
                }
                String[] names = {"y", "ReLU(y)", "dx", "dW", "db"};
                for (int i = 0; i < names.length; i++) {
                    assertTrue(got[0][i].bitEquals(got[1][i]), names[i] + " of conv " + java.util.Arrays.toString(c) + ", batch " + batch);
                }
            }
        }
        // channels, height, width, kernel: LeNet's two pools, odd sizes (the uncovered 2 x 2 path), a 3 x 3 window
        int[][] pools = {{8, 28, 28, 2}, {16, 10, 10, 2}, {3, 9, 7, 2}, {2, 9, 9, 3}};
        for (int[] p : pools) {
            Window2d g = Window2d.square(p[0], p[1], p[2], p[3], p[3], 0, 1);
            for (int batch : new int[] {1, 7}) {
                Tensor x = random(rng, batch, g.inSize()), dy = random(rng, batch, p[0] * g.outPlane());
                for (int i = 0; i < x.size(); i += 5) x.data()[i] = Math.max(0f, x.data()[i]); // ties at 0, as after a ReLU
                x.data()[3] = Float.NaN;
                x.data()[7] = -0f;
                x.data()[8] = 0f;
                dy.data()[2] = -0f;
                Tensor[][] got = new Tensor[2][];
                CpuBackend[] bes = {ONE, SCALAR_TWO};
                for (int k = 0; k < 2; k++) {
                    Tensor y = Tensor.zeros(batch, p[0] * g.outPlane()), dx = random(rng, x.shape()), dxr = random(rng, x.shape());
                    bes[k].maxPool2d(x, g, y);
                    bes[k].maxPool2dBackward(x, g, dy, dx);
                    bes[k].maxPool2dReluBackward(x, g, dy, dxr);
                    got[k] = new Tensor[] {y, dx, dxr};
                }
                String[] names = {"y", "dx", "dx with ReLU"};
                for (int i = 0; i < names.length; i++) {
                    assertTrue(got[0][i].bitEquals(got[1][i]), names[i] + " of max pool " + java.util.Arrays.toString(p) + ", batch " + batch);
                }
            }
        }
    }

    @Test
    @DisplayName("without --add-modules jdk.incubator.vector a JVM falls back to the scalar kernel and computes the same product")
    void scalarFallbackWithoutModule() throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), NoVectorMain.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        assertEquals("present=false vectorized=false 7.0,10.0,15.0,22.0", out);
    }

    @Test
    @DisplayName("transpose (B of A B^T for the direct and the narrow paths): the vector kernel's gathers and tails put every value where the scalar loop does, padding untouched")
    void transposeMovesEveryValue() {
        MicroKernel vector = Kernels.pick(true), scalar = Kernels.pick(false);
        Rng rng = new Rng(9);
        int[] sizes = {1, 7, 8, 15, 16, 17, 33, 48, 64, 100};
        for (int n : sizes) {
            for (int k : sizes) {
                float[] src = random(rng, n, k).data();
                int ldb = n + 3;
                float[] want = new float[k * ldb], got = new float[k * ldb];
                java.util.Arrays.fill(want, -7f);
                java.util.Arrays.fill(got, -7f);
                scalar.transpose(src, n, k, want, ldb);
                vector.transpose(src, n, k, got, ldb);
                assertTrue(java.util.Arrays.equals(want, got), vector.describe() + ": n=" + n + " k=" + k);
            }
        }
    }

    @Test
    @DisplayName("the vector kernel is used when the module is present (surefire passes --add-modules jdk.incubator.vector)")
    void vectorKernelDetected() {
        assertEquals(Kernels.vectorModulePresent(), ONE.vectorized(), ONE.name());
        assertTrue(!SCALAR_TWO.vectorized(), SCALAR_TWO.name());
    }
}
