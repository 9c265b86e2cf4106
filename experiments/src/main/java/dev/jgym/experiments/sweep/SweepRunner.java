package dev.jgym.experiments.sweep;

import java.util.List;
import java.util.function.Consumer;

/**
 * An engine that runs a sweep's trials as independent tasks: {@link LocalSweepRunner} (a thread
 * pool in this JVM) or the Spark engine of the {@code sweeps} module. Whatever the engine, each
 * trial is {@link TrialTask#run} on one thread, so the results are the same bit for bit.
 */
public interface SweepRunner extends AutoCloseable {

    /** A line for the user: which engine, where, how parallel. */
    String describe();

    /**
     * Runs {@code task} over every trial and returns the outcomes in trial order. {@code progress}
     * hears of outcomes as they come (from any thread; an engine that only learns at the end may
     * report them all then).
     */
    List<TrialTask.Outcome> run(List<Trial> trials, TrialTask task, Consumer<TrialTask.Outcome> progress);

    @Override
    default void close() {}
}
