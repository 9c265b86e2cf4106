package dev.jgym.experiments.cli;

import dev.jgym.core.config.UserError;
import java.util.Deque;

/** Command-line option values, each mistake a {@link UserError} naming the option. */
public final class Args {
    private Args() {}

    /** The value after {@code option}, or an error when the command line ends there. */
    public static String value(String option, Deque<String> args) {
        if (args.isEmpty()) throw new UserError(option + ": missing value");
        return args.poll();
    }

    public static int positiveInt(String option, String text) {
        try {
            int v = Integer.parseInt(text);
            if (v > 0) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError(option + ": expected a positive integer, found \"" + text + "\"");
    }

    public static long parseLong(String option, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UserError(option + ": expected an integer, found \"" + text + "\"");
        }
    }
}
