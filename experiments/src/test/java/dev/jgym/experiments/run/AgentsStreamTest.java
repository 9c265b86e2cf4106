package dev.jgym.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.experiments.Configs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agents comparison ({@code jgym train} of a bandit config) killed with SIGKILL while it runs,
 * in its own JVM: what it streamed so far is a well-formed prefix of the uninterrupted run's files.
 */
class AgentsStreamTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("kill -9 during S&B Fig 2.2's testbed (3 agents x 2000 runs x 1000 steps): metrics.csv is whole chunks of 50 steps (a 20th of 1000), the first lines of the finished run's; run 0's episode logs a prefix too")
    void killedMidRun() throws Exception {
        Path config = Configs.path("bandits/testbed-figure-2.2.json");
        Path full = dir.resolve("full"), killed = dir.resolve("killed");
        assertEquals(0, RunFolderTest.jgym("train", config.toString(), "--out", full.toString(), "--quiet", "--threads", "1").code());

        Process p = InterruptTest.start(config, killed, dir.resolve("killed.log"));
        Path metrics = killed.resolve("metrics.csv");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && System.nanoTime() < deadline && (!Files.exists(metrics) || Files.readAllLines(metrics).size() < 2)) Thread.sleep(20);
        Thread.sleep(new Random(2026).nextInt(500));
        assertTrue(p.isAlive(), "still training when the signal comes");
        InterruptTest.signal(p, "KILL");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));

        InterruptTest.assertStreamedPrefix(full, killed, "metrics.csv");
        List<String> rows = Files.readAllLines(metrics);
        assertEquals(0, (rows.size() - 1) % 50, "whole chunks of 50 steps: " + (rows.size() - 1) + " rows");
        for (String agent : List.of("greedy", "epsilon-0-1", "epsilon-0-01")) {
            Path log = killed.resolve("replays").resolve(agent).resolve("episodes.csv");
            if (!Files.exists(log)) continue; // not started yet
            String part = Files.readString(log);
            assertTrue(part.isEmpty() || part.endsWith("\n"), agent + ": whole lines");
            assertTrue(Files.readString(full.resolve("replays").resolve(agent).resolve("episodes.csv")).startsWith(part), agent);
        }
    }
}
