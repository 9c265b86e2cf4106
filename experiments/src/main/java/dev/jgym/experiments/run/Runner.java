package dev.jgym.experiments.run;

import dev.jgym.agents.run.ExperimentKind;
import dev.jgym.agents.run.Run;
import dev.jgym.agents.run.RunOptions;
import dev.jgym.agents.run.Progress;
import dev.jgym.agents.run.RunFailure;
import dev.jgym.agents.run.StopSignal;
import dev.jgym.core.config.UserError;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code jgym train}, the same for every {@link ExperimentKind}: find the kind the config names,
 * prepare the run (validation, no work), make the run folder safe ({@link RunFolder}), then run
 * it with a progress bar on stderr, print its summary on stdout and one timing line on stderr.
 *
 * <p>Ctrl-C (SIGINT) or SIGTERM during a resumable run writes its checkpoint and exits with 130;
 * {@code --resume} then continues to the same bytes as an uninterrupted run. Other kinds write
 * nothing half (every file goes through a temporary file and a rename) and exit with 130 at once.
 */
public final class Runner {
    /** Exit status after an interruption (128 + SIGINT). */
    public static final int INTERRUPTED = 130;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final boolean handleSignals;

    /**
     * @param terminal whether stderr is a terminal (a redrawn bar; otherwise a line every 10%)
     * @param handleSignals catch SIGINT and SIGTERM (the command line; not inside tests)
     */
    public Runner(PrintStream out, PrintStream err, boolean terminal, boolean handleSignals) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.handleSignals = handleSignals;
    }

    /** Trains {@code configFile} into {@code outDir} (null: {@code runs/<name>}); returns the exit status. */
    public int train(Path configFile, Path outDir, boolean force, boolean quiet, RunOptions options) {
        if (!Files.exists(configFile)) throw new UserError(configFile + ": no such file");
        if (Files.isDirectory(configFile)) throw new UserError(configFile + ": is a folder, expected a JSON config file");
        ExperimentKind kind = ExperimentKinds.forConfig(configFile);
        if (options.resume() && !kind.resumable()) {
            throw new UserError("--resume: " + configFile + " is a " + kind.name() + " config, and " + kind.name() + " runs write no checkpoint");
        }
        if (options.backend() != null && !kind.takesBackend()) {
            throw new UserError("--backend: " + configFile + " is a " + kind.name() + " config, which names its backend itself (or runs on the CPU)");
        }
        Run run = kind.prepare(configFile, options);
        Path dir = RunFolder.resolve(outDir, run.name(), configFile);
        RunFolder.prepare(dir, configFile, options.resume(), force, kind.resumable());

        StopSignal stop = new StopSignal();
        long start = System.nanoTime();
        Run.Outcome outcome;
        Restore signals = handleSignals ? catchSignals(stop, kind.resumable()) : () -> { };
        try {
            if (quiet) {
                outcome = run.run(dir, Progress.NONE, stop);
            } else {
                err.println("jgym: " + run.banner(options.threads()));
                try (ProgressBar bar = new ProgressBar(err, run.unit(), run.totalWork(), terminal)) {
                    outcome = run.run(dir, bar, stop);
                }
            }
        } catch (UncheckedIOException e) {
            throw new RunFailure("cannot write the results in " + dir + ": " + RunFolder.reason(e.getCause()));
        } finally {
            signals.restore();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (outcome.interrupted()) {
            err.printf(Locale.ROOT, "jgym: interrupted after %d %s; checkpoint written to %s; continue with: jgym train %s --out %s --resume%n",
                    outcome.workDone(), run.unit(), dir.resolve(RunFolder.CHECKPOINT), configFile, dir);
            return INTERRUPTED;
        }
        if (!quiet) {
            outcome.printSummary(out);
            err.printf(Locale.ROOT, "jgym: %.2f s, %s %s/s; results in %s%n", seconds, rate(outcome.workDone() / Math.max(seconds, 1e-9)), run.unit(), dir);
        }
        return 0;
    }

    static String rate(double perSecond) {
        if (perSecond >= 1e6) return String.format(Locale.ROOT, "%.1fM", perSecond / 1e6);
        if (perSecond >= 1e4) return String.format(Locale.ROOT, "%.1fk", perSecond / 1e3);
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }

    private interface Restore {
        void restore();
    }

    /** Ctrl-C and SIGTERM: a resumable run stops at its next step with a checkpoint; others exit now. */
    private Restore catchSignals(StopSignal stop, boolean resumable) {
        SignalHandler handler = sig -> {
            if (resumable && !stop.requested()) {
                stop.request();
                return;
            }
            err.println("jgym: interrupted" + (resumable ? " again; the last checkpoint stays" : "; nothing half-written is left"));
            Runtime.getRuntime().halt(INTERRUPTED);
        };
        SignalHandler oldInt = Signal.handle(new Signal("INT"), handler);
        SignalHandler oldTerm = Signal.handle(new Signal("TERM"), handler);
        return () -> {
            Signal.handle(new Signal("INT"), oldInt);
            Signal.handle(new Signal("TERM"), oldTerm);
        };
    }
}
