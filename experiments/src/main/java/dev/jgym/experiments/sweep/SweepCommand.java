package dev.jgym.experiments.sweep;

import dev.jgym.core.config.UserError;
import dev.jgym.experiments.run.CommandLines;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jgym sweep <sweep.json> [--engine local|spark] [--master URL] [--out DIR] [--threads N] [--quiet]}.
 * The engines come from the caller: the {@code experiments} module knows only {@code local}; the
 * {@code sweeps} module adds {@code spark}. Exit codes as everywhere: 0 done (even with failed
 * trials, which the table marks), 2 a user's mistake, 1 an internal failure.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a sweep of experiments (seeds x settings) on a thread pool, or on Apache Spark (./jgym sweep).",
                "Run it again after an interruption: finished trials are kept, the rest run."})
public final class SweepCommand implements Callable<Integer> {
    /** What the command line asked of an engine. */
    public record EngineOptions(String master, int threads, String appName) {}

    /** Makes an engine from the options. */
    public interface Engine {
        SweepRunner create(EngineOptions options);
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, Engine> engines;

    @Parameters(paramLabel = "<sweep.json>", description = "the sweep's config")
    Path file;

    @Option(names = "--engine", paramLabel = "NAME", description = "where trials run: local or spark (default: local)")
    String engine = "local";

    @Option(names = "--master", paramLabel = "URL", description = "Spark's master, with --engine spark (default: local[*])")
    String master;

    @Option(names = "--out", paramLabel = "DIR", description = "the sweep's folder (default: runs/sweeps/<name>)")
    Path outDir;

    @Option(names = "--threads", paramLabel = "N", description = "trials at once on the local engine (default: the CPU count)")
    Integer threadOption;

    @Option(names = {"-q", "--quiet"}, description = "no progress lines and no table")
    boolean quiet;

    public SweepCommand(PrintStream out, PrintStream err, Map<String, Engine> engines) {
        this.out = out;
        this.err = err;
        this.engines = engines;
    }

    /** Runs {@code jgym sweep args} with these engines; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, Engine> engines) {
        return CommandLines.execute(new CommandLine(new SweepCommand(out, err, engines)), args, out, err);
    }

    @Override
    public Integer call() {
        int threads = threadOption == null ? Runtime.getRuntime().availableProcessors() : threadOption;
        if (threads < 1 || threads > 1024) throw new UserError("sweep: --threads: expected an integer in [1, 1024], found " + threads);
        if (!engines.containsKey(engine)) {
            throw new UserError("sweep: --engine: expected one of " + String.join(", ", engines.keySet()) + ", found \"" + engine + "\""
                    + (engine.equals("spark") ? " (the Spark engine lives in the sweeps module: run ./jgym sweep)" : ""));
        }
        if (master != null && !engine.equals("spark")) throw new UserError("sweep: --master is for --engine spark, found --engine " + engine);
        if (Files.isDirectory(file)) throw new UserError(file + ": is a folder, expected a sweep file");
        SweepPlan plan = SweepPlan.read(file);
        if (outDir == null) outDir = Path.of("runs", "sweeps", plan.config().name());

        boolean silent = quiet;
        long start = System.nanoTime();
        int total = plan.trials().size();
        AtomicInteger done = new AtomicInteger();
        try (SweepRunner runner = engines.get(engine).create(new EngineOptions(master, threads, "jgym sweep " + plan.config().name()))) {
            if (!quiet) {
                err.printf(Locale.ROOT, "jgym: sweep %s: %d settings x %d seeds = %d trials on %s%n", plan.config().name(),
                        plan.settings().size(), plan.config().seeds().size(), total, runner.describe());
            }
            Sweep.Result result = Sweep.run(plan, file, outDir, runner, o -> {
                int n = done.incrementAndGet();
                if (!silent) {
                    TrialSummary s = o.summary();
                    err.printf(Locale.ROOT, "jgym: [%d/%d] %s %s%s%n", n, total, s.id(), o.reused() ? "already done" : s.status(),
                            s.ok() ? "" : ": " + s.error());
                }
            });
            if (!quiet) {
                printTable(result);
                err.printf(Locale.ROOT, "jgym: %.2f s; %d trials run, %d already done, %d failed; results in %s%n",
                        (System.nanoTime() - start) / 1e9, total - result.reused(), result.reused(), result.failed(), outDir);
            }
        }
        return 0;
    }

    private void printTable(Sweep.Result result) {
        SweepConfig.Report report = result.plan().config().report();
        out.printf(Locale.ROOT, "%s (%s), mean over seeds with 95%% interval:%n", report.metric(), report.summary());
        for (SweepTable.Row r : SweepTable.rows(result.plan(), result.summaries())) {
            out.printf(Locale.ROOT, "  %-28s %-34s %12s%s%n", r.agent(), r.setting().label(),
                    r.values().length == 0 ? "-" : String.format(Locale.ROOT, "%.4f ± %.4f", r.mean(), r.ci95()),
                    r.failed() > 0 ? "  (" + r.failed() + " failed)" : "");
        }
    }


}
