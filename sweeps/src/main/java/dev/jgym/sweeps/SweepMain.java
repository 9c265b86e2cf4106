package dev.jgym.sweeps;

import dev.jgym.experiments.sweep.LocalSweepRunner;
import dev.jgym.experiments.sweep.SweepCommand;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code jgym sweep}: the launcher hands the command here (with Spark's {@code --add-opens}
 * flags), and {@code spark-submit --class dev.jgym.sweeps.SweepMain} runs the same on a cluster.
 * Engines: {@code local} (the thread pool of the agents module) and {@code spark}.
 */
public final class SweepMain {
    private SweepMain() {}

    /** The engines by name; Spark classes load only when {@code spark} is created. */
    public static Map<String, SweepCommand.Engine> engines() {
        Map<String, SweepCommand.Engine> engines = new TreeMap<>();
        engines.put("local", o -> new LocalSweepRunner(o.threads()));
        engines.put("spark", o -> new SparkSweepRunner(o.master(), o.appName()));
        return engines;
    }

    public static void main(String[] args) {
        System.exit(SweepCommand.run(args, System.out, System.err, engines()));
    }
}
