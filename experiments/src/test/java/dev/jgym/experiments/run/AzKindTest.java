package dev.jgym.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AlphaZero kind ({@code "alphazero"}) and the arena kind ({@code "arena"}), both registered by
 * agents' service file, through the command line: the run folder's files, the same bytes for 1 and
 * 2 threads, Ctrl-C then {@code --resume}, and the Elo of a run's snapshots against anchors.
 */
class AzKindTest {
    @TempDir
    Path dir;

    static final String CONFIG = "{\"name\": \"az-kind\", \"seed\": 2, \"game\": \"tictactoe\","
            + "\"alphazero\": {\"iterations\": 6, \"games_per_iteration\": 8, \"simulations\": 16, \"window\": 40, \"batch_size\": 32,"
            + "\"train_steps\": 10, \"optimizer\": {\"type\": \"adam\", \"lr\": 0.002}},"
            + "\"evaluation\": {\"interval\": 2, \"games\": 4, \"opponent\": \"minimax:1\"}, \"checkpoint\": {\"interval\": 2}}";

    static final String[] RESULTS = {"episodes.csv", "metrics.csv", "evaluations.csv", "summary.json", "checkpoint.jgc", "models/iteration-0006.jgc"};

    private Path config(String name, String json) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, json);
        return f;
    }

    @Test
    @DisplayName("jgym train <alphazero config>: exit 0, the run folder's files and replays; 1 and 2 threads give the same bytes; the arena kind rates the snapshots")
    void trainsThroughTheCommandLine() throws Exception {
        Path config = config("az.json", CONFIG);
        Path one = dir.resolve("one"), two = dir.resolve("two");
        RunFolderTest.Outcome o = RunFolderTest.jgym("train", config.toString(), "--out", one.toString(), "--threads", "1");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("final evaluation against minimax:1"), o.out());
        for (String f : new String[] {"config.json", "episodes.csv", "metrics.csv", "evaluations.csv", "summary.json", "losses.png",
                "evaluation.png", "checkpoint.jgc", "timing.json", "replays/selfplay/iteration-0001.jgr", "replays/selfplay/iteration-0006.jgr",
                "models/iteration-0002.jgc", "models/iteration-0004.jgc"}) {
            assertTrue(Files.isRegularFile(one.resolve(f)), f);
        }
        JsonNode summary = Json.readTree(one.resolve("summary.json"));
        assertEquals(48, summary.get("games").asInt());
        assertEquals(4, summary.get("final_evaluation").get("games").asInt());
        assertEquals(4, Files.readAllLines(one.resolve("evaluations.csv")).size()); // header + 3 evaluations
        assertEquals(1 + 6, Files.readAllLines(one.resolve("metrics.csv")).size()); // header + 6 iterations
        List<String> episodes = Files.readAllLines(one.resolve("episodes.csv"));
        assertEquals(List.of("episode", "steps", "return", "iteration", "winner"), List.of(episodes.get(0).split(",")));
        assertEquals(1 + 48, episodes.size());
        assertTrue(episodes.get(48).startsWith("47,") && episodes.get(48).contains(",6,"), episodes.get(48)); // the 8th game of iteration 6
        o = RunFolderTest.jgym("replay", "verify", one.resolve("replays/selfplay/iteration-0003.jgr").toString());
        assertEquals(0, o.code(), o.err() + o.out());

        o = RunFolderTest.jgym("train", config.toString(), "--out", two.toString(), "--quiet", "--threads", "2");
        assertEquals(0, o.code(), o.err());
        for (String f : RESULTS) assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(two.resolve(f)), f);

        Path arena = config("elo.json", "{\"name\": \"elo\", \"seed\": 0, \"game\": \"tictactoe\", \"arena\": {\"players\": [\"random\", \"minimax:1\"],"
                + "\"models\": \"" + one.resolve("models") + "\", \"games\": 4}}");
        o = RunFolderTest.jgym("train", arena.toString(), "--out", dir.resolve("elo").toString(), "--quiet");
        assertEquals(0, o.code(), o.err());
        List<String> ratings = Files.readAllLines(dir.resolve("elo").resolve("ratings.csv"));
        assertEquals(1 + 2 + 3, ratings.size(), ratings.toString()); // header, 2 anchors, 3 snapshots
        assertTrue(ratings.get(3).startsWith("az-2,2,"), ratings.toString());
        assertTrue(Files.isRegularFile(dir.resolve("elo").resolve("elo.png")));
        o = RunFolderTest.jgym("arena", "tictactoe", "az:" + one.resolve("models/iteration-0006.jgc") + ":8", "random", "--games", "2");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("az:"), o.out());
    }

    @Test
    @DisplayName("an alphazero config's mistake is one line with the JSON path and exit 2; so is an unknown evaluation opponent")
    void configMistakeIsOneLine() throws Exception {
        for (String[] c : new String[][] {{"\"window\": 40", "\"window\": 0", "$.alphazero.window"},
                {"\"window\": 40", "\"window\": 40, \"value_target\": \"median\"", "$.alphazero.value_target"},
                {"\"minimax:1\"", "\"minimax:x\"", "$.evaluation.opponent"}, {"\"tictactoe\"", "\"chess\"", "$.game"}}) {
            Path config = config("bad.json", CONFIG.replace(c[0], c[1]));
            RunFolderTest.Outcome o = RunFolderTest.jgym("train", config.toString(), "--out", dir.resolve("bad").toString(), "--quiet");
            assertEquals(2, o.code(), o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
            assertTrue(o.err().contains(c[2]), o.err());
        }
    }

    @Test
    @DisplayName("Ctrl-C (SIGINT) and kill -9 during an alphazero run: the streamed metrics.csv and episodes.csv so far are well-formed and the first lines of an uninterrupted run's; then --resume: every file of the uninterrupted run, byte for byte")
    void interruptedThenResumed() throws Exception {
        Path config = config("az.json", CONFIG.replace("\"iterations\": 6", "\"iterations\": 400").replace("\"interval\": 2, \"games\": 4", "\"interval\": 100, \"games\": 4"));
        Path full = dir.resolve("full"), stopped = dir.resolve("stopped"), killed = dir.resolve("killed");
        String[] results = {"summary.json", "episodes.csv", "metrics.csv", "evaluations.csv", "checkpoint.jgc"};
        InterruptTest.sigintThenResume(config, full, stopped, dir.resolve("stopped.log"), 40, results); // of 200 checkpoints

        Process p = InterruptTest.start(config, killed, dir.resolve("killed.log"));
        InterruptTest.waitForCheckpoints(p, killed, 60); // of 200
        assertTrue(p.isAlive(), "still training when the signal comes");
        InterruptTest.signal(p, "KILL");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        InterruptTest.assertStreamedPrefix(full, killed, "metrics.csv", "episodes.csv");
        assertFalse(Files.exists(killed.resolve("summary.json")), "a killed run has no summary");
        RunFolderTest.Outcome resumed = RunFolderTest.jgym("train", config.toString(), "--out", killed.toString(), "--quiet", "--resume", "--threads", "1");
        assertEquals(0, resumed.code(), resumed.err());
        for (String f : results) assertArrayEquals(Files.readAllBytes(full.resolve(f)), Files.readAllBytes(killed.resolve(f)), "killed: " + f);
    }
}
