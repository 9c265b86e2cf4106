package dev.jgym.nn.layers;

import static dev.jgym.nn.layers.GradientCheckTest.BE;
import static dev.jgym.nn.layers.GradientCheckTest.assertClose;
import static dev.jgym.nn.layers.GradientCheckTest.dot;
import static dev.jgym.nn.layers.GradientCheckTest.numeric;
import static dev.jgym.nn.layers.GradientCheckTest.random;
import static dev.jgym.nn.layers.GradientCheckTest.toDouble;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.nn.Init;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.Window2d;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.core.rng.Rng;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Gradient checks for the image layers, as {@link GradientCheckTest}: backward (float32) against
 * central differences (h = 1e-6) of an independent float64 loop of the forward pass, with
 * L = sum r_i y_i; tolerance |analytic - numeric| <= 1e-4 + 1e-3 |numeric|.
 */
class ConvGradientCheckTest {

    /** The textbook loop: y[n,o,i,j] = b[o] + sum_{c,a,b} w[o,c,a,b] x[n,c,i s - p + a d, j s - p + b d]. */
    static double[] conv(double[] x, double[] w, double[] bias, int batch, Window2d g, int out) {
        int oh = g.outHeight(), ow = g.outWidth(), c = g.channels(), h = g.height(), wd = g.width(), kh = g.kernelH(), kw = g.kernelW();
        double[] y = new double[batch * out * oh * ow];
        for (int n = 0; n < batch; n++) for (int o = 0; o < out; o++) for (int i = 0; i < oh; i++) for (int j = 0; j < ow; j++) {
            double s = bias[o];
            for (int ch = 0; ch < c; ch++) for (int a = 0; a < kh; a++) for (int b = 0; b < kw; b++) {
                int yy = i * g.stride() - g.padding() + a * g.dilation(), xx = j * g.stride() - g.padding() + b * g.dilation();
                if (yy < 0 || yy >= h || xx < 0 || xx >= wd) continue;
                s += w[((o * c + ch) * kh + a) * kw + b] * x[((n * c + ch) * h + yy) * wd + xx];
            }
            y[((n * out + o) * oh + i) * ow + j] = s;
        }
        return y;
    }

    @ParameterizedTest(name = "{0}x{1}x{2} -> {3}, kernel {4}x{5}, stride {6}, padding {7}, dilation {8}")
    @CsvSource({"2,7,6,3,3,3,1,1,1", "3,9,8,2,3,2,2,1,1", "2,8,8,3,3,3,1,2,2", "1,6,7,4,2,3,2,0,1"})
    @DisplayName("Conv2d (stride, padding, dilation, rectangular kernels), batch 2: dL/dx, dL/dW, dL/db match float64 central differences")
    void convGradients(int c, int h, int w, int out, int kh, int kw, int stride, int pad, int dil) {
        Rng rng = new Rng(100 + c * 10 + stride);
        Window2d g = new Window2d(c, h, w, kh, kw, stride, pad, dil);
        int batch = 2;
        Conv2d layer = new Conv2d(BE, g, out, Init.gaussian(0, 0.5), Init.gaussian(0, 0.1), rng);
        Tensor x = random(rng, 1, batch, g.inSize());
        double[] xd = toDouble(x), wd = toDouble(layer.weight().value()), bd = toDouble(layer.bias().value());
        Tensor y = layer.forward(x);
        assertEquals(batch * out * g.outPlane(), y.size());
        Tensor r = random(rng, 1, y.shape());
        double[] rd = toDouble(r);
        Tensor dx = layer.backward(r);
        assertClose(numeric(v -> dot(conv(v, wd, bd, batch, g, out), rd), xd.clone()), dx, "conv dL/dx");
        assertClose(numeric(v -> dot(conv(xd, v, bd, batch, g, out), rd), wd.clone()), layer.weight().grad(), "conv dL/dW");
        assertClose(numeric(v -> dot(conv(xd, wd, v, batch, g, out), rd), bd.clone()), layer.bias().grad(), "conv dL/db");
    }

