package dev.jgym.sweeps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jgym.experiments.sweep.LocalSweepRunner;
import dev.jgym.experiments.sweep.SweepCommand;
import dev.jgym.experiments.sweep.SweepPlan;
import dev.jgym.experiments.sweep.Trial;
import dev.jgym.experiments.sweep.TrialTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interruption test: a sweep runs in a child JVM ({@code SweepMain}, the launcher's
 * entry point), is killed (SIGKILL, no shutdown hooks) once its first trial summary is on disk,
 * and is run again here. Only the missing trials run, and the table equals an uninterrupted run's
 * byte for byte.
 */
class InterruptedSweepTest {
    @TempDir
    Path dir;

    static final Map<String, SweepCommand.Engine> LOCAL = Map.of("local", o -> new LocalSweepRunner(o.threads()));

    @Test
    @DisplayName("kill -9 after the first trial finishes, then resume: only the missing trials run; the table equals an uninterrupted run's")
    void killAndResume() throws IOException, InterruptedException {
        Path file = SweepFiles.write(dir, "interrupted", "[0.0, 0.05, 0.1, 0.2]", "[0, 1]", 30, 400); // 8 settings x 2 seeds
        List<Trial> trials = SweepPlan.read(file).trials();
        Path out = dir.resolve("interrupted-out");
        Path first = TrialTask.folder(out, trials.get(0).id()).resolve("trial.json");

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss4m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), SweepMain.class.getName(),
                file.toString(), "--engine", "local", "--threads", "1", "--quiet", "--out", out.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // a bound on the wait, not a timing assertion
            while (!Files.exists(first)) {
                if (!child.isAlive()) fail("the child sweep ended before its first trial finished: " + Files.readString(dir.resolve("child.log")));
                if (System.nanoTime() > deadline) fail("no trial summary from the child sweep within 60 s");
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        long finished = trials.stream().filter(t -> Files.exists(TrialTask.folder(out, t.id()).resolve("trial.json"))).count();
        assertTrue(finished >= 1 && finished < trials.size(), finished + " of " + trials.size() + " trials finished before the kill");
        assertTrue(!Files.exists(out.resolve("table.csv")), "the killed sweep wrote no table");

        SweepFiles.Outcome resumed = SweepFiles.sweep(LOCAL, file.toString(), "--threads", "2", "--out", out.toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains((trials.size() - finished) + " trials run, " + finished + " already done, 0 failed"), resumed.err());

        SweepFiles.Outcome whole = SweepFiles.sweep(LOCAL, file.toString(), "--threads", "2", "--quiet", "--out", dir.resolve("whole").toString());
        assertEquals(0, whole.code(), whole.err());
        for (String f : new String[] {"table.csv", "table.json"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("whole").resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
    }
}
