package dev.jgym.experiments.sweep;

import dev.jgym.experiments.cli.Args;
import dev.jgym.core.config.UserError;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code jgym sweep <sweep.json> [--engine local|spark] [--master URL] [--out DIR] [--threads N] [--quiet]}.
 * The engines come from the caller: the {@code agents} module knows only {@code local}; the
 * {@code sweeps} module adds {@code spark}. Exit codes as everywhere: 0 done (even with failed
 * trials, which the table marks), 2 a user's mistake, 1 an internal failure.
 */
public final class SweepCommand {
    public static final String USAGE = "usage: jgym sweep <sweep.json> [--engine local|spark] [--master URL] [--out DIR] [--threads N] [--quiet]";

    /** What the command line asked of an engine. */
    public record EngineOptions(String master, int threads, String appName) {}

    /** Makes an engine from the options. */
    public interface Engine {
        SweepRunner create(EngineOptions options);
    }

    private SweepCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, Engine> engines) {
        try {
            return sweep(new ArrayDeque<>(List.of(args)), out, err, engines);
        } catch (UserError e) {
            err.println("jgym: " + e.getMessage());
            return 2;
        } catch (RuntimeException | Error e) {
            err.println("jgym: internal error (please report it with the trace below)");
            e.printStackTrace(err);
            return 1;
        }
    }

    private static int sweep(Deque<String> args, PrintStream out, PrintStream err, Map<String, Engine> engines) {
        Path file = null, outDir = null;
        String engine = "local", master = null;
        int threads = Runtime.getRuntime().availableProcessors();
        boolean quiet = false;
        while (!args.isEmpty()) {
            String a = args.poll();
            switch (a) {
                case "--engine" -> engine = Args.value("sweep: " + a, args);
                case "--master" -> master = Args.value("sweep: " + a, args);
                case "--out" -> outDir = Path.of(Args.value("sweep: " + a, args));
                case "--threads" -> threads = Args.positiveInt("sweep: " + a, Args.value("sweep: " + a, args));
                case "--quiet", "-q" -> quiet = true;
                default -> {
                    if (a.startsWith("-")) throw new UserError("sweep: unknown option " + a + " (" + USAGE + ")");
                    if (file != null) throw new UserError("sweep: one sweep file expected, found " + file + " and " + a);
                    file = Path.of(a);
                }
            }
        }
        if (file == null) throw new UserError("sweep: missing the sweep file (" + USAGE + ")");
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
                printTable(out, result);
                err.printf(Locale.ROOT, "jgym: %.2f s; %d trials run, %d already done, %d failed; results in %s%n",
                        (System.nanoTime() - start) / 1e9, total - result.reused(), result.reused(), result.failed(), outDir);
            }
        }
        return 0;
    }

    private static void printTable(PrintStream out, Sweep.Result result) {
        SweepConfig.Report report = result.plan().config().report();
        out.printf(Locale.ROOT, "%s (%s), mean over seeds with 95%% interval:%n", report.metric(), report.summary());
        for (SweepTable.Row r : SweepTable.rows(result.plan(), result.summaries())) {
            out.printf(Locale.ROOT, "  %-28s %-34s %12s%s%n", r.agent(), r.setting().label(),
                    r.values().length == 0 ? "-" : String.format(Locale.ROOT, "%.4f ± %.4f", r.mean(), r.ci95()),
                    r.failed() > 0 ? "  (" + r.failed() + " failed)" : "");
        }
    }


}
