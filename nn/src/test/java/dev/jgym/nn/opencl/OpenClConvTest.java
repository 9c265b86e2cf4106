package dev.jgym.nn.opencl;

import static dev.jgym.nn.opencl.OpenClBackendTest.U;
import static dev.jgym.nn.opencl.OpenClBackendTest.abs;
import static dev.jgym.nn.opencl.OpenClBackendTest.assertClose;
import static dev.jgym.nn.opencl.OpenClBackendTest.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jgym.nn.Tensor;
import dev.jgym.nn.Window2d;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.testing.Prerequisites;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The convolution-family operations of the OpenCL backend (conv2d, pooling, LRN, batch norm 2d,
 * column blocks, row selection, LSTM and GRU cells) held against the CPU backend (the reference) on awkward
 * geometries: odd sizes, rectangular kernels, stride, padding and dilation, windows that hang
 * over the edge, batches of 1 and 5. Each test checks that the kernel ran on OpenCL.
 *
 * <p>Sums are bounded the way {@link OpenClBackendTest} bounds GEMM: with t terms the float result
 * is within {@code 2 (t + 2) u sum|terms|} of the CPU's, and {@code sum|terms|} is the same
 * operation run on the CPU with absolute values (u = 2^-24).
 *
 * <p>Skipped with the reason where no OpenCL platform exists, failing when {@code CI=true}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenClConvTest {
    /** Awkward windows: channels, height, width, kernel h x w, stride, padding, dilation. */
    static final List<Window2d> WINDOWS = List.of(
            new Window2d(1, 1, 1, 1, 1, 1, 0, 1),
            new Window2d(3, 7, 5, 3, 3, 1, 1, 1),
            new Window2d(2, 9, 11, 3, 2, 2, 1, 1),
            new Window2d(3, 8, 8, 2, 2, 2, 0, 1),
            new Window2d(1, 13, 10, 3, 5, 3, 2, 2),
            new Window2d(4, 6, 6, 3, 3, 1, 0, 2));
    static final int[] BATCHES = {1, 5};

    OpenClBackend cl;
    CpuBackend cpu;

    @BeforeAll
    void open() {
        List<OpenClDevices.Info> devices = OpenClDevices.list();
        if (devices.isEmpty()) Prerequisites.require(false, "no OpenCL platform (PoCL provides one; scripts/setup.sh installs it): " + OpenClDevices.whyNone());
        cl = new OpenClBackend(devices.get(0).device());
        cpu = new CpuBackend(2);
        System.out.println("OpenClConvTest on " + cl.name());
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

    Tensor host(Tensor t) {
        cl.toHost(t);
        return t;
    }

    /** Per element: |cl - cpu| <= 2 (terms + 2) u bound. */
    static void assertWithinBound(String what, Tensor expected, Tensor actual, Tensor bound, int terms) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        for (int i = 0; i < expected.size(); i++) {
            double tol = 2.0 * (terms + 2) * U * bound.data()[i] + 1e-30;
            double d = Math.abs(expected.data()[i] - actual.data()[i]);
            if (!(d <= tol)) fail(what + ": element " + i + " cpu " + expected.data()[i] + ", opencl " + actual.data()[i] + " (|d| " + d + " > " + tol + ")");
        }
    }

    @Test
    @DisplayName("conv2d forward (with and without bias) and backward (dx, dWeight, dBias added to old values) on 6 awkward windows x batch 1, 5 with 1 and 4 filters: within 2 (t + 2) u sum|terms|")
    void conv2dMatchesCpu() {
        Rng rng = new Rng(11);
        for (Window2d g : WINDOWS) for (int batch : BATCHES) for (int filters : new int[] {1, 4}) {
            String at = g + " batch " + batch + " filters " + filters;
            int k = g.patchSize(), outCols = filters * g.outPlane();
            Tensor x = random(rng, batch, g.inSize()), w = random(rng, filters, k), bias = random(rng, filters);
            boolean withBias = (batch + filters) % 2 == 1;
            Tensor b = withBias ? bias : null, absB = withBias ? abs(bias) : null;
            Tensor expected = Tensor.zeros(batch, outCols), actual = Tensor.zeros(batch, outCols), bound = Tensor.zeros(batch, outCols);
            cpu.conv2d(x, g, w, b, expected);
            cl.conv2d(x, g, w, b, actual);
            cpu.conv2d(abs(x), g, abs(w), absB, bound);
            assertWithinBound("conv2d " + at, expected, host(actual), bound, k + 1);

            Tensor dy = random(rng, batch, outCols);
            Tensor dw0 = random(rng, filters, k), db0 = random(rng, filters);
            Tensor dxE = Tensor.zeros(batch, g.inSize()), dxA = Tensor.zeros(batch, g.inSize()), dxB = Tensor.zeros(batch, g.inSize());
            Tensor dwE = dw0.copy(), dwA = dw0.copy(), dwB = abs(dw0);
            Tensor dbE = db0.copy(), dbA = db0.copy(), dbB = abs(db0);
            cpu.conv2dBackward(x, g, w, dy, dxE, dwE, dbE);
            cl.conv2dBackward(x, g, w, dy, dxA, dwA, dbA);
            cpu.conv2dBackward(abs(x), g, abs(w), abs(dy), dxB, dwB, dbB);
            int terms = batch * g.outPlane();
            assertWithinBound("conv2d dx " + at, dxE, host(dxA), dxB, filters * k);
            assertWithinBound("conv2d dWeight " + at, dwE, host(dwA), dwB, terms + 1);
            assertWithinBound("conv2d dBias " + at, dbE, host(dbA), dbB, terms + 1);
        }
    }

    @Test
    @DisplayName("conv2dBackward with dx and dBias null leaves them alone and still adds dWeight")
    void conv2dBackwardWithoutDxOrBias() {
        Rng rng = new Rng(12);
        Window2d g = WINDOWS.get(2);
        Tensor x = random(rng, 3, g.inSize()), w = random(rng, 2, g.patchSize()), dy = random(rng, 3, 2 * g.outPlane());
        Tensor dwE = Tensor.zeros(2, g.patchSize()), dwA = Tensor.zeros(2, g.patchSize()), dwB = Tensor.zeros(2, g.patchSize());
        cpu.conv2dBackward(x, g, w, dy, null, dwE, null);
        cl.conv2dBackward(x, g, w, dy, null, dwA, null);
        cpu.conv2dBackward(abs(x), g, abs(w), abs(dy), null, dwB, null);
        assertWithinBound("conv2d dWeight", dwE, host(dwA), dwB, 3 * g.outPlane() + 1);
    }

    @Test
    @DisplayName("max pooling forward bit-equal, backward within 2 (t + 2) u sum|dy| (t windows per input); ties on small-integer inputs go to the first maximum as on the CPU")
    void maxPoolMatchesCpu() {
        Rng rng = new Rng(13);
        for (Window2d g : WINDOWS) for (int batch : BATCHES) for (int ties = 0; ties < 2; ties++) {
            String at = g + " batch " + batch + (ties == 1 ? " with ties" : "");
            Tensor x = random(rng, batch, g.inSize());
            if (ties == 1) for (int i = 0; i < x.size(); i++) x.data()[i] = Math.round(x.data()[i]);
            int outCols = g.channels() * g.outPlane();
            Tensor expected = Tensor.zeros(batch, outCols), actual = Tensor.zeros(batch, outCols);
            cpu.maxPool2d(x, g, expected);
            cl.maxPool2d(x, g, actual);
            assertArrayEquals(expected.data(), host(actual).data(), "maxPool2d " + at);

            Tensor dy = random(rng, batch, outCols);
            Tensor dxE = Tensor.zeros(batch, g.inSize()), dxA = Tensor.zeros(batch, g.inSize()), dxB = Tensor.zeros(batch, g.inSize());
            cpu.maxPool2dBackward(x, g, dy, dxE);
            cl.maxPool2dBackward(x, g, dy, dxA);
            cpu.maxPool2dBackward(x, g, abs(dy), dxB);
            assertWithinBound("maxPool2dBackward " + at, dxE, host(dxA), dxB, g.kernelH() * g.kernelW());
        }
    }

    @Test
    @DisplayName("average pooling forward and backward: within 2 (kh kw + 2) u sum|terms| (padding counts as zeros)")
    void avgPoolMatchesCpu() {
        Rng rng = new Rng(14);
        for (Window2d g : WINDOWS) for (int batch : BATCHES) {
            String at = g + " batch " + batch;
            int outCols = g.channels() * g.outPlane(), taps = g.kernelH() * g.kernelW();
            Tensor x = random(rng, batch, g.inSize());
            Tensor expected = Tensor.zeros(batch, outCols), actual = Tensor.zeros(batch, outCols), bound = Tensor.zeros(batch, outCols);
            cpu.avgPool2d(x, g, expected);
            cl.avgPool2d(x, g, actual);
            cpu.avgPool2d(abs(x), g, bound);
            assertWithinBound("avgPool2d " + at, expected, host(actual), bound, taps);

            Tensor dy = random(rng, batch, outCols);
            Tensor dxE = Tensor.zeros(batch, g.inSize()), dxA = Tensor.zeros(batch, g.inSize()), dxB = Tensor.zeros(batch, g.inSize());
            cpu.avgPool2dBackward(g, dy, dxE);
            cl.avgPool2dBackward(g, dy, dxA);
            cpu.avgPool2dBackward(g, abs(dy), dxB);
            assertWithinBound("avgPool2dBackward " + at, dxE, host(dxA), dxB, taps);
        }
    }

    @Test
    @DisplayName("sliceColumns, addColumns (bit-equal: one copy or one rounded add each) and selectRows (also in place) on 1 x 1, 7 x 33, 33 x 257 blocks")
    void columnsAndRowsMatchCpu() {
        Rng rng = new Rng(15);
        int[][] shapes = {{1, 1, 0, 1}, {7, 33, 5, 11}, {33, 257, 200, 57}};
        for (int[] s : shapes) {
            int rows = s[0], cols = s[1], from = s[2], w = s[3];
            String at = rows + "x" + cols + " from " + from + " width " + w;
            Tensor x = random(rng, rows, cols);
            Tensor e = Tensor.zeros(rows, w), a = Tensor.zeros(rows, w);
            cpu.sliceColumns(x, from, e);
            cl.sliceColumns(x, from, a);
            assertArrayEquals(e.data(), host(a).data(), "sliceColumns " + at);

            Tensor src = random(rng, rows, w);
            Tensor xe = x.copy(), xa = x.copy();
            cpu.addColumns(src, xe, from);
            cl.addColumns(src, xa, from);
            assertArrayEquals(xe.data(), host(xa).data(), "addColumns " + at);

            Tensor mask = Tensor.zeros(rows);
            for (int i = 0; i < rows; i++) mask.data()[i] = rng.nextBoolean() ? 1f : 0f;
            Tensor p = random(rng, rows, cols), q = random(rng, rows, cols);
            Tensor oe = Tensor.zeros(rows, cols), oa = Tensor.zeros(rows, cols);
            cpu.selectRows(mask, p, q, oe);
            cl.selectRows(mask, p, q, oa);
            assertArrayEquals(oe.data(), host(oa).data(), "selectRows " + at);
            Tensor qe = q.copy(), qa = q.copy();
            cpu.selectRows(mask, p, qe, qe);
            cl.selectRows(mask, p, qa, qa);
            assertArrayEquals(qe.data(), host(qa).data(), "selectRows in place " + at);
        }
    }

    @Test
    @DisplayName("LSTM and GRU cells, forward and backward, N x H in {1 x 1, 5 x 7, 33 x 65}: within 1e-6 + 1e-5 |cpu| (float and device exp/tanh against double and StrictMath)")
    void cellsMatchCpu() {
        Rng rng = new Rng(16);
        int[][] shapes = {{1, 1}, {5, 7}, {33, 65}};
        for (int[] s : shapes) {
            int n = s[0], h = s[1];
            String at = n + "x" + h;
            Tensor gates = random(rng, n, 4 * h), cPrev = random(rng, n, h);
            Tensor actE = Tensor.zeros(n, 4 * h), cE = Tensor.zeros(n, h), hE = Tensor.zeros(n, h);
            Tensor actA = Tensor.zeros(n, 4 * h), cA = Tensor.zeros(n, h), hA = Tensor.zeros(n, h);
            cpu.lstmCell(gates, cPrev, actE, cE, hE);
            cl.lstmCell(gates, cPrev, actA, cA, hA);
            assertClose("lstm act " + at, actE, host(actA), 1e-6, 1e-5);
            assertClose("lstm c " + at, cE, host(cA), 1e-6, 1e-5);
            assertClose("lstm h " + at, hE, host(hA), 1e-6, 1e-5);

            Tensor dh = random(rng, n, h), dc = random(rng, n, h);
            Tensor dcE = dc.copy(), dcA = dc.copy(), dgE = Tensor.zeros(n, 4 * h), dgA = Tensor.zeros(n, 4 * h);
            cpu.lstmCellBackward(actE, cPrev, cE, dh, dcE, dgE);
            cl.lstmCellBackward(actE, cPrev, cE, dh, dcA, dgA);
            assertClose("lstm dGates " + at, dgE, host(dgA), 1e-6, 1e-5);
            assertClose("lstm dcPrev " + at, dcE, host(dcA), 1e-6, 1e-5);

            Tensor gx = random(rng, n, 3 * h), gh = random(rng, n, 3 * h), hPrev = random(rng, n, h);
            Tensor gActE = Tensor.zeros(n, 3 * h), ghE = Tensor.zeros(n, h), gActA = Tensor.zeros(n, 3 * h), ghA = Tensor.zeros(n, h);
            cpu.gruCell(gx, gh, hPrev, gActE, ghE);
            cl.gruCell(gx, gh, hPrev, gActA, ghA);
            assertClose("gru act " + at, gActE, host(gActA), 1e-6, 1e-5);
            assertClose("gru h " + at, ghE, host(ghA), 1e-6, 1e-5);

            Tensor gdh = random(rng, n, h);
            Tensor dgxE = Tensor.zeros(n, 3 * h), dghE = Tensor.zeros(n, 3 * h), dhpE = Tensor.zeros(n, h);
            Tensor dgxA = Tensor.zeros(n, 3 * h), dghA = Tensor.zeros(n, 3 * h), dhpA = Tensor.zeros(n, h);
            cpu.gruCellBackward(gActE, gh, hPrev, gdh, dgxE, dghE, dhpE);
            cl.gruCellBackward(gActE, gh, hPrev, gdh, dgxA, dghA, dhpA);
            assertClose("gru dgx " + at, dgxE, host(dgxA), 1e-6, 1e-5);
            assertClose("gru dgh " + at, dghE, host(dghA), 1e-6, 1e-5);
            assertClose("gru dhPrev " + at, dhpE, host(dhpA), 1e-6, 1e-5);
        }
    }
    @Test
    @DisplayName("LRN forward and backward (sizes 1, 2, 5 over 1, 3, 7 channels, planes 1 and 13): within 1e-6 + 1e-5 |cpu| (float and device pow against double and StrictMath)")
    void lrnMatchesCpu() {
        Rng rng = new Rng(17);
        int[][] cases = {{1, 1, 1}, {3, 13, 2}, {7, 13, 5}, {7, 1, 5}};
        for (int[] cs : cases) {
            int channels = cs[0], plane = cs[1], size = cs[2], n = 3;
            String at = channels + " channels, plane " + plane + ", size " + size;
            float alpha = 1e-2f, beta = 0.75f, k = 2f;
            Tensor x = random(rng, n, channels * plane);
            Tensor yE = Tensor.zeros(n, channels * plane), sE = Tensor.zeros(n, channels * plane);
            Tensor yA = Tensor.zeros(n, channels * plane), sA = Tensor.zeros(n, channels * plane);
            cpu.lrn(x, channels, size, alpha, beta, k, yE, sE);
            cl.lrn(x, channels, size, alpha, beta, k, yA, sA);
            assertClose("lrn scale " + at, sE, host(sA), 1e-6, 1e-5);
            assertClose("lrn y " + at, yE, host(yA), 1e-6, 1e-5);

            Tensor dy = random(rng, n, channels * plane);
            Tensor dxE = Tensor.zeros(n, channels * plane), dxA = Tensor.zeros(n, channels * plane);
            cpu.lrnBackward(x, yE, sE, channels, size, alpha, beta, dy, dxE);
            cl.lrnBackward(x, yE, sE, channels, size, alpha, beta, dy, dxA);
            assertClose("lrn dx " + at, dxE, host(dxA), 1e-6, 1e-5);
        }
    }

    @Test
    @DisplayName("batch norm 2d train, eval and backward (N x C x plane in {1 x 1 x 1, 5 x 3 x 13, 2 x 4 x 49}): within 1e-5 + 1e-4 |cpu| (float statistics on the device, double on the CPU)")
    void batchNorm2dMatchesCpu() {
        Rng rng = new Rng(18);
        int[][] cases = {{1, 1, 1}, {5, 3, 13}, {2, 4, 49}};
        for (int[] cs : cases) {
            int n = cs[0], channels = cs[1], plane = cs[2], cols = channels * plane;
            String at = n + "x" + channels + "x" + plane;
            Tensor x = random(rng, n, cols), gamma = random(rng, channels), beta = random(rng, channels);
            Tensor[] e = {Tensor.zeros(n, cols), Tensor.zeros(n, cols), Tensor.zeros(channels), Tensor.zeros(channels), Tensor.zeros(channels)};
            Tensor[] a = {Tensor.zeros(n, cols), Tensor.zeros(n, cols), Tensor.zeros(channels), Tensor.zeros(channels), Tensor.zeros(channels)};
            cpu.batchNorm2dTrain(x, channels, gamma, beta, 1e-5f, e[0], e[1], e[2], e[3], e[4]);
            cl.batchNorm2dTrain(x, channels, gamma, beta, 1e-5f, a[0], a[1], a[2], a[3], a[4]);
            String[] names = {"y", "xhat", "mean", "var", "invStd"};
            for (int i = 0; i < 5; i++) {
                // a single value per channel (1 x 1 x 1) has variance 0: xhat is 0 and invStd is 1/sqrt(eps) on both
                assertClose("batchNorm2dTrain " + names[i] + " " + at, e[i], host(a[i]), 1e-5, 1e-4);
            }

            Tensor yE = Tensor.zeros(n, cols), yA = Tensor.zeros(n, cols), var = abs(random(rng, channels));
            cpu.batchNorm2dEval(x, channels, gamma, beta, e[2], var, 1e-5f, yE);
            cl.batchNorm2dEval(x, channels, gamma, beta, e[2], var, 1e-5f, yA);
            assertClose("batchNorm2dEval " + at, yE, host(yA), 1e-5, 1e-4);

            Tensor dy = random(rng, n, cols), dg0 = random(rng, channels), db0 = random(rng, channels);
            Tensor dxE = Tensor.zeros(n, cols), dxA = Tensor.zeros(n, cols);
            Tensor dgE = dg0.copy(), dgA = dg0.copy(), dbE = db0.copy(), dbA = db0.copy();
            cpu.batchNorm2dBackward(dy, channels, e[1], gamma, e[4], dxE, dgE, dbE);
            cl.batchNorm2dBackward(dy, channels, e[1], gamma, e[4], dxA, dgA, dbA);
            assertClose("batchNorm2dBackward dx " + at, dxE, host(dxA), 1e-5, 1e-4);
            assertClose("batchNorm2dBackward dgamma " + at, dgE, host(dgA), 1e-5, 1e-4);
            assertClose("batchNorm2dBackward dbeta " + at, dbE, host(dbA), 1e-5, 1e-4);
        }
    }
}
