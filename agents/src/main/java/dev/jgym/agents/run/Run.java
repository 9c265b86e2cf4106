package dev.jgym.agents.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Consumer;

/** A validated experiment of one {@link ExperimentKind}, ready to run into a folder. */
public interface Run {
    /** The checkpoint's file name in a run folder, for every resumable kind. */
    String CHECKPOINT = "checkpoint.jgc";

    /** The config's {@code name}: the run folder is {@code runs/<name>} unless {@code --out} says otherwise. */
    String name();

    /** One line on what runs (kind, env or data, sizes), for the start of the output. */
    String banner(int threads);

    /** The unit of {@link #totalWork()}: {@code steps}, {@code episodes}, {@code examples}... */
    String unit();

    /** The work the progress bar counts to. */
    long totalWork();

    /**
     * Runs into {@code dir} (checked, existing and writable; {@code config.json} already there),
     * reporting to {@code progress}, writing every output through a temporary file and a rename.
     * A resumable run polls {@code stop} and, when set, writes its checkpoint and returns an
     * interrupted outcome.
     */
    Outcome run(Path dir, Progress progress, StopSignal stop);

    /** What a finished (or interrupted) run reports. */
    interface Outcome {
        /** Prints the result table on stdout (not called for an interrupted run). */
        void printSummary(PrintStream out);

        /** The work done, in the run's unit (for the rate line). */
        long workDone();

        /** True when it stopped on a {@link StopSignal} after writing its checkpoint. */
        default boolean interrupted() {
            return false;
        }

        /**
         * A sweep trial's number for {@code agent} (see {@link ExperimentKind#trialAgents}); not
         * finite when training diverged, which may also throw {@link Diverged}.
         */
        default double trialValue(TrialReport report, String agent) {
            throw new UnsupportedOperationException("this run reports no sweep values");
        }
    }

    /** What a run does once started: the body of {@link #run}. */
    @FunctionalInterface
    interface Body {
        Outcome run(Path dir, Progress progress, StopSignal stop);
    }

    /** A run from its parts: its name, its banner for a thread count, the unit and total of its work, and what it does (a run that does not resume ignores the stop signal). */
    static Run of(String name, java.util.function.IntFunction<String> banner, String unit, long totalWork, Body body) {
        return new Run() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String banner(int threads) {
                return banner.apply(threads);
            }

            @Override
            public String unit() {
                return unit;
            }

            @Override
            public long totalWork() {
                return totalWork;
            }

            @Override
            public Outcome run(Path dir, Progress progress, StopSignal stop) {
                return body.run(dir, progress, stop);
            }
        };
    }

    /** A finished run that did {@code workDone} units and prints {@code summary}. */
    static Outcome finished(long workDone, Consumer<PrintStream> summary) {
        return finished(workDone, summary, null);
    }

    /** As {@link #finished(long, Consumer)}, reporting sweep values through {@code values} (null: none). */
    static Outcome finished(long workDone, Consumer<PrintStream> summary, java.util.function.ToDoubleBiFunction<TrialReport, String> values) {
        return new Outcome() {
            @Override
            public void printSummary(PrintStream out) {
                summary.accept(out);
            }

            @Override
            public long workDone() {
                return workDone;
            }

            @Override
            public double trialValue(TrialReport report, String agent) {
                if (values == null) return Outcome.super.trialValue(report, agent);
                return values.applyAsDouble(report, agent);
            }
        };
    }

    /** A run stopped by a {@link StopSignal} after {@code workDone} units, its checkpoint written. */
    /** Writes {@code timing.json} into a run folder: {@code seconds}, {@code steps_per_second} (steps / seconds), {@code threads}. */
    static void writeTiming(Path dir, double seconds, double steps, int threads) {
        com.fasterxml.jackson.databind.node.ObjectNode timing = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        timing.put("seconds", seconds);
        timing.put("steps_per_second", steps / seconds);
        timing.put("threads", threads);
        dev.jgym.core.config.Json.write(dir.resolve("timing.json"), timing);
    }

    static Outcome interrupted(long workDone) {
        return new Outcome() {
            @Override
            public void printSummary(PrintStream out) {}

            @Override
            public long workDone() {
                return workDone;
            }

            @Override
            public boolean interrupted() {
                return true;
            }
        };
    }
}
