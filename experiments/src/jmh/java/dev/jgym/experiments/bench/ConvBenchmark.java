package dev.jgym.experiments.bench;

import dev.jgym.core.config.Json;
import dev.jgym.nn.Init;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.nn.layers.Layers;
import dev.jgym.nn.layers.Sequential;
import dev.jgym.nn.loss.SoftmaxCrossEntropy;
import dev.jgym.nn.optim.Adam;
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
 * One training step (forward, loss, backward, Adam) on a batch of 128 MNIST-shaped random
 * images, CPU backend: {@code lenet} is configs/mnist-cnn.json's net, {@code alexnet} the small
 * AlexNet-style C-P-N-C-P-N-F-F net, {@code mlp} the 784-256-128-10 MLP of configs/mnist-mlp.json
 * (the baseline, same harness), {@code lstm} configs/mnist-lstm.json's LSTM over 28 rows.
 * Images/s = 128 / step time; an epoch of 60,000 is 469 steps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx3g"})
public class ConvBenchmark {
    static final String LENET = """
            [{"type": "conv2d", "out_channels": 8, "kernel": 5, "padding": 2}, {"type": "relu"}, {"type": "maxpool2d", "kernel": 2},
             {"type": "conv2d", "out_channels": 16, "kernel": 5}, {"type": "relu"}, {"type": "maxpool2d", "kernel": 2},
             {"type": "flatten"}, {"type": "dense", "out": 128}, {"type": "relu"}, {"type": "dropout", "p": 0.3}, {"type": "dense", "out": 10}]""";
    static final String ALEXNET = """
            [{"type": "conv2d", "out_channels": 32, "kernel": 5, "padding": 2}, {"type": "relu"}, {"type": "maxpool2d", "kernel": 3, "stride": 2},
             {"type": "lrn", "size": 5},
             {"type": "conv2d", "out_channels": 64, "kernel": 5, "padding": 2}, {"type": "relu"}, {"type": "maxpool2d", "kernel": 3, "stride": 2},
             {"type": "lrn", "size": 5}, {"type": "flatten"},
             {"type": "dense", "out": 256}, {"type": "relu"}, {"type": "dropout", "p": 0.5}, {"type": "dense", "out": 10}]""";
    static final String MLP = """
            [{"type": "dense", "out": 256}, {"type": "relu"}, {"type": "dropout", "p": 0.2},
             {"type": "dense", "out": 128}, {"type": "relu"}, {"type": "dropout", "p": 0.2}, {"type": "dense", "out": 10}]""";
    static final String LSTM = """
            [{"type": "lstm", "hidden": 128}, {"type": "dense", "out": 10}]""";

    @Param({"mlp", "lenet", "alexnet", "lstm"})
    public String net;

    @Param({"1", "2"})
    public int threads;

    private CpuBackend backend;
    private Sequential model;
    private Adam adam;
    private SoftmaxCrossEntropy loss;
    private Tensor x, y;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        backend = new CpuBackend(threads);
        String spec;
        int[] shape;
        switch (net) {
            case "lenet": spec = LENET; shape = new int[] {1, 28, 28}; break;
            case "alexnet": spec = ALEXNET; shape = new int[] {1, 28, 28}; break;
            case "lstm": spec = LSTM; shape = new int[] {28, 28}; break;
            default: spec = MLP; shape = new int[] {784}; break;
        }
        Rng rng = new Rng(3);
        model = Layers.sequential(Json.MAPPER.readTree(spec), shape, backend, new Layers.Inits(Init.heNormal(), Init.constant(0), rng), "bench", "$");
        adam = new Adam(model.trainable(), 1e-3);
        loss = new SoftmaxCrossEntropy(backend);
        x = Tensor.zeros(128, 784);
        for (int i = 0; i < x.size(); i++) x.data()[i] = rng.nextFloat();
        int[] labels = new int[128];
        for (int i = 0; i < 128; i++) labels[i] = rng.nextInt(10);
        y = SoftmaxCrossEntropy.oneHot(labels, 10);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        backend.close();
    }

    /** One training step on a batch of 128. */
    @Benchmark
    public double trainStep() {
        adam.zeroGrad();
        double l = loss.forward(model.forward(x), y);
        model.backward(loss.backward(), false);
        adam.step();
        return l;
    }
}
