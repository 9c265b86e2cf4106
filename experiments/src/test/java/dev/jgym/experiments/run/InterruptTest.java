package dev.jgym.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgym train} in its own JVM, stopped by Ctrl-C (SIGINT) or killed with SIGKILL at a
 * moment drawn at random, then continued with {@code --resume}: the run folder ends with the same
 * bytes as a run that was never stopped.
 */
class InterruptTest {
    @TempDir
    Path dir;

    static final String CONFIG = "{\"name\": \"interrupt\", \"seed\": 7, \"env\": {\"id\": \"CartPole-v1\"},"
            + "\"dqn\": {\"total_steps\": 30000, \"buffer_size\": 5000, \"batch_size\": 32, \"learning_starts\": 500,"
            + "\"network\": {\"hidden\": [32]}, \"optimizer\": {\"type\": \"adam\", \"lr\": 0.001}},"
            + "\"evaluation\": {\"interval\": 10000, \"episodes\": 2, \"final_episodes\": 3},"
            + "\"checkpoint\": {\"interval\": 2000}, \"replays\": {\"final\": false, \"schedule\": \"none\"}}";

    private Process start(Path config, Path out) throws IOException {
        return start(config, out, dir.resolve(out.getFileName() + ".log"));
    }

    /**
     * {@code jgym train config --out out} on one thread in its own JVM (the real {@code main}, signals caught), its output into {@code log}.
     * A suite started in the background of a script inherits SIGINT ignored (a shell without job
     * control does that to background commands), and a JVM keeps an ignored SIGINT ignored; so
     * the run starts under {@code env --default-signal=INT} where coreutils has it (8.31 and later).
     */
    static Process start(Path config, Path out, Path log) throws IOException {
        List<String> command = new java.util.ArrayList<>(DEFAULT_SIGINT);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), "dev.jgym.experiments.cli.Main", "train", config.toString(), "--out", out.toString(),
                "--quiet", "--threads", "1"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static final List<String> DEFAULT_SIGINT = defaultSigint();

    private static List<String> defaultSigint() {
        try {
            if (new ProcessBuilder("env", "--default-signal=INT", "true").start().waitFor() == 0) return List.of("env", "--default-signal=INT");
        } catch (IOException e) {
            // no env: start java directly
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.of();
    }

    /**
     * Waits (at most two minutes) until the run into {@code out} has written its {@code n}-th
     * periodic checkpoint: a moment measured in the run's own progress, so that however fast the
     * machine, the signal that follows finds the rest of the run still ahead. Each checkpoint is
     * a new file renamed into place (a new inode, a new modification time); one this poll misses
     * only makes the wait longer. (The streamed CSVs are a coarser measure: they arrive in bursts.)
     */
    static void waitForCheckpoints(Process p, Path out, int n) throws IOException, InterruptedException {
        Path file = out.resolve(RunFolder.CHECKPOINT);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Object last = null;
        int seen = 0;
        while (seen < n && p.isAlive() && System.nanoTime() < deadline) {
            Object now = version(file);
            if (now != null && !now.equals(last)) {
                seen++;
                last = now;
            }
            Thread.sleep(1);
        }
    }

    /** Which write of {@code file} this is (its inode and modification time), null before the first. */
    private static Object version(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(String.valueOf(a.fileKey()), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        } catch (IOException e) {
            return null; // not written yet
        }
    }

    /**
     * Runs {@code config} into {@code full} uninterrupted, then into {@code stopped} with a SIGINT
     * after its {@code checkpoints}-th periodic checkpoint (exit 130, no {@code results[0]} yet), then {@code --resume} on 2
     * threads: every file of {@code results} the same bytes in both folders.
     */
    static void sigintThenResume(Path config, Path full, Path stopped, Path log, int checkpoints, String... results) throws Exception {
        assertEquals(0, RunFolderTest.jgym("train", config.toString(), "--out", full.toString(), "--quiet", "--threads", "1").code());
        Process p = start(config, stopped, log);
        waitForCheckpoints(p, stopped, checkpoints);
        assertTrue(p.isAlive(), "still training when the signal comes");
        signal(p, "INT");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(130, p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        assertFalse(Files.exists(stopped.resolve(results[0])), "an interrupted run has no results yet");
        RunFolderTest.Outcome resumed = RunFolderTest.jgym("train", config.toString(), "--out", stopped.toString(), "--quiet", "--resume", "--threads", "2");
        assertEquals(0, resumed.code(), resumed.err());
        for (String f : results) assertArrayEquals(Files.readAllBytes(full.resolve(f)), Files.readAllBytes(stopped.resolve(f)), f);
    }

    static void signal(Process p, String sig) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("kill", "-" + sig, Long.toString(p.pid())).start().waitFor(), "kill -" + sig);
    }

