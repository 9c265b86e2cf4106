package dev.jgym.experiments.bench;

import dev.jgym.experiments.Experiment;
import dev.jgym.experiments.ExperimentResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Wall time of the whole Sutton and Barto Figure 2.2 experiment (3 agents x 2000 runs x 1000
 * steps = 6M pulls) from {@code configs/bandits/testbed-figure-2.2.json}, on 1 and 2 threads.
 * Run from the repository root so the config is found.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xss4m", "--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class Figure22Benchmark {
    @Param({"1", "2"})
    int threads;

    Experiment experiment;

    @Setup
    public void setup() {
        Path config = Path.of("configs/bandits/testbed-figure-2.2.json");
        if (!Files.exists(config)) throw new IllegalStateException("run from the repository root: " + config + " not found");
        experiment = Experiment.read(config);
    }

    @Benchmark
    public ExperimentResult figure22() {
        return experiment.run(threads, n -> { });
    }
}
