package dev.jgym.experiments.bench;

import dev.jgym.core.rng.Rng;
import dev.jgym.nn.ActivationKind;
import dev.jgym.nn.FdlibmMath;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.cpu.CpuBackend;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A tanh layer of a PPO update (batch 256 x 64 units, pre-activations N(0, 1.5^2)), one thread,
 * time per value: the CPU backend's activation (vector lanes, {@code VectorKernel.tanhLanes})
 * against the two scalar loops with the same bits, {@code (float) StrictMath.tanh} (JDK 17: C
 * fdlibm through JNI) and {@code (float) FdlibmMath.tanh} (the same in Java).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx1g"})
public class TanhBenchmark {
    private static final int N = 256 * 64;

    private Tensor x, y;
    private CpuBackend one;

    @Setup(Level.Trial)
    public void setUp() {
        x = Tensor.zeros(256, 64);
        y = Tensor.zeros(256, 64);
        Rng rng = new Rng(1);
        for (int i = 0; i < N; i++) x.data()[i] = (float) (1.5 * rng.gaussian());
        one = new CpuBackend(1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        one.close();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public Tensor cpuBackendActivation() {
        one.activation(ActivationKind.TANH, 0f, x, y);
        return y;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float[] strictMathLoop() {
        float[] xs = x.data(), ys = y.data();
        for (int i = 0; i < N; i++) ys[i] = (float) StrictMath.tanh(xs[i]);
        return ys;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float[] fdlibmJavaLoop() {
        float[] xs = x.data(), ys = y.data();
        for (int i = 0; i < N; i++) ys[i] = (float) FdlibmMath.tanh(xs[i]);
        return ys;
    }
}
