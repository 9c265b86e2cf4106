package dev.jgym.experiments.cli;

import dev.jgym.core.config.UserError;

/** The bounds on command-line numbers, checked before anything is allocated. */
final class Limits {
    static final int MAX_THREADS = 1024;
    static final int SHOW_STEPS = 100_000;
    static final int MIN_WIDTH = 10;
    static final int MAX_WIDTH = 1000;

    private Limits() {}

    static int threads(String option, int n) {
        return range(option, n, 1, MAX_THREADS);
    }

    static int range(String option, long n, long min, long max) {
        if (n < min || n > max) throw new UserError(option + ": expected an integer in [" + min + ", " + max + "], found " + n);
        return (int) n;
    }
}