    /**
     * The metrics a stopped run streamed are well-formed whole lines, and exactly the first lines of
     * the uninterrupted run's (the same for the live viewer's episodes.csv).
     */
    private static void assertStreamedPrefix(Path full, Path stopped) throws IOException {
        assertStreamedPrefix(full, stopped, "metrics.csv", "episodes.csv");
    }

    /** As above, for the named files of any kind. */
    static void assertStreamedPrefix(Path full, Path stopped, String... files) throws IOException {
        for (String f : files) {
            String all = Files.readString(full.resolve(f)), part = Files.readString(stopped.resolve(f));
            assertTrue(part.endsWith("\n") && part.lines().count() >= 2, f + ": header and at least one episode: " + part.length() + " chars");
            assertTrue(all.startsWith(part), f + ": the streamed lines are the uninterrupted run's first " + part.lines().count() + " lines");
            assertTrue(part.length() < all.length(), f + ": stopped before the end");
        }
    }

    @Test
    @DisplayName("SIGINT and kill -9 at random moments: the streamed metrics so far are well-formed and a prefix of the full run's; then --resume: metrics.csv, evaluations.csv and summary.json as an uninterrupted run's")
    void interruptedRunsResumeToTheSameBytes() throws Exception {
        Path config = dir.resolve("interrupt.json");
        Files.writeString(config, CONFIG);
        Path full = dir.resolve("full");
        assertEquals(0, RunFolderTest.jgym("train", config.toString(), "--out", full.toString(), "--quiet", "--threads", "1").code());

        Random moments = new Random(2026);
        // Ctrl-C: the run writes a checkpoint at its next step and exits with 130
        Path sigint = dir.resolve("sigint");
        Process p = start(config, sigint);
        waitForCheckpoints(p, sigint, 1 + moments.nextInt(7)); // of 15
        assertTrue(p.isAlive(), "still training when the signal comes");
        signal(p, "INT");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String log = Files.readString(dir.resolve("sigint.log"), StandardCharsets.UTF_8);
        assertEquals(130, p.exitValue(), log);
        assertTrue(log.contains("interrupted after") && log.contains("--resume"), log);
        assertFalse(Files.exists(sigint.resolve("summary.json")), "an interrupted run has no summary yet");
        assertStreamedPrefix(full, sigint);
        RunFolderTest.Outcome resumed = RunFolderTest.jgym("train", config.toString(), "--out", sigint.toString(), "--quiet", "--resume", "--threads", "2");
        assertEquals(0, resumed.code(), resumed.err());

        // kill -9: no chance to write anything; the last periodic checkpoint is where it resumes
        Path killed = dir.resolve("killed");
        p = start(config, killed);
        waitForCheckpoints(p, killed, 1 + moments.nextInt(7));
        assertTrue(p.isAlive(), "still training when the signal comes");
        signal(p, "KILL");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertStreamedPrefix(full, killed);
        resumed = RunFolderTest.jgym("train", config.toString(), "--out", killed.toString(), "--quiet", "--resume", "--threads", "1");
        assertEquals(0, resumed.code(), resumed.err());

        for (Path run : List.of(sigint, killed)) {
            for (String f : new String[] {"metrics.csv", "evaluations.csv", "summary.json", "checkpoint.jgc", "episodes.csv"}) {
                assertArrayEquals(Files.readAllBytes(full.resolve(f)), Files.readAllBytes(run.resolve(f)), run.getFileName() + ": " + f);
            }
        }
    }
}
