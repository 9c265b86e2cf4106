package dev.jgym.experiments.bench;

import dev.jgym.core.rng.Rng;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.cpu.CpuBackend;
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
 * One GEMM call at a DQN's sizes (batch 64, CartPole's 4 inputs, 64-64 hidden, 2 actions), one
 * thread: {@code shape} is {@code m,k,n} of C[m x n] = op(A)[m x k] op(B)[k x n], and {@code op}
 * which operand is transposed as the layer's pass has it: "nn" forward (X W), "tn" the weight
 * gradient (X^T dY), "nt" the input gradient (dY W^T). scripts/bench-peers.sh runs the same
 * products through numpy and PyTorch in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx1g"})
public class GemmSmallBenchmark {
    @Param({"64,64,64", "64,4,64", "64,64,2", "4,64,64"})
    public String shape;

    @Param({"nn", "tn", "nt"})
    public String op;

    private Tensor a, b, c;
    private boolean transA, transB;
    private CpuBackend one;

    @Setup(Level.Trial)
    public void setUp() {
        String[] s = shape.split(",");
        int m = Integer.parseInt(s[0].trim()), k = Integer.parseInt(s[1].trim()), n = Integer.parseInt(s[2].trim());
        transA = op.charAt(0) == 't';
        transB = op.charAt(1) == 't';
        a = transA ? Tensor.zeros(k, m) : Tensor.zeros(m, k);
        b = transB ? Tensor.zeros(n, k) : Tensor.zeros(k, n);
        c = Tensor.zeros(m, n);
        Rng rng = new Rng(1);
        for (int i = 0; i < a.data().length; i++) a.data()[i] = (float) rng.gaussian();
        for (int i = 0; i < b.data().length; i++) b.data()[i] = (float) rng.gaussian();
        one = new CpuBackend(1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        one.close();
    }

    @Benchmark
    public Tensor cpuBackend1Thread() {
        one.gemm(transA, transB, 1f, a, b, 0f, c);
        return c;
    }
}
