package dev.jgym.experiments.bench;

import dev.jgym.core.config.Json;
import dev.jgym.experiments.Experiment;
import dev.jgym.experiments.ExperimentConfig;
import dev.jgym.experiments.ExperimentResult;
import dev.jgym.experiments.sweep.SweepPlan;
import dev.jgym.experiments.sweep.Trial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * The computation of Sutton and Barto Figure 7.2 from {@code configs/book/random-walk-figure-7.2.json}
 * (n-step TD on the 19-state walk, 10 n x 10 alpha x 100 runs x 10 episodes = 100,000 episodes,
 * the RMS error over the 19 states after every episode): every trial of the sweep run in process
 * as {@code jgym sweep} runs it, without writing its run folder (the per-trial CSVs and PNGs
 * that dominate the end-to-end time), with 1 and 2 threads per trial. The peer,
 * {@code scripts/peer-figure-7.2.py}, times the same computation in the widely used Python
 * reproduction. Run from the repository root so the config is found.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xss4m", "--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class Figure72Benchmark {
    @Param({"1", "2"})
    int threads;

    List<Experiment> trials;

    @Setup
    public void setup() {
        Path config = Path.of("configs/book/random-walk-figure-7.2.json");
        if (!Files.exists(config)) throw new IllegalStateException("run from the repository root: " + config + " not found");
        trials = new ArrayList<>();
        for (Trial t : SweepPlan.read(config).trials()) {
            try {
                Experiment e = new Experiment(Json.bind(Json.MAPPER.readTree(t.configJson()), ExperimentConfig.class, t.id(), "$"), t.id());
                e.validate();
                trials.add(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (trials.size() != 100) throw new IllegalStateException("expected 100 trials, found " + trials.size());
    }

    @Benchmark
    public List<ExperimentResult> figure72() {
        List<ExperimentResult> out = new ArrayList<>(trials.size());
        for (Experiment e : trials) out.add(e.run(threads, n -> { }));
        return out;
    }
}
