package dev.jgym.sweeps;

import dev.jgym.experiments.sweep.SweepRunner;
import dev.jgym.experiments.sweep.Trial;
import dev.jgym.experiments.sweep.TrialTask;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;

/**
 * The Spark engine: one partition per trial, each partition runs {@link TrialTask#run} on an
 * executor, and {@code collect()} brings the outcomes back in partition order, which is trial
 * order. Embedded on {@code local[*]} by default; {@code --master spark://...|yarn|k8s://...} (or
 * the master {@code spark-submit} sets) runs it on a cluster, where the output folder must be a
 * path every executor can write to (a shared filesystem).
 *
 * <p>Spark starts in a few seconds and is made here only when the engine is asked for: nothing
 * else in jgym loads a Spark class.
 */
public final class SparkSweepRunner implements SweepRunner {
    private final JavaSparkContext spark;
    private final boolean owned;

    /**
     * @param master a Spark master URL; null keeps the one {@code spark-submit} gave
     *     ({@code spark.master}) or else runs embedded on {@code local[*]}
     */
    public SparkSweepRunner(String master, String appName) {
        SparkConf conf = new SparkConf().setAppName(appName).setIfMissing("spark.master", "local[*]")
                .setIfMissing("spark.ui.enabled", "false").setIfMissing("spark.ui.showConsoleProgress", "false");
        if (master != null) conf.setMaster(master);
        this.spark = new JavaSparkContext(conf);
        this.owned = true;
    }

    /** Uses a context someone else made and will stop (tests, notebooks). */
    public SparkSweepRunner(JavaSparkContext spark) {
        this.spark = spark;
        this.owned = false;
    }

    @Override
    public String describe() {
        return "Spark " + spark.version() + " on " + spark.master() + " (" + spark.defaultParallelism() + " parallel tasks)";
    }

    @Override
    public List<TrialTask.Outcome> run(List<Trial> trials, TrialTask task, Consumer<TrialTask.Outcome> progress) {
        if (trials.isEmpty()) return List.of();
        spark.setJobDescription(trials.size() + " trials");
        List<TrialTask.Outcome> outcomes = spark.parallelize(trials, trials.size()).map(new RunTrial(task)).collect();
        outcomes.forEach(progress); // the driver hears of them when the job ends
        return outcomes;
    }

    /** The function shipped to executors: serialisable, holding only the task's settings. */
    private static final class RunTrial implements Function<Trial, TrialTask.Outcome> {
        private static final long serialVersionUID = 1L;
        private final TrialTask task;

        RunTrial(TrialTask task) {
            this.task = task;
        }

        @Override
        public TrialTask.Outcome call(Trial trial) {
            return task.run(trial);
        }
    }

    @Override
    public void close() {
        if (owned) spark.stop();
    }
}
