package dev.jgym.experiments.bench;

import dev.jgym.experiments.shallow.BatchSolves;
import dev.jgym.nn.anneal.Qubo;
import dev.jgym.nn.anneal.SimulatedAnnealing;
import dev.jgym.core.rng.Rng;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Simulated annealing speed (issue 12):
 * <ul>
 *   <li>{@code sweeps400}: annealing sweeps per second on a dense 400-variable QUBO (N(0,1)
 *       coefficients; 100 sweeps per read, one read; the score is sweeps/s);
 *   <li>{@code batchSolves1Thread} / {@code batchSolves2Threads}: 8 such solves (one per batch,
 *       seeded by the batch index) through {@link BatchSolves} on 1 and 2 threads; the ratio is
 *       the parallel speed-up (solves/s).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"--add-modules", "jdk.incubator.vector"})
public class AnnealBenchmark {
    static final int SWEEPS = 100, BATCHES = 8;
    Qubo q400;
    SimulatedAnnealing sa;

    @Setup
    public void setup() {
        Rng rng = new Rng(400);
        q400 = new Qubo(400);
        for (int i = 0; i < 400; i++) {
            q400.add(i, i, rng.gaussian());
            for (int j = i + 1; j < 400; j++) q400.add(i, j, rng.gaussian());
        }
        sa = new SimulatedAnnealing(new SimulatedAnnealing.Settings(SWEEPS, 1, null, null));
    }

    @Benchmark
    @OperationsPerInvocation(SWEEPS)
    public double sweeps400() {
        return sa.solve(q400, new Rng(1)).energy();
    }

    private double batches(int threads) {
        List<Double> e = BatchSolves.run(BATCHES, threads, b -> sa.solve(q400, new Rng(7).child(b)).energy());
        double s = 0;
        for (double v : e) s += v;
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(BATCHES)
    public double batchSolves1Thread() {
        return batches(1);
    }

    @Benchmark
    @OperationsPerInvocation(BATCHES)
    public double batchSolves2Threads() {
        return batches(2);
    }
}
