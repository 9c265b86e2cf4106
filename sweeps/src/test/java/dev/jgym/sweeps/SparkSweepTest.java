package dev.jgym.sweeps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.experiments.sweep.LocalSweepRunner;
import dev.jgym.experiments.sweep.SweepCommand;
import dev.jgym.experiments.sweep.SweepPlan;
import dev.jgym.experiments.sweep.Trial;
import dev.jgym.experiments.sweep.TrialTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine against the thread pool (the acceptance): one embedded Spark on
 * {@code local[2]} for the class (it takes a few seconds to start), a handful of tiny trials.
 */
class SparkSweepTest {
    static JavaSparkContext spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("jgym SparkSweepTest")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    static final Map<String, SweepCommand.Engine> ENGINES = Map.of(
            "local", o -> new LocalSweepRunner(o.threads()),
            "spark", o -> new SparkSweepRunner(spark)); // the class's context, not a new one per run

    @Test
    @DisplayName("--engine spark on local[2] and --engine local give byte-identical tables and trial summaries; spark twice too")
    void sparkEqualsLocal() throws IOException {
        Path file = SweepFiles.write(dir, "tiny", "[0.0, 0.1, 0.3]", "[0, 1]", 3, 40);
        SweepFiles.Outcome local = SweepFiles.sweep(ENGINES, file.toString(), "--engine", "local", "--threads", "2", "--out", dir.resolve("local").toString());
        SweepFiles.Outcome sparkRun = SweepFiles.sweep(ENGINES, file.toString(), "--engine", "spark", "--out", dir.resolve("spark").toString());
        SweepFiles.Outcome again = SweepFiles.sweep(ENGINES, file.toString(), "--engine", "spark", "--quiet", "--out", dir.resolve("again").toString());
        assertEquals(0, local.code(), local.err());
        assertEquals(0, sparkRun.code(), sparkRun.err());
        assertEquals(0, again.code(), again.err());
        assertTrue(sparkRun.err().contains("6 settings x 2 seeds = 12 trials on Spark 4.2.0 on local[2]"), sparkRun.err());
        assertTrue(sparkRun.err().contains("12 trials run, 0 already done, 0 failed"), sparkRun.err());
        for (String f : new String[] {"table.csv", "table.json"}) {
            byte[] expected = Files.readAllBytes(dir.resolve("local").resolve(f));
            assertArrayEquals(expected, Files.readAllBytes(dir.resolve("spark").resolve(f)), f + ": spark vs local");
            assertArrayEquals(expected, Files.readAllBytes(dir.resolve("again").resolve(f)), f + ": spark twice");
        }
        assertEquals(local.out(), sparkRun.out(), "the printed table");
        for (Trial t : SweepPlan.read(file).trials()) {
            for (String f : new String[] {"trial.json", "metrics.csv", "summary.json"}) {
                assertArrayEquals(Files.readAllBytes(TrialTask.folder(dir.resolve("local"), t.id()).resolve(f)),
                        Files.readAllBytes(TrialTask.folder(dir.resolve("spark"), t.id()).resolve(f)), t.id() + "/" + f);
            }
        }
    }

    @Test
    @DisplayName("Spark resumes too: trials finished by the local engine are reused, the missing one runs on an executor")
    void sparkResumesLocalWork() throws IOException {
        Path file = SweepFiles.write(dir, "resume", "[0.0, 0.1]", "[5]", 2, 30);
        Path out = dir.resolve("out");
        assertEquals(0, SweepFiles.sweep(ENGINES, file.toString(), "--quiet", "--out", out.toString()).code());
        byte[] table = Files.readAllBytes(out.resolve("table.csv"));
        Trial third = SweepPlan.read(file).trials().get(2);
        Files.delete(TrialTask.folder(out, third.id()).resolve("trial.json"));
        SweepFiles.Outcome o = SweepFiles.sweep(ENGINES, file.toString(), "--engine", "spark", "--out", out.toString());
        assertTrue(o.err().contains("1 trials run, 3 already done, 0 failed"), o.err());
        assertArrayEquals(table, Files.readAllBytes(out.resolve("table.csv")));
    }

    @Test
    @DisplayName("a DQN sweep (2 learning rates x 2 seeds, 300 CartPole steps a trial): --engine spark equals --engine local, tables and trial files")
    void dqnSparkEqualsLocal() throws IOException {
        Files.writeString(dir.resolve("dqn-base.json"), """
                {"name": "tiny-dqn", "seed": 1, "env": {"id": "CartPole-v1"},
                 "dqn": {"total_steps": 300, "buffer_size": 1000, "batch_size": 16, "learning_starts": 64,
                         "network": {"hidden": [16]}, "optimizer": {"type": "adam", "lr": 0.001}},
                 "evaluation": {"interval": 150, "episodes": 2, "final_episodes": 2}}""");
        Path file = dir.resolve("dqn.json");
        Files.writeString(file, """
                {"name": "dqn", "base": "dqn-base.json", "grid": {"$.dqn.optimizer.lr": [0.001, 0.003]}, "seeds": [0, 1],
                 "report": {"metric": "final_mean"}}""");
        SweepFiles.Outcome local = SweepFiles.sweep(ENGINES, file.toString(), "--engine", "local", "--threads", "2", "--quiet", "--out", dir.resolve("local").toString());
        SweepFiles.Outcome sparkRun = SweepFiles.sweep(ENGINES, file.toString(), "--engine", "spark", "--out", dir.resolve("spark").toString());
        assertEquals(0, local.code(), local.err());
        assertEquals(0, sparkRun.code(), sparkRun.err());
        assertTrue(sparkRun.err().contains("4 trials run, 0 already done, 0 failed"), sparkRun.err());
        for (String f : new String[] {"table.csv", "table.json"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("local").resolve(f)), Files.readAllBytes(dir.resolve("spark").resolve(f)), f);
        }
        for (Trial t : SweepPlan.read(file).trials()) {
            for (String f : new String[] {"trial.json", "metrics.csv", "evaluations.csv", "summary.json", "model.jgm"}) {
                assertArrayEquals(Files.readAllBytes(TrialTask.folder(dir.resolve("local"), t.id()).resolve(f)),
                        Files.readAllBytes(TrialTask.folder(dir.resolve("spark"), t.id()).resolve(f)), t.id() + "/" + f);
            }
        }
    }
}
