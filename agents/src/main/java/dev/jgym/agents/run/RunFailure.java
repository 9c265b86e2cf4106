package dev.jgym.agents.run;

/**
 * A run that could not finish for a reason that is not the user's mistake in the command line
 * but is not a bug either: a diverged loss, a full disk. One line on stderr, exit status 1.
 */
public class RunFailure extends RuntimeException {
    public RunFailure(String message) {
        super(message);
    }
}
