package dev.jgym.agents.run;

/**
 * What the command line (or a sweep) adds to a config.
 *
 * @param threads worker threads (results do not depend on it)
 * @param backend the NN backend spec ({@code cpu}, {@code opencl:1}...), or null for the kind's default
 * @param resume continue from the run folder's checkpoint
 * @param trial a sweep's trial: the outputs a sweep reads, no checkpoints, replays or timings
 */
public record RunOptions(int threads, String backend, boolean resume, boolean trial) {
    public RunOptions {
        if (threads <= 0) throw new IllegalArgumentException("threads must be positive, was " + threads);
        if (trial && resume) throw new IllegalArgumentException("a sweep's trial does not resume");
    }

    public RunOptions(int threads, String backend, boolean resume) {
        this(threads, backend, resume, false);
    }

    public static RunOptions threads(int threads) {
        return new RunOptions(threads, null, false, false);
    }

    /** A sweep's trial on one thread. */
    public static RunOptions trialRun() {
        return new RunOptions(1, null, false, true);
    }
}
