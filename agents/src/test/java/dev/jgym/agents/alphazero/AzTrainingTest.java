package dev.jgym.agents.alphazero;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.Json;
import dev.jgym.replays.Replay;
import dev.jgym.replays.ReplayReader;
import dev.jgym.replays.ReplayVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The self-play pipeline's contracts on short tic-tac-toe runs: thread count, resume, replays. */
class AzTrainingTest {
    @TempDir
    Path dir;

    /** 4 iterations of 6 games, 12 simulations, 8 gradient steps; evaluations after 2 and 4 (4 games vs random). */
    static AzConfig shortRun() {
        return Json.bind(Map.of("name", "az-short", "seed", 3, "game", "tictactoe",
                "alphazero", Map.of("iterations", 4, "games_per_iteration", 6, "simulations", 12, "window", 10, "batch_size", 16,
                        "train_steps", 8, "optimizer", Map.of("type", "adam", "lr", 0.003)),
                "evaluation", Map.of("interval", 2, "games", 4, "opponent", "random")), AzConfig.class, "test");
    }

    private byte[] run(int threads, String name) throws Exception {
        Path ck = dir.resolve(name + ".jgc");
        AzTraining.Result r = new AzTraining(shortRun(), "test").threads(threads).checkpointTo(ck).run();
        assertEquals(24, r.games().size());
        return Files.readAllBytes(ck);
    }

    @Test
    @DisplayName("same bytes with 1 and 2 threads: the final checkpoint (network, optimizer, rows, window of games) of a short self-play run")
    void sameBitsForAnyThreadCount() throws Exception {
        byte[] one = run(1, "one"), two = run(2, "two");
        assertArrayEquals(one, two);
    }

    @Test
    @DisplayName("streamed while it trains: after every iteration (read from the progress hook) metrics.csv, episodes.csv and evaluations.csv hold whole lines, the first lines of the finished files; the streamed files equal AzOutput.write's from a run that did not stream, byte for byte")
    void streamsTheFilesAWholeRunWrites() throws Exception {
        Path streamed = Files.createDirectories(dir.resolve("streamed")), whole = Files.createDirectories(dir.resolve("whole"));
        String[] files = {"metrics.csv", "episodes.csv", "evaluations.csv"};
        List<Map<String, String>> snapshots = new java.util.ArrayList<>();
        AzTraining.Result r = new AzTraining(shortRun(), "test").checkpointTo(dir.resolve("s.jgc")).streamTo(streamed).progress((games, status) -> {
            Map<String, String> now = new java.util.TreeMap<>();
            for (String f : files) {
                try {
                    now.put(f, Files.readString(streamed.resolve(f)));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            snapshots.add(now);
        }).run();
        AzOutput.write(whole, shortRun(), new AzTraining(shortRun(), "test").run());
        for (String f : files) assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(streamed.resolve(f)), f);
        assertEquals(4, snapshots.size());
        for (int i = 0; i < 4; i++) {
            for (String f : files) {
                String part = snapshots.get(i).get(f), all = Files.readString(whole.resolve(f));
                assertTrue(part.endsWith("\n") && all.startsWith(part), "iteration " + (i + 1) + ": " + f + " a prefix in whole lines");
            }
        }
        // rows go out at most once a second and at every checkpoint: this run's only one, after the last iteration, holds them all
        for (String f : files) assertEquals(Files.readString(whole.resolve(f)), snapshots.get(3).get(f), f + " after the last iteration");
        assertEquals(1 + 24, snapshots.get(3).get("episodes.csv").lines().count());
        assertEquals(24, r.games().size());
    }

    @Test
    @DisplayName("resume equals uninterrupted: stopped after iteration 1 and 3, resumed from the checkpoint, the same final checkpoint and rows")
    void resumeEqualsUninterrupted() throws Exception {
        byte[] straight = run(1, "straight");
        Path ck = dir.resolve("resumed.jgc");
        assertNull(new AzTraining(shortRun(), "test").checkpointTo(ck).stopAfter(1).run(), "stopped");
        assertNull(new AzTraining(shortRun(), "test").checkpointTo(ck).resumeFrom(AzCheckpoint.read(ck)).stopAfter(3).run(), "stopped");
        AzTraining.Result r = new AzTraining(shortRun(), "test").threads(2).checkpointTo(ck).resumeFrom(AzCheckpoint.read(ck)).run();
        assertArrayEquals(straight, Files.readAllBytes(ck));
        assertEquals(4, r.iterations().size());
        assertEquals(2, r.evaluations().size());
    }

    @Test
    @DisplayName("every self-play game is a replay episode that re-simulates bit for bit, with the search's visits, Q and value per move")
    void selfPlayReplays() {
        AzTraining.Result r = new AzTraining(shortRun(), "test").replaysTo(dir).run();
        for (int i = 0; i < 4; i++) {
            Path file = AzReplays.file(dir, i);
            Replay replay = ReplayReader.read(file);
            assertEquals(6, replay.episodes().size());
            assertTrue(ReplayVerifier.verify(file).ok(), ReplayVerifier.verify(file).summary());
            for (int g = 0; g < 6; g++) {
                var ep = replay.episodes().get(g);
                AzTraining.GameRow row = r.games().get(i * 6 + g);
                assertEquals(row.moves(), ep.length());
                double[] visits = ep.annotations(0).get(dev.jgym.core.scene.Annotations.VISIT_COUNTS);
                assertEquals(12, (int) java.util.Arrays.stream(visits).sum(), "12 simulations at the root");
                assertTrue(ep.annotations(0).scalars().containsKey("value"));
            }
        }
        List<String> names = List.of("iteration-0001.jgr", "iteration-0004.jgr");
        for (String n : names) assertTrue(Files.exists(dir.resolve(n)), n);
    }
}
