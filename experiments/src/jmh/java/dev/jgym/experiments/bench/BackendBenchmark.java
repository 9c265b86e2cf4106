package dev.jgym.experiments.bench;

import dev.jgym.nn.ActivationKind;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Backends;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.layers.Activation;
import dev.jgym.nn.layers.Dense;
import dev.jgym.nn.layers.Sequential;
import dev.jgym.nn.loss.Loss;
import dev.jgym.nn.loss.PointwiseLoss;
import dev.jgym.nn.optim.Adam;
import dev.jgym.nn.optim.Optimizer;
import dev.jgym.core.rng.Rng;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The same work on each backend spec, in one run: fp32 GEMM C = A B (n x n x n, operands already
 * on the device for OpenCL, so this times the kernel) and one MLP training step (forward, Huber
 * loss, backward, Adam) of a DQN-sized 4-64-64-2 network on a batch of 32 and of a 784-256-128-10
 * network on a batch of 128. GFLOP/s = 2 n^3 / (ms per op * 1e6).
 *
 * <p>On a GPU machine: {@code -p backend=cpu,opencl:0 -p n=4096} (see docs/BENCHMARKS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g", "-Dcom.aparapi.logLevel=SEVERE"})
public class BackendBenchmark {
    @Param({"cpu:2", "cpu:1", "opencl"})
    public String backend;

    @Param({"256", "512"})
    public int n;

    private Backend be;
    private Tensor a, b, c;
    private Step small, large;

    /** One network, optimizer, loss and batch: a training step is {@link #run()}. */
    static final class Step {
        final Sequential net;
        final Optimizer opt;
        final Loss loss;
        final Tensor x, y;

        Step(Backend be, int[] widths, int batch, Rng rng) {
            java.util.List<dev.jgym.nn.layers.Layer> layers = new java.util.ArrayList<>();
            for (int i = 0; i + 1 < widths.length; i++) {
                layers.add(new Dense(be, widths[i], widths[i + 1], rng));
                if (i + 2 < widths.length) layers.add(new Activation(be, ActivationKind.RELU));
            }
            net = new Sequential(layers);
            opt = new Adam(be, net.trainable(), 1e-3);
            loss = PointwiseLoss.huber(be, 1.0, Loss.Reduction.MEAN);
            x = Tensor.zeros(batch, widths[0]);
            y = Tensor.zeros(batch, widths[widths.length - 1]);
            for (int i = 0; i < x.size(); i++) x.data()[i] = (float) rng.gaussian();
            for (int i = 0; i < y.size(); i++) y.data()[i] = (float) rng.gaussian();
        }

        double run() {
            opt.zeroGrad();
            double l = loss.forward(net.forward(x), y);
            net.backward(loss.backward(), false);
            opt.step();
            return l;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        be = Backends.create(backend);
        Rng rng = new Rng(1);
        a = Tensor.zeros(n, n);
        b = Tensor.zeros(n, n);
        c = Tensor.zeros(n, n);
        for (int i = 0; i < n * n; i++) {
            a.data()[i] = (float) rng.gaussian();
            b.data()[i] = (float) rng.gaussian();
        }
        small = new Step(be, new int[] {4, 64, 64, 2}, 32, rng.child("small"));
        large = new Step(be, new int[] {784, 256, 128, 10}, 128, rng.child("large"));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        be.close();
    }

    @Benchmark
    public Tensor gemm() {
        be.gemm(false, false, 1f, a, b, 0f, c);
        return c;
    }

    @Benchmark
    public double trainStepDqn4x64x64x2() {
        return small.run();
    }

    @Benchmark
    public double trainStepMlp784x256x128x10() {
        return large.run();
    }
}
