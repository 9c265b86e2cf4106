package dev.jgym.agents.run;

/**
 * What the command line adds to a config.
 *
 * @param threads worker threads (results do not depend on it)
 * @param backend the NN backend spec ({@code cpu}, {@code opencl:1}...), or null for the kind's default
 * @param resume continue from the run folder's checkpoint
 */
public record RunOptions(int threads, String backend, boolean resume) {
    public RunOptions {
        if (threads <= 0) throw new IllegalArgumentException("threads must be positive, was " + threads);
    }

    public static RunOptions threads(int threads) {
        return new RunOptions(threads, null, false);
    }
}
