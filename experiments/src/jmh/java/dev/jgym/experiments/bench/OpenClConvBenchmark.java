package dev.jgym.experiments.bench;

import dev.jgym.core.config.Json;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Backends;
import dev.jgym.nn.Init;
import dev.jgym.nn.Tensor;
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
 * {@link ConvBenchmark}'s training step (batch of 128 MNIST-shaped images, softmax cross-entropy,
 * Adam) on a chosen backend: the CPU backend as the baseline and the OpenCL backend, whose
 * convolution, pooling and LSTM ops are direct per-element kernels. The nets without dropout
 * (dropout draws its mask on the host): {@code lenet} conv 8@5x5 pad 2, maxpool 2, conv 16@5x5,
 * maxpool 2, dense 128, dense 10; {@code lstm} 128 units over 28 rows, dense 10.
 * On a GPU machine: {@code -p backend=cpu:2,opencl:0}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx3g", "-Dcom.aparapi.logLevel=SEVERE"})
public class OpenClConvBenchmark {
    static final String LENET = """
            [{"type": "conv2d", "out_channels": 8, "kernel": 5, "padding": 2}, {"type": "relu"}, {"type": "maxpool2d", "kernel": 2},
             {"type": "conv2d", "out_channels": 16, "kernel": 5}, {"type": "relu"}, {"type": "maxpool2d", "kernel": 2},
             {"type": "flatten"}, {"type": "dense", "out": 128}, {"type": "relu"}, {"type": "dense", "out": 10}]""";

    @Param({"lenet", "lstm"})
    public String net;

    @Param({"cpu:2", "opencl"})
    public String backend;

    private Backend be;
    private Sequential model;
    private Adam adam;
    private SoftmaxCrossEntropy loss;
    private Tensor x, y;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        be = Backends.create(backend);
        String spec = net.equals("lstm") ? ConvBenchmark.LSTM : LENET;
        int[] shape = net.equals("lstm") ? new int[] {28, 28} : new int[] {1, 28, 28};
        Rng rng = new Rng(3);
        model = Layers.sequential(Json.MAPPER.readTree(spec), shape, be, new Layers.Inits(Init.heNormal(), Init.constant(0), rng), "bench", "$");
        adam = new Adam(be, model.trainable(), 1e-3);
        loss = new SoftmaxCrossEntropy(be);
        x = Tensor.zeros(128, 784);
        for (int i = 0; i < x.size(); i++) x.data()[i] = rng.nextFloat();
        int[] labels = new int[128];
        for (int i = 0; i < 128; i++) labels[i] = rng.nextInt(10);
        y = SoftmaxCrossEntropy.oneHot(labels, 10);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        be.close();
    }

    /** One training step on a batch of 128 (the batch stays on the device after the first step). */
    @Benchmark
    public double trainStep() {
        adam.zeroGrad();
        double l = loss.forward(model.forward(x), y);
        model.backward(loss.backward(), false);
        adam.step();
        return l;
    }
}
