package dev.jgym.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.nn.layers.Activation;
import dev.jgym.nn.layers.Dense;
import dev.jgym.nn.layers.Sequential;
import dev.jgym.nn.loss.Loss;
import dev.jgym.nn.loss.PointwiseLoss;
import dev.jgym.nn.optim.Adam;
import dev.jgym.core.rng.Rng;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * XOR, the problem that separates one layer from two (Minsky and Papert, 1969), and Rosenblatt's
 * perceptron rule on a separable set (Novikoff, 1962).
 */
class XorTest {
    static final CpuBackend BE = new CpuBackend(1);
    static final float[][] XOR_X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    static final int[] XOR_Y = {0, 1, 1, 0};

    @AfterAll
    static void close() {
        BE.close();
    }

    static int correct(Sequential net) {
        Tensor out = net.forward(Tensor.matrix(XOR_X));
        int ok = 0;
        for (int i = 0; i < 4; i++) if ((out.get(i, 0) > 0 ? 1 : 0) == XOR_Y[i]) ok++;
        return ok;
    }

    static Sequential train(Sequential net, int steps) {
        Tensor x = Tensor.matrix(XOR_X), y = Tensor.zeros(4, 1);
        for (int i = 0; i < 4; i++) y.data()[i] = XOR_Y[i];
        Loss loss = PointwiseLoss.bceWithLogits(BE, Loss.Reduction.MEAN);
        Adam adam = new Adam(net.trainable(), 0.05);
        for (int t = 0; t < steps; t++) {
            adam.zeroGrad();
            loss.forward(net.forward(x), y);
            net.backward(loss.backward());
            adam.step();
        }
        return net;
    }

    @Test
    @DisplayName("a 2-8-1 tanh MLP learns XOR to 100% (5 seeds, 500 full-batch Adam steps on BCE)")
    void mlpLearnsXor() {
        for (long seed = 0; seed < 5; seed++) {
            Rng rng = new Rng(seed);
            Sequential net = Sequential.of(new Dense(BE, 2, 8, rng), new Activation(BE, ActivationKind.TANH), new Dense(BE, 8, 1, rng));
            assertEquals(4, correct(train(net, 500)), "seed " + seed);
        }
    }

    @Test
    @DisplayName("a single layer (2-1, logistic) cannot: after the same training it gets at most 3 of 4")
    void singleLayerCannotLearnXor() {
        for (long seed = 0; seed < 5; seed++) {
            Sequential net = Sequential.of(new Dense(BE, 2, 1, new Rng(seed)));
            assertTrue(correct(train(net, 500)) <= 3, "seed " + seed);
        }
    }

    @Test
    @DisplayName("Rosenblatt's perceptron never converges on XOR (still making mistakes after 1000 epochs)")
    void perceptronDoesNotConvergeOnXor() {
        Perceptron p = new Perceptron(2, 1.0);
        assertEquals(-1, p.train(XOR_X, XOR_Y, 1000));
        assertTrue(p.epoch(XOR_X, XOR_Y) > 0, "an epoch after 1000 still has mistakes");
    }

    @Test
    @DisplayName("the perceptron rule converges on AND and on 200 random points separated by 0.3 x0 - 0.5 x1 + 0.1 > 0 (margin 0.05)")
    void perceptronConvergesWhenSeparable() {
        Perceptron and = new Perceptron(2, 1.0);
        int epochs = and.train(XOR_X, new int[] {0, 0, 0, 1}, 100);
        assertTrue(epochs > 0, "AND converged");
        for (int i = 0; i < 4; i++) assertEquals(i == 3 ? 1 : 0, and.predict(XOR_X[i]));

        Rng rng = new Rng(7);
        float[][] xs = new float[200][];
        int[] ys = new int[200];
        for (int n = 0; n < 200; ) {
            float a = (float) rng.uniform(-1, 1), b = (float) rng.uniform(-1, 1);
            double s = 0.3 * a - 0.5 * b + 0.1;
            if (Math.abs(s) < 0.05) continue;
            xs[n] = new float[] {a, b};
            ys[n++] = s > 0 ? 1 : 0;
        }
        Perceptron p = new Perceptron(2, 0.1);
        int used = p.train(xs, ys, 10_000);
        assertTrue(used > 0, "converged");
        assertEquals(0, p.epoch(xs, ys));
    }
}