    @Test
    @DisplayName("Conv2d forward is bit-identical on 1 and 2 threads and across im2col chunks (batch 300 of 3x20x20, 8 filters)")
    void convBitIdenticalAcrossThreads() {
        Rng rng = new Rng(7);
        Window2d g = Window2d.square(3, 20, 20, 5, 1, 2, 1);
        try (CpuBackend one = new CpuBackend(1); CpuBackend two = new CpuBackend(2)) {
            Conv2d a = new Conv2d(one, g, 8, Init.heNormal(), Init.constant(0.1), new Rng(3));
            Conv2d b = new Conv2d(two, g, 8, Init.heNormal(), Init.constant(0.1), new Rng(3));
            Tensor x = random(rng, 1, 300, g.inSize());
            Tensor ya = a.forward(x), yb = b.forward(x);
            assertTrue(ya.bitEquals(yb), "forward");
            Tensor r = random(rng, 1, ya.shape());
            assertTrue(a.backward(r).bitEquals(b.backward(r)), "dx");
            assertTrue(a.weight().grad().bitEquals(b.weight().grad()), "dW");
        }
    }

    static double[] pool(double[] x, int batch, Window2d g, boolean max) {
        int oh = g.outHeight(), ow = g.outWidth(), h = g.height(), w = g.width();
        double[] y = new double[batch * g.channels() * oh * ow];
        for (int t = 0; t < batch * g.channels(); t++) for (int i = 0; i < oh; i++) for (int j = 0; j < ow; j++) {
            double best = Double.NEGATIVE_INFINITY, sum = 0;
            for (int a = 0; a < g.kernelH(); a++) for (int b = 0; b < g.kernelW(); b++) {
                int yy = i * g.stride() - g.padding() + a, xx = j * g.stride() - g.padding() + b;
                if (yy < 0 || yy >= h || xx < 0 || xx >= w) continue;
                double v = x[t * h * w + yy * w + xx];
                best = Math.max(best, v);
                sum += v;
            }
            y[t * oh * ow + i * ow + j] = max ? best : sum / (g.kernelH() * g.kernelW());
        }
        return y;
    }

    @ParameterizedTest(name = "{0}: kernel {1}, stride {2}, padding {3}")
    @CsvSource({"MAX,2,2,0", "MAX,3,2,1", "AVG,2,2,0", "AVG,3,2,1", "GLOBAL_AVG,0,0,0"})
    @DisplayName("MaxPool2d, AvgPool2d (overlapping and padded windows) and global average pooling: dL/dx matches float64 central differences")
    void poolGradients(Pool2d.Kind kind, int k, int stride, int pad) {
        Rng rng = new Rng(200 + kind.ordinal() * 10 + k);
        int batch = 2, c = 3, h = 7, w = 6;
        Window2d g = kind == Pool2d.Kind.GLOBAL_AVG ? new Window2d(c, h, w, h, w, 1, 0, 1) : Window2d.square(c, h, w, k, stride, pad, 1);
        Pool2d layer = new Pool2d(BE, kind, g);
        // distinct values, so every max is unique and finite differences do not cross a tie
        Tensor x = Tensor.zeros(batch, g.inSize());
        int[] perm = new int[x.size()];
        for (int i = 0; i < perm.length; i++) perm[i] = i;
        rng.shuffle(perm);
        for (int i = 0; i < perm.length; i++) x.data()[i] = 0.01f * perm[i] - 1f;
        Tensor y = layer.forward(x);
        Tensor r = random(rng, 1, y.shape());
        double[] rd = toDouble(r);
        Tensor dx = layer.backward(r);
        assertClose(numeric(v -> dot(pool(v, batch, g, kind == Pool2d.Kind.MAX), rd), toDouble(x)), dx, kind + " dL/dx");
    }

    static double[] lrn(double[] x, int batch, int c, int plane, int size, double alpha, double beta, double k) {
        double[] y = new double[x.length];
        for (int n = 0; n < batch; n++) for (int ch = 0; ch < c; ch++) for (int q = 0; q < plane; q++) {
            double s = 0;
            for (int cc = ch - size / 2; cc <= ch + (size - 1) / 2; cc++) {
                if (cc < 0 || cc >= c) continue;
                double v = x[(n * c + cc) * plane + q];
                s += v * v;
            }
            y[(n * c + ch) * plane + q] = x[(n * c + ch) * plane + q] / Math.pow(k + alpha / size * s, beta);
        }
        return y;
    }

