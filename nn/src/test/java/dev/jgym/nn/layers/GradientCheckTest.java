package dev.jgym.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.nn.ActivationKind;
import dev.jgym.nn.Init;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.nn.loss.Loss;
import dev.jgym.nn.loss.PointwiseLoss;
import dev.jgym.nn.loss.SoftmaxCrossEntropy;
import dev.jgym.core.rng.Rng;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Gradient checks: each layer's and loss's backward (float32) against central finite
 * differences (h = 1e-6) of an independent float64 reference of its forward pass.
 * Scalar objective for a layer: L = sum_i r_i y_i with a fixed random r (so dL/dy = r).
 * Tolerance: |analytic - numeric| <= 1e-4 + 1e-3 |numeric| for every coordinate.
 */
class GradientCheckTest {
    static final CpuBackend BE = new CpuBackend(2);
    static final double H = 1e-6, ABS = 1e-4, REL = 1e-3;

    @AfterAll
    static void close() {
        BE.close();
    }

    static Tensor random(Rng rng, double scale, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) t.data()[i] = (float) (scale * rng.gaussian());
        return t;
    }

    /** Values away from activation kinks (|x| >= 0.05), so finite differences are smooth. */
    static Tensor awayFromZero(Rng rng, int... shape) {
        Tensor t = random(rng, 1.5, shape);
        for (int i = 0; i < t.size(); i++) if (Math.abs(t.data()[i]) < 0.05f) t.data()[i] = 0.05f + 0.1f * i % 1;
        return t;
    }

    static double[] toDouble(Tensor t) {
        double[] d = new double[t.size()];
        for (int i = 0; i < d.length; i++) d[i] = t.data()[i];
        return d;
    }

    /** Central differences of f at x (x is restored after each probe). */
    static double[] numeric(ToDoubleFunction<double[]> f, double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double keep = x[i];
            x[i] = keep + H;
            double up = f.applyAsDouble(x);
            x[i] = keep - H;
            double down = f.applyAsDouble(x);
            x[i] = keep;
            g[i] = (up - down) / (2 * H);
        }
        return g;
    }

    static void assertClose(double[] numeric, Tensor analytic, String what) {
        assertEquals(numeric.length, analytic.size(), what);
        double worst = 0;
        for (int i = 0; i < numeric.length; i++) {
            double a = analytic.data()[i], n = numeric[i];
            assertTrue(Math.abs(a - n) <= ABS + REL * Math.abs(n), what + "[" + i + "]: analytic " + a + ", numeric " + n);
            worst = Math.max(worst, Math.abs(a - n));
        }
        assertTrue(worst < ABS + REL, what);
    }

    static double dot(double[] y, double[] r) {
        double s = 0;
        for (int i = 0; i < y.length; i++) s += y[i] * r[i];
        return s;
    }

    /** A layer's float64 reference: y from x (batch-major). */
    interface Ref {
        double[] forward(double[] x);
    }

    /** Checks dL/dx for a layer against a reference forward. */
    static void checkInput(Layer layer, Ref ref, Tensor x, Rng rng, String what) {
        Tensor y = layer.forward(x);
        Tensor r = random(rng, 1, y.shape());
        double[] rd = toDouble(r);
        Tensor dx = layer.backward(r);
        double[] num = numeric(v -> dot(ref.forward(v), rd), toDouble(x));
        assertClose(num, dx, what + " dL/dx");
    }

    // ---- dense -----------------------------------------------------------------------------------

    static double[] dense(double[] x, double[] w, double[] b, int batch, int in, int out) {
        double[] y = new double[batch * out];
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < out; o++) {
                double s = b[o];
                for (int i = 0; i < in; i++) s += x[n * in + i] * w[o * in + i];
                y[n * out + o] = s;
            }
        }
        return y;
    }

    @Test
    @DisplayName("Dense 7 -> 5, batch 4: dL/dx, dL/dW, dL/db match float64 central differences")
    void denseGradients() {
        Rng rng = new Rng(10);
        int batch = 4, in = 7, out = 5;
        Dense layer = new Dense(BE, in, out, Init.gaussian(0, 0.5), Init.gaussian(0, 0.1), rng);
        Tensor x = random(rng, 1, batch, in);
        double[] w = toDouble(layer.weight().value()), b = toDouble(layer.bias().value()), xd = toDouble(x);
        Tensor y = layer.forward(x);
        Tensor r = random(rng, 1, y.shape());
        double[] rd = toDouble(r);
        Tensor dx = layer.backward(r);
        assertClose(numeric(v -> dot(dense(v, w, b, batch, in, out), rd), xd.clone()), dx, "dense dL/dx");
        assertClose(numeric(v -> dot(dense(xd, v, b, batch, in, out), rd), w.clone()), layer.weight().grad(), "dense dL/dW");
        assertClose(numeric(v -> dot(dense(xd, w, v, batch, in, out), rd), b.clone()), layer.bias().grad(), "dense dL/db");
    }

    // ---- activations -----------------------------------------------------------------------------

    static double act(ActivationKind k, double p, double x) {
        switch (k) {
            case IDENTITY: return x;
            case STEP: return x >= 0 ? 1 : 0;
            case SIGMOID: return 1 / (1 + Math.exp(-x));
            case TANH: return Math.tanh(x);
            case RELU: return Math.max(0, x);
            case LEAKY_RELU: return x > 0 ? x : p * x;
            case ELU: return x > 0 ? x : p * (Math.exp(x) - 1);
            default: throw new IllegalArgumentException(k.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(ActivationKind.class)
    @DisplayName("activations (LeakyReLU slope 0.2, ELU alpha 0.7): dL/dx matches float64 central differences")
    void activationGradients(ActivationKind kind) {
        Rng rng = new Rng(20 + kind.ordinal());
        float p = kind == ActivationKind.LEAKY_RELU ? 0.2f : kind == ActivationKind.ELU ? 0.7f : kind.defaultParam();
        Activation layer = new Activation(BE, kind, p);
        Tensor x = awayFromZero(rng, 3, 6);
        checkInput(layer, v -> {
            double[] y = new double[v.length];
            for (int i = 0; i < v.length; i++) y[i] = act(kind, p, v[i]);
            return y;
        }, x, rng, kind.id());
    }

    @Test
    @DisplayName("softmax layer: dL/dx matches float64 central differences")
    void softmaxGradients() {
        Rng rng = new Rng(30);
        int rows = 3, cols = 5;
        checkInput(new Softmax(BE), v -> {
            double[] y = new double[v.length];
            for (int i = 0; i < rows; i++) {
                double max = Double.NEGATIVE_INFINITY, s = 0;
                for (int j = 0; j < cols; j++) max = Math.max(max, v[i * cols + j]);
                for (int j = 0; j < cols; j++) s += Math.exp(v[i * cols + j] - max);
                for (int j = 0; j < cols; j++) y[i * cols + j] = Math.exp(v[i * cols + j] - max) / s;
            }
            return y;
        }, random(rng, 2, rows, cols), rng, "softmax");
    }

    @Test
    @DisplayName("dropout p=0.4 in training: dL/dx = mask * dL/dy matches differences of y = mask * x; eval mode is the identity")
    void dropoutGradients() {
        Rng rng = new Rng(40);
        Dropout layer = new Dropout(BE, 0.4, rng.child("mask"));
        Tensor x = random(rng, 1, 6, 10);
        Tensor y = layer.forward(x);
        double[] mask = toDouble(layer.mask());
        int zeros = 0;
        for (double m : mask) {
            assertTrue(m == 0 || Math.abs(m - 1 / 0.6) < 1e-6, "mask value " + m);
            if (m == 0) zeros++;
        }
        assertTrue(zeros > 10 && zeros < 40, "about 40% of 60 dropped, found " + zeros);
        Tensor r = random(rng, 1, y.shape());
        double[] rd = toDouble(r);
        Tensor dx = layer.backward(r);
        assertClose(numeric(v -> {
            double s = 0;
            for (int i = 0; i < v.length; i++) s += v[i] * mask[i] * rd[i];
            return s;
        }, toDouble(x)), dx, "dropout dL/dx");
        layer.train(false);
        assertTrue(layer.forward(x).bitEquals(x), "eval mode is the identity");
    }

    // ---- batch norm -------------------------------------------------------------------------------

    static double[] batchNorm(double[] x, double[] gamma, double[] beta, int rows, int cols, double eps) {
        double[] y = new double[x.length];
        for (int j = 0; j < cols; j++) {
            double m = 0, v = 0;
            for (int i = 0; i < rows; i++) m += x[i * cols + j];
            m /= rows;
            for (int i = 0; i < rows; i++) v += (x[i * cols + j] - m) * (x[i * cols + j] - m);
            v /= rows;
            for (int i = 0; i < rows; i++) y[i * cols + j] = gamma[j] * (x[i * cols + j] - m) / Math.sqrt(v + eps) + beta[j];
        }
        return y;
    }

    @Test
    @DisplayName("BatchNorm1d (training, batch 6, 4 features): dL/dx, dL/dgamma, dL/dbeta match float64 central differences")
    void batchNormGradients() {
        Rng rng = new Rng(50);
        int rows = 6, cols = 4;
        BatchNorm1d layer = new BatchNorm1d(BE, cols, 1e-5f, 0.1f);
        Param gamma = layer.params().get(0), beta = layer.params().get(1);
        for (int j = 0; j < cols; j++) {
            gamma.value().data()[j] = (float) (1 + 0.3 * rng.gaussian());
            beta.value().data()[j] = (float) (0.2 * rng.gaussian());
        }
        Tensor x = random(rng, 2, rows, cols);
        double[] xd = toDouble(x), g = toDouble(gamma.value()), b = toDouble(beta.value());
        Tensor y = layer.forward(x);
        Tensor r = random(rng, 1, y.shape());
        double[] rd = toDouble(r);
        Tensor dx = layer.backward(r);
        assertClose(numeric(v -> dot(batchNorm(v, g, b, rows, cols, 1e-5), rd), xd.clone()), dx, "batchnorm dL/dx");
        assertClose(numeric(v -> dot(batchNorm(xd, v, b, rows, cols, 1e-5), rd), g.clone()), gamma.grad(), "batchnorm dL/dgamma");
        assertClose(numeric(v -> dot(batchNorm(xd, g, v, rows, cols, 1e-5), rd), b.clone()), beta.grad(), "batchnorm dL/dbeta");
    }

    @Test
    @DisplayName("BatchNorm1d eval mode uses the running statistics: (1-0.1)*init + 0.1*batch (unbiased variance)")
    void batchNormRunningStatistics() {
        BatchNorm1d layer = new BatchNorm1d(BE, 1, 0f, 0.1f);
        layer.forward(Tensor.matrix(new float[][] {{1}, {3}})); // mean 2, unbiased var 2
        assertEquals(0.2f, layer.params().get(2).value().get(0), 1e-7);
        assertEquals(0.9f + 0.2f, layer.params().get(3).value().get(0), 1e-6);
        layer.train(false);
        Tensor y = layer.forward(Tensor.matrix(new float[][] {{0.2f + (float) Math.sqrt(1.1)}}));
        assertEquals(1f, y.get(0, 0), 1e-5);
    }

    @Test
    @DisplayName("a Sequential MLP (dense-tanh-dense-sigmoid): dL/dx and the first layer's dL/dW match float64 differences")
    void sequentialGradients() {
        Rng rng = new Rng(60);
        int batch = 3, in = 4, hid = 5, out = 2;
        Dense d1 = new Dense(BE, in, hid, Init.gaussian(0, 0.6), Init.gaussian(0, 0.1), rng);
        Dense d2 = new Dense(BE, hid, out, Init.gaussian(0, 0.6), Init.gaussian(0, 0.1), rng);
        Sequential net = Sequential.of(d1, new Activation(BE, ActivationKind.TANH), d2, new Activation(BE, ActivationKind.SIGMOID));
        double[] w1 = toDouble(d1.weight().value()), b1 = toDouble(d1.bias().value());
        double[] w2 = toDouble(d2.weight().value()), b2 = toDouble(d2.bias().value());
        java.util.function.BiFunction<double[], double[], double[]> f = (xv, w1v) -> {
            double[] h = dense(xv, w1v, b1, batch, in, hid);
            for (int i = 0; i < h.length; i++) h[i] = Math.tanh(h[i]);
            double[] y = dense(h, w2, b2, batch, hid, out);
            for (int i = 0; i < y.length; i++) y[i] = 1 / (1 + Math.exp(-y[i]));
            return y;
        };
        Tensor x = random(rng, 1, batch, in);
        double[] xd = toDouble(x);
        Tensor y = net.forward(x);
        Tensor r = random(rng, 1, y.shape());
        double[] rd = toDouble(r);
        Tensor dx = net.backward(r);
        assertClose(numeric(v -> dot(f.apply(v, w1), rd), xd.clone()), dx, "mlp dL/dx");
        assertClose(numeric(v -> dot(f.apply(xd, v), rd), w1.clone()), d1.weight().grad(), "mlp dL/dW1");
    }

    // ---- losses ----------------------------------------------------------------------------------

    static void checkLoss(Loss loss, ToDoubleFunction<double[]> ref, Tensor pred, Tensor target, String what) {
        double value = loss.forward(pred, target);
        double[] pd = toDouble(pred);
        assertEquals(ref.applyAsDouble(pd), value, 1e-5 * (1 + Math.abs(value)), what + " value");
        assertClose(numeric(ref, pd.clone()), loss.backward(), what + " dL/dprediction");
    }

    @Test
    @DisplayName("losses, mean and sum: MSE, L1, Huber(delta 0.5), BCE with logits, softmax cross-entropy; values and gradients vs float64")
    void lossGradients() {
        Rng rng = new Rng(70);
        int rows = 4, cols = 3;
        Tensor pred = random(rng, 1.5, rows, cols), target = random(rng, 1, rows, cols);
        for (Loss.Reduction red : Loss.Reduction.values()) {
            double div = red == Loss.Reduction.MEAN ? rows * cols : 1;
            double[] t = toDouble(target);
            checkLoss(PointwiseLoss.mse(BE, red), v -> {
                double s = 0;
                for (int i = 0; i < v.length; i++) s += (v[i] - t[i]) * (v[i] - t[i]);
                return s / div;
            }, pred, target, "mse " + red);
            checkLoss(PointwiseLoss.l1(BE, red), v -> {
                double s = 0;
                for (int i = 0; i < v.length; i++) s += Math.abs(v[i] - t[i]);
                return s / div;
            }, pred, target, "l1 " + red);
            checkLoss(PointwiseLoss.huber(BE, 0.5, red), v -> {
                double s = 0;
                for (int i = 0; i < v.length; i++) {
                    double d = Math.abs(v[i] - t[i]);
                    s += d <= 0.5 ? 0.5 * d * d : 0.5 * (d - 0.25);
                }
                return s / div;
            }, pred, target, "huber " + red);
            Tensor prob = Tensor.zeros(rows, cols);
            for (int i = 0; i < prob.size(); i++) prob.data()[i] = (float) rng.nextDouble();
            double[] pr = toDouble(prob);
            checkLoss(PointwiseLoss.bceWithLogits(BE, red), v -> {
                double s = 0;
                for (int i = 0; i < v.length; i++) {
                    double sig = 1 / (1 + Math.exp(-v[i]));
                    s -= pr[i] * Math.log(sig) + (1 - pr[i]) * Math.log(1 - sig);
                }
                return s / div;
            }, pred, prob, "bce " + red);
            Tensor onehot = SoftmaxCrossEntropy.oneHot(new int[] {0, 2, 1, 2}, cols);
            double[] oh = toDouble(onehot);
            double rowsDiv = red == Loss.Reduction.MEAN ? rows : 1;
            checkLoss(new SoftmaxCrossEntropy(BE, red), v -> {
                double s = 0;
                for (int i = 0; i < rows; i++) {
                    double z = 0;
                    for (int j = 0; j < cols; j++) z += Math.exp(v[i * cols + j]);
                    for (int j = 0; j < cols; j++) s -= oh[i * cols + j] * (v[i * cols + j] - Math.log(z));
                }
                return s / rowsDiv;
            }, pred, onehot, "softmax cross-entropy " + red);
        }
    }
}
