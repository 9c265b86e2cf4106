package dev.jgym.core.config;

/**
 * A mistake in what the user gave us (a config, an option, a file, an id): the command line
 * prints {@code jgym: <message>} on one line and exits with code 2, without a stack trace.
 *
 * <p>The message names the file, the field (as a JSON path) and what was expected versus found,
 * for example {@code configs/a.json: $.agents[1].epsilon: expected a number, found "0.1x"}.
 */
public class UserError extends RuntimeException {

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }

    /** The same error with a prefix that says where it happened (a file, an env id). */
    public UserError in(String where) {
        return new UserError(where + ": " + getMessage(), this);
    }
}
