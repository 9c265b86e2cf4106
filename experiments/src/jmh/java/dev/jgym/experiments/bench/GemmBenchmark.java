package dev.jgym.experiments.bench;

import dev.jgym.nn.Tensor;
import dev.jgym.nn.cpu.CpuBackend;
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
 * fp32 GEMM C = A B, n x n x n: the CPU backend (2 threads and 1 thread) against a naive triple
 * loop, in the same run. GFLOP/s = 2 n^3 / (ms per op * 1e6).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class GemmBenchmark {
    @Param({"256", "512", "1024"})
    public int n;

    private Tensor a, b, c;
    private CpuBackend two, one;

    @Setup(Level.Trial)
    public void setUp() {
        Rng rng = new Rng(1);
        a = Tensor.zeros(n, n);
        b = Tensor.zeros(n, n);
        c = Tensor.zeros(n, n);
        for (int i = 0; i < n * n; i++) {
            a.data()[i] = (float) rng.gaussian();
            b.data()[i] = (float) rng.gaussian();
        }
        two = new CpuBackend(2);
        one = new CpuBackend(1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        two.close();
        one.close();
    }

    @Benchmark
    public Tensor cpuBackend2Threads() {
        two.gemm(false, false, 1f, a, b, 0f, c);
        return c;
    }

    @Benchmark
    public Tensor cpuBackend1Thread() {
        one.gemm(false, false, 1f, a, b, 0f, c);
        return c;
    }

    /** The textbook i-j-k triple loop, one thread. */
    @Benchmark
    public Tensor naiveTripleLoop() {
        float[] x = a.data(), y = b.data(), z = c.data();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0;
                for (int k = 0; k < n; k++) s += x[i * n + k] * y[k * n + j];
                z[i * n + j] = s;
            }
        }
        return c;
    }
}
