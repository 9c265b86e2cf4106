package dev.jgym.agents.run;

/**
 * Training diverged: a loss or a parameter became NaN or infinite. The command line prints the
 * line and exits with 1; a sweep records the trial as {@code diverged} and goes on.
 */
public final class Diverged extends RunFailure {
    public Diverged(String message) {
        super(message);
    }
}
