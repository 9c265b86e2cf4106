package dev.jgym.experiments.bench;

import dev.jgym.nn.data.ArrayDataset;
import dev.jgym.nn.data.DataLoader;
import dev.jgym.nn.ActivationKind;
import dev.jgym.nn.Init;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.Training;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.nn.layers.Activation;
import dev.jgym.nn.layers.Dense;
import dev.jgym.nn.layers.Dropout;
import dev.jgym.nn.layers.Sequential;
import dev.jgym.nn.loss.SoftmaxCrossEntropy;
import dev.jgym.nn.optim.Adam;
import dev.jgym.core.rng.Rng;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training the MNIST MLP (784-256-128-10, ReLU, dropout 0.2, Adam, batch 128) on MNIST-shaped
 * random data (speed does not depend on the pixel values): one step, and one epoch of 60,000
 * examples (469 steps, batches built by the DataLoader included).
 * Samples/s = 128 / (ms per step * 1e-3).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class MlpBenchmark {
    @Param({"1", "2"})
    public int threads;

    private CpuBackend backend;
    private Sequential net;
    private Adam adam;
    private SoftmaxCrossEntropy loss;
    private Tensor x, y;
    private DataLoader loader;
    private long epoch;

    @Setup(Level.Trial)
    public void setUp() {
        backend = new CpuBackend(threads);
        Rng rng = new Rng(3);
        net = Sequential.of(new Dense(backend, 784, 256, Init.heNormal(), Init.constant(0), rng), new Activation(backend, ActivationKind.RELU),
                new Dropout(backend, 0.2, rng.child("d1")),
                new Dense(backend, 256, 128, Init.heNormal(), Init.constant(0), rng), new Activation(backend, ActivationKind.RELU),
                new Dropout(backend, 0.2, rng.child("d2")),
                new Dense(backend, 128, 10, Init.heNormal(), Init.constant(0), rng));
        adam = new Adam(net.trainable(), 1e-3);
        loss = new SoftmaxCrossEntropy(backend);
        x = Tensor.zeros(128, 784);
        for (int i = 0; i < x.size(); i++) x.data()[i] = rng.nextFloat();
        int[] labels = new int[128];
        for (int i = 0; i < 128; i++) labels[i] = rng.nextInt(10);
        y = SoftmaxCrossEntropy.oneHot(labels, 10);
        float[] pixels = new float[60_000 * 784];
        for (int i = 0; i < pixels.length; i++) pixels[i] = rng.nextFloat();
        int[] all = new int[60_000];
        for (int i = 0; i < all.length; i++) all[i] = rng.nextInt(10);
        loader = new DataLoader(new ArrayDataset(pixels, 784, all, 10), 128, true, false, rng.child("data"), List.of());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        backend.close();
    }

    @Benchmark
    public double trainStepBatch128() {
        adam.zeroGrad();
        double l = loss.forward(net.forward(x), y);
        net.backward(loss.backward(), false);
        adam.step();
        return l;
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public double trainEpochMnistShaped() {
        return Training.trainEpoch(net, backend, adam, loader, epoch++, 0, n -> { }).loss();
    }
}
