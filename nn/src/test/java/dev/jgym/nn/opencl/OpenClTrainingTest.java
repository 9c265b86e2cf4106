package dev.jgym.nn.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.nn.ActivationKind;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.nn.layers.Activation;
import dev.jgym.nn.layers.Conv2d;
import dev.jgym.nn.layers.Flatten;
import dev.jgym.nn.layers.Pool2d;
import dev.jgym.nn.layers.Recurrent;
import dev.jgym.nn.layers.Dense;
import dev.jgym.nn.layers.Sequential;
import dev.jgym.nn.loss.Loss;
import dev.jgym.nn.loss.PointwiseLoss;
import dev.jgym.nn.loss.SoftmaxCrossEntropy;
import dev.jgym.nn.optim.Adam;
import dev.jgym.nn.optim.GradClip;
import dev.jgym.nn.optim.Optimizer;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.testing.Prerequisites;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Whole training runs on the OpenCL backend next to the same runs on the CPU backend, from the
 * same weights and batches: the loss curves must agree, and a training step must leave the
 * weights on the device. Skipped without OpenCL, failed without it when {@code CI=true}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenClTrainingTest {
    OpenClBackend cl;
    CpuBackend cpu;

    @BeforeAll
    void open() {
        List<OpenClDevices.Info> devices = OpenClDevices.list();
        if (devices.isEmpty()) Prerequisites.require(false, "no OpenCL platform (PoCL provides one; scripts/setup.sh installs it): " + OpenClDevices.whyNone());
        cl = new OpenClBackend(devices.get(0).device());
        cpu = new CpuBackend(2);
    }

    @AfterAll
    void close() {
        if (cl != null) cl.close();
        if (cpu != null) cpu.close();
    }

    static Sequential mlp(Backend be, int[] widths, long seed) {
        Rng rng = new Rng(seed);
        java.util.List<dev.jgym.nn.layers.Layer> layers = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < widths.length; i++) {
            layers.add(new Dense(be, widths[i], widths[i + 1], rng));
            if (i + 2 < widths.length) layers.add(new Activation(be, ActivationKind.TANH));
        }
        return new Sequential(layers);
    }

    /** Three Gaussian blobs in 2D (centres on a circle of radius 2, sd 0.7), one-hot labels. */
    static Tensor[] blobs(Rng rng, int n) {
        Tensor x = Tensor.zeros(n, 2), y = Tensor.zeros(n, 3);
        for (int i = 0; i < n; i++) {
            int c = rng.nextInt(3);
            double a = 2 * Math.PI * c / 3;
            x.data()[2 * i] = (float) (2 * Math.cos(a) + 0.7 * rng.gaussian());
            x.data()[2 * i + 1] = (float) (2 * Math.sin(a) + 0.7 * rng.gaussian());
            y.data()[3 * i + c] = 1f;
        }
        return new Tensor[] {x, y};
    }

    static double[] train(Backend be, int steps) {
        Sequential net = mlp(be, new int[] {2, 32, 32, 3}, 42);
        Optimizer opt = new Adam(be, net.trainable(), 0.01);
        Loss loss = new SoftmaxCrossEntropy(be);
        Rng data = new Rng(7);
        double[] curve = new double[steps];
        for (int t = 0; t < steps; t++) {
            Tensor[] b = blobs(data, 64);
            opt.zeroGrad();
            curve[t] = loss.forward(net.forward(b[0]), b[1]);
            net.backward(loss.backward(), false);
            GradClip.byGlobalNorm(be, net.trainable(), 5.0);
            opt.step();
        }
        return curve;
    }

    @Test
    @DisplayName("a 2-32-32-3 tanh MLP, Adam 0.01, 300 steps of 64 blob points: OpenCL and CPU losses within 1e-3 + 1e-2 |cpu| at every step, and both learn (mean of the last 20 < 0.25 of the first)")
    void mlpTrainingRunMatchesCpu() {
        int steps = 300;
        double[] c = train(cpu, steps), g = train(cl, steps);
        double worst = 0;
        for (int t = 0; t < steps; t++) {
            double d = Math.abs(c[t] - g[t]);
            worst = Math.max(worst, d);
            assertTrue(d <= 1e-3 + 1e-2 * Math.abs(c[t]), "step " + t + ": cpu " + c[t] + ", opencl " + g[t]);
        }
        double lastC = 0, lastG = 0;
        for (int t = steps - 20; t < steps; t++) {
            lastC += c[t] / 20;
            lastG += g[t] / 20;
        }
        System.out.printf("MLP run: first loss %.4f, last-20 mean cpu %.4f opencl %.4f, worst |d| %.2e%n", c[0], lastC, lastG, worst);
        assertTrue(lastC < 0.25 * c[0] && lastG < 0.25 * g[0], "did not learn: " + c[0] + " -> " + lastC + " / " + lastG);
        assertTrue(cl.ranOnOpenCl());
    }

    @Test
    @DisplayName("DQN-sized step (4-64-64-2 MLP, Huber loss, Adam, batch 32): parameters after 10 steps within 1e-5 + 1e-3 |cpu|; per step 2 uploads (batch, targets), 1 download (loss partial sums), no weight copies")
    void dqnSizedStepKeepsWeightsOnTheDevice() {
        Sequential a = mlp(cpu, new int[] {4, 64, 64, 2}, 3), b = mlp(cl, new int[] {4, 64, 64, 2}, 3);
        Optimizer oa = new Adam(cpu, a.trainable(), 1e-3), ob = new Adam(cl, b.trainable(), 1e-3);
        Loss la = PointwiseLoss.huber(cpu, 1.0, Loss.Reduction.MEAN), lb = PointwiseLoss.huber(cl, 1.0, Loss.Reduction.MEAN);
        Rng rng = new Rng(9);
        TransferStats warm = null;
        long[] weightCopies = null;
        for (int t = 0; t < 11; t++) {
            Tensor x = Tensor.zeros(32, 4), y = Tensor.zeros(32, 2);
            for (int i = 0; i < x.size(); i++) x.data()[i] = (float) rng.gaussian();
            for (int i = 0; i < y.size(); i++) y.data()[i] = (float) (2 * rng.gaussian());
            for (int side = 0; side < 2; side++) {
                Sequential net = side == 0 ? a : b;
                Optimizer opt = side == 0 ? oa : ob;
                Loss loss = side == 0 ? la : lb;
                opt.zeroGrad();
                loss.forward(net.forward(x), y);
                net.backward(loss.backward(), false);
                opt.step();
            }
            if (t == 0) {
                warm = cl.transfers();
                weightCopies = new long[b.params().size()];
                for (int p = 0; p < weightCopies.length; p++) weightCopies[p] = cl.transfers(b.params().get(p).value());
            }
        }
        TransferStats steps = cl.transfers().minus(warm);
        assertEquals(20, steps.uploads(), "10 steps x (batch, targets): " + steps);
        assertEquals(10, steps.downloads(), "10 steps x loss partial sums: " + steps);
        for (int p = 0; p < weightCopies.length; p++) {
            Param param = b.params().get(p);
            assertEquals(weightCopies[p], cl.transfers(param.value()), param.name() + " was copied during training");
            assertEquals(1, weightCopies[p], param.name() + " goes to the device once");
        }
        for (int p = 0; p < a.params().size(); p++) {
            Tensor e = a.params().get(p).value(), g = b.params().get(p).value();
            cl.toHost(g);
            for (int i = 0; i < e.size(); i++) {
                double d = Math.abs(e.data()[i] - g.data()[i]);
                assertTrue(d <= 1e-5 + 1e-3 * Math.abs(e.data()[i]), "parameter " + p + " element " + i + ": cpu " + e.data()[i] + ", opencl " + g.data()[i]);
            }
        }
        System.out.println("DQN-sized step, 10 steps: " + steps);
        assertTrue(cl.ranOnOpenCl());
    }
    /** A conv-ReLU-maxpool-dense net on 1 x 8 x 8 images (Conv2d 4 filters 3x3 pad 1, MaxPool 2, Dense 64 -> 4). */
    static Sequential cnn(Backend be, long seed) {
        Rng rng = new Rng(seed);
        return new Sequential(List.of(
                new Conv2d(be, dev.jgym.nn.Window2d.square(1, 8, 8, 3, 1, 1, 1), 4, dev.jgym.nn.Init.heNormal(), dev.jgym.nn.Init.constant(0), rng),
                new Activation(be, ActivationKind.RELU),
                Pool2d.max(be, 4, 8, 8, 2, 2, 0),
                new Flatten(64),
                new Dense(be, 64, 4, rng)));
    }

    /** 8 x 8 images, label = the quadrant holding a bright 2 x 2 square, Gaussian noise sd 0.3. */
    static Tensor[] quadrants(Rng rng, int n) {
        Tensor x = Tensor.zeros(n, 64), y = Tensor.zeros(n, 4);
        for (int i = 0; i < n; i++) {
            int c = rng.nextInt(4);
            int r0 = (c / 2) * 4 + rng.nextInt(3), c0 = (c % 2) * 4 + rng.nextInt(3);
            for (int p = 0; p < 64; p++) x.data()[64 * i + p] = (float) (0.3 * rng.gaussian());
            for (int a = 0; a < 2; a++) for (int b = 0; b < 2; b++) x.data()[64 * i + (r0 + a) * 8 + c0 + b] += 1f;
            y.data()[4 * i + c] = 1f;
        }
        return new Tensor[] {x, y};
    }

    /** Sequences of 6 steps of 3 values; label 1 when the first feature sums above 0. LSTM or GRU (hidden 8) then Dense 8 -> 2. */
    static Tensor[] sequences(Rng rng, int n) {
        Tensor x = Tensor.zeros(n, 18), y = Tensor.zeros(n, 2);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < 18; j++) {
                float v = (float) rng.gaussian();
                x.data()[18 * i + j] = v;
                if (j % 3 == 0) s += v;
            }
            y.data()[2 * i + (s > 0 ? 1 : 0)] = 1f;
        }
        return new Tensor[] {x, y};
    }

    static double[] trainNet(Backend be, String kind, int steps) {
        Sequential net;
        if (kind.equals("cnn")) {
            net = cnn(be, 5);
        } else {
            Rng rng = new Rng(6);
            Recurrent.Cell cell = Recurrent.Cell.byId(kind);
            net = new Sequential(List.of(new Recurrent(be, cell, 3, 8, 6, false, false, 0, rng), new Dense(be, 8, 2, rng)));
        }
        Optimizer opt = new Adam(be, net.trainable(), 0.01);
        Loss loss = new SoftmaxCrossEntropy(be);
        Rng data = new Rng(8);
        double[] curve = new double[steps];
        for (int t = 0; t < steps; t++) {
            Tensor[] b = kind.equals("cnn") ? quadrants(data, 32) : sequences(data, 32);
            opt.zeroGrad();
            curve[t] = loss.forward(net.forward(b[0]), b[1]);
            net.backward(loss.backward(), false);
            opt.step();
        }
        return curve;
    }

    @Test
    @DisplayName("a conv-ReLU-maxpool-dense CNN (quadrant images), an LSTM and a GRU (sign of a sum), Adam 0.01, 60 steps of 32: OpenCL and CPU losses within 1e-3 + 1e-2 |cpu| at every step, and all learn (mean of the last 10 < 0.6 of the first)")
    void convAndRecurrentTrainingRunsMatchCpu() {
        int steps = 60;
        for (String kind : List.of("cnn", "lstm", "gru")) {
            double[] c = trainNet(cpu, kind, steps), g = trainNet(cl, kind, steps);
            double worst = 0, lastC = 0, lastG = 0;
            for (int t = 0; t < steps; t++) {
                double d = Math.abs(c[t] - g[t]);
                worst = Math.max(worst, d);
                assertTrue(d <= 1e-3 + 1e-2 * Math.abs(c[t]), kind + " step " + t + ": cpu " + c[t] + ", opencl " + g[t]);
            }
            for (int t = steps - 10; t < steps; t++) {
                lastC += c[t] / 10;
                lastG += g[t] / 10;
            }
            System.out.printf("%s run: first loss %.4f, last-10 mean cpu %.4f opencl %.4f, worst |d| %.2e%n", kind, c[0], lastC, lastG, worst);
            assertTrue(lastC < 0.6 * c[0] && lastG < 0.6 * g[0], kind + " did not learn: " + c[0] + " -> " + lastC + " / " + lastG);
            assertTrue(cl.ranOnOpenCl());
        }
    }
}
