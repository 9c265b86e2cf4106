package dev.jgym.experiments.run;

import dev.jgym.agents.run.RunFailure;
import dev.jgym.core.config.UserError;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Runs a picocli command the way every jgym command runs: a mistake in the command line or in a
 * config is one line, {@code jgym: <what is wrong>}, and exit 2; a run that cannot finish (a
 * diverged loss, a full disk) one line and 1; an internal failure its stack trace and 1.
 */
public final class CommandLines {
    /** Exit status of a mistake in the command line or the config. */
    public static final int MISUSE = 2;

    private CommandLines() {}

    public static int execute(CommandLine cl, String[] args, PrintStream out, PrintStream err) {
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("jgym: " + Mistakes.describe(ex));
            return MISUSE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> failure(ex, err));
        try {
            return cl.execute(args);
        } catch (RuntimeException | Error e) {
            return failure(e, err);
        }
    }

    /** The exit status of a failure, after its one line (or its trace, for a bug). */
    public static int failure(Throwable ex, PrintStream err) {
        if (ex instanceof UserError) {
            err.println("jgym: " + ex.getMessage());
            return MISUSE;
        }
        if (ex instanceof RunFailure) {
            err.println("jgym: " + ex.getMessage());
            return 1;
        }
        if (ex instanceof UncheckedIOException io) {
            err.println("jgym: " + (io.getMessage() == null ? "" : io.getMessage() + ": ") + RunFolder.reason(io.getCause()));
            return 1;
        }
        if (ex instanceof OutOfMemoryError) {
            err.println("jgym: out of memory (" + ex.getMessage() + "); give the JVM more with JAVA_TOOL_OPTIONS=-Xmx<size>, or make the config smaller");
            return 1;
        }
        err.println("jgym: internal error (please report it with the trace below)");
        ex.printStackTrace(err);
        return 1;
    }
}