    @ParameterizedTest(name = "size {0}")
    @CsvSource({"5", "4", "3"})
    @DisplayName("LocalResponseNorm (AlexNet: alpha 1e-4 scaled up to 0.5 so the term matters, beta 0.75, k 2) over 7 channels: dL/dx matches float64 central differences")
    void lrnGradients(int size) {
        Rng rng = new Rng(300 + size);
        int batch = 2, c = 7, h = 3, w = 2;
        LocalResponseNorm layer = new LocalResponseNorm(BE, c, h, w, size, 0.5f, 0.75f, 2f);
        Tensor x = random(rng, 1.5, batch, c * h * w);
        Tensor y = layer.forward(x);
        Tensor r = random(rng, 1, y.shape());
        double[] rd = toDouble(r);
        Tensor dx = layer.backward(r);
        assertClose(numeric(v -> dot(lrn(v, batch, c, h * w, size, 0.5, 0.75, 2), rd), toDouble(x)), dx, "lrn dL/dx");
    }

    static double[] bn2d(double[] x, double[] gamma, double[] beta, int batch, int c, int plane, double eps) {
        double[] y = new double[x.length];
        for (int ch = 0; ch < c; ch++) {
            double m = 0, v = 0;
            for (int n = 0; n < batch; n++) for (int q = 0; q < plane; q++) m += x[(n * c + ch) * plane + q];
            m /= batch * plane;
            for (int n = 0; n < batch; n++) for (int q = 0; q < plane; q++) v += Math.pow(x[(n * c + ch) * plane + q] - m, 2);
            v /= batch * plane;
            for (int n = 0; n < batch; n++) for (int q = 0; q < plane; q++) {
                int at = (n * c + ch) * plane + q;
                y[at] = gamma[ch] * (x[at] - m) / Math.sqrt(v + eps) + beta[ch];
            }
        }
        return y;
    }

    @Test
    @DisplayName("BatchNorm2d (training, batch 3, 4 channels of 3x2): dL/dx, dL/dgamma, dL/dbeta match float64 central differences; eval uses running statistics")
    void batchNorm2dGradients() {
        Rng rng = new Rng(400);
        int batch = 3, c = 4, h = 3, w = 2, plane = h * w;
        BatchNorm2d layer = new BatchNorm2d(BE, c, h, w, 1e-5f, 0.1f);
        Param gamma = layer.params().get(0), beta = layer.params().get(1);
        for (int j = 0; j < c; j++) {
            gamma.value().data()[j] = (float) (1 + 0.3 * rng.gaussian());
            beta.value().data()[j] = (float) (0.2 * rng.gaussian());
        }
        Tensor x = random(rng, 2, batch, c * plane);
        double[] xd = toDouble(x), gd = toDouble(gamma.value()), bd = toDouble(beta.value());
        Tensor y = layer.forward(x);
        Tensor r = random(rng, 1, y.shape());
        double[] rd = toDouble(r);
        Tensor dx = layer.backward(r);
        assertClose(numeric(v -> dot(bn2d(v, gd, bd, batch, c, plane, 1e-5), rd), xd.clone()), dx, "bn2d dL/dx");
        assertClose(numeric(v -> dot(bn2d(xd, v, bd, batch, c, plane, 1e-5), rd), gd.clone()), gamma.grad(), "bn2d dL/dgamma");
        assertClose(numeric(v -> dot(bn2d(xd, gd, v, batch, c, plane, 1e-5), rd), bd.clone()), beta.grad(), "bn2d dL/dbeta");
        // running mean of channel 0 after one batch: 0.9 * 0 + 0.1 * batch mean
        double m0 = 0;
        for (int n = 0; n < batch; n++) for (int q = 0; q < plane; q++) m0 += xd[n * c * plane + q];
        m0 /= batch * plane;
        assertEquals(0.1 * m0, layer.params().get(2).value().get(0), 1e-6);
        layer.train(false);
        Tensor ye = layer.forward(x);
        assertEquals(ye.size(), x.size());
    }
}
