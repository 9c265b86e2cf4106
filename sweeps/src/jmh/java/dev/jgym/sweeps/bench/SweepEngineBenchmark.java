package dev.jgym.sweeps.bench;

import dev.jgym.experiments.sweep.LocalSweepRunner;
import dev.jgym.experiments.sweep.Sweep;
import dev.jgym.experiments.sweep.SweepPlan;
import dev.jgym.experiments.sweep.SweepRunner;
import dev.jgym.sweeps.SparkSweepRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
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
 * The speed question: the Spark engine's overhead against the thread pool for 100 short
 * trials (10-armed testbed, 2 agents, 4 runs x 200 steps each, every trial writing its outputs).
 * One invocation is one whole sweep into a fresh folder (nothing reused). {@code local}: the
 * thread pool on 2 threads; {@code spark}: an embedded {@code local[2]} Spark started once per
 * fork (its start-up excluded); {@code spark-cold}: a new Spark context per sweep, as
 * {@code jgym sweep --engine spark} pays it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xss4m", "-Djava.awt.headless=true",
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
        "--add-opens=java.base/sun.security.action=ALL-UNNAMED", "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED"})
public class SweepEngineBenchmark {
    @Param({"local", "spark", "spark-cold"})
    public String engine;

    private Path dir;
    private Path file;
    private SweepPlan plan;
    private JavaSparkContext warm;
    private int sweeps;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("jgym-sweep-bench");
        Files.writeString(dir.resolve("base.json"), """
                {"name": "bench", "env": {"id": "GaussianBandit-v0", "options": {"k": 10}},
                 "agents": [{"label": "eps", "type": "epsilon-greedy", "settings": {"epsilon": 0.1}},
                            {"label": "ucb", "type": "ucb", "settings": {"c": 2.0}}],
                 "seed": 0, "runs": 4, "steps": 200}""");
        file = dir.resolve("sweep.json");
        Files.writeString(file, """
                {"name": "bench", "base": "base.json",
                 "grid": {"$.agents[0].settings.epsilon": [0.0, 0.01, 0.05, 0.1, 0.2], "$.agents[1].settings.c": [0.5, 1.0, 2.0, 4.0]},
                 "seeds": [0, 1, 2, 3, 4], "report": {"metric": "reward", "summary": "mean"}}""");
        plan = SweepPlan.read(file);
        if (plan.trials().size() != 100) throw new IllegalStateException("expected 100 trials, have " + plan.trials().size());
        if (engine.equals("spark")) warm = new JavaSparkContext(conf());
    }

    static SparkConf conf() {
        return new SparkConf().setMaster("local[2]").setAppName("jgym sweep bench").set("spark.ui.enabled", "false");
    }

    @Benchmark
    public long sweep100Trials() {
        Path out = dir.resolve("out-" + sweeps++);
        SweepRunner runner = switch (engine) {
            case "local" -> new LocalSweepRunner(2);
            case "spark" -> new SparkSweepRunner(warm);
            default -> new SparkSweepRunner("local[2]", "jgym sweep bench");
        };
        try (runner) {
            Sweep.Result r = Sweep.run(plan, file, out, runner, o -> { });
            if (r.reused() != 0 || r.failed() != 0) throw new IllegalStateException("reused " + r.reused() + ", failed " + r.failed());
            return r.outcomes().size();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (warm != null) warm.stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
