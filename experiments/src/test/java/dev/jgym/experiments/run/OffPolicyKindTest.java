package dev.jgym.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Json;
import dev.jgym.replays.ReplayVerifier;
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
 * The off-policy kind ({@code "offpolicy"}, registered by agents' service file alone) through the
 * command line: the run folder's files and replays, the same bytes for 1 and 2 threads, a
 * mistake as one line, and Ctrl-C then {@code --resume} ending with the bytes of a run that was never stopped.
 */
class OffPolicyKindTest {
    @TempDir
    Path dir;

    static final String CONFIG = "{\"name\": \"sac-kind\", \"seed\": 7, \"env\": {\"id\": \"Pendulum-v1\"},"
            + "\"offpolicy\": {\"algorithm\": \"sac\", \"total_steps\": 1000, \"learning_starts\": 200, \"batch_size\": 32,"
            + "\"network\": {\"hidden\": [16, 16]}, \"optimizer\": {\"type\": \"adam\", \"lr\": 0.001}},"
            + "\"evaluation\": {\"interval\": 400, \"episodes\": 2, \"final_episodes\": 2}, \"checkpoint\": {\"interval\": 400}}";

    static final String[] RESULTS = {"metrics.csv", "episodes.csv", "evaluations.csv", "summary.json", "checkpoint.jgc"};

    private Path config(String json) throws IOException {
        Path f = dir.resolve("offpolicy.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    @DisplayName("jgym train <offpolicy config>: exit 0, the run folder's files, replays that re-simulate bit for bit with action_mean/action_std; 1 and 2 threads give the same bytes")
    void trainsThroughTheCommandLine() throws Exception {
        Path config = config(CONFIG);
        Path one = dir.resolve("one"), two = dir.resolve("two");
        RunFolderTest.Outcome o = RunFolderTest.jgym("train", config.toString(), "--out", one.toString(), "--threads", "1");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("final deterministic evaluation"), o.out());
        for (String f : new String[] {"config.json", "metrics.csv", "evaluations.csv", "summary.json", "returns.png", "losses.png",
                "checkpoint.jgc", "timing.json", "replays/final-evaluation.jgr"}) {
            assertTrue(Files.isRegularFile(one.resolve(f)), f);
        }
        JsonNode summary = Json.readTree(one.resolve("summary.json"));
        assertEquals(1000, summary.get("steps").asLong());
        assertEquals(800, summary.get("gradient_steps").asLong());
        assertEquals("episode,step,return,length,q1_loss,q2_loss,actor_loss,alpha,entropy", Files.readAllLines(one.resolve("metrics.csv")).get(0));
        assertEquals(6, Files.readAllLines(one.resolve("metrics.csv")).size()); // header + 5 episodes of 200
        assertEquals(List.of("episode,steps,return"), Files.readAllLines(one.resolve("episodes.csv")).subList(0, 1));
        assertEquals(6, Files.readAllLines(one.resolve("episodes.csv")).size(), "the live viewer's curve: one line per episode");
        assertEquals(3, Files.readAllLines(one.resolve("evaluations.csv")).size()); // header + evaluations at 400 and 800
        var verified = ReplayVerifier.verify(one.resolve("replays/final-evaluation.jgr"));
        assertTrue(verified.ok(), verified.toString());
        o = RunFolderTest.jgym("replay", "info", one.resolve("replays/final-evaluation.jgr").toString());
        assertTrue(o.out().contains("annotated [action_mean, action_std]"), o.out());

        o = RunFolderTest.jgym("train", config.toString(), "--out", two.toString(), "--quiet", "--threads", "2");
        assertEquals(0, o.code(), o.err());
        for (String f : RESULTS) assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(two.resolve(f)), f);
    }

    @Test
    @DisplayName("an offpolicy config's mistake is one line with the JSON path and exit 2")
    void configMistakeIsOneLine() throws Exception {
        Path config = config(CONFIG.replace("\"batch_size\": 32", "\"batch_size\": 32, \"policy_delay\": 3"));
        RunFolderTest.Outcome o = RunFolderTest.jgym("train", config.toString(), "--out", dir.resolve("bad").toString(), "--quiet");
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("$.offpolicy.policy_delay"), o.err());
    }

    @Test
    @DisplayName("Ctrl-C (SIGINT) during an offpolicy run, then --resume: the files of an uninterrupted run, byte for byte")
    void sigintThenResume() throws Exception {
        String json = CONFIG.replace("\"total_steps\": 1000", "\"total_steps\": 30000").replace("\"interval\": 400, \"episodes\": 2", "\"interval\": 10000, \"episodes\": 2");
        Path config = config(json);
        Path full = dir.resolve("full"), stopped = dir.resolve("stopped");
        assertEquals(0, RunFolderTest.jgym("train", config.toString(), "--out", full.toString(), "--quiet", "--threads", "1").code());

        Process p = InterruptTest.start(config, stopped, dir.resolve("stopped.log"));
        InterruptTest.waitForCheckpoints(p, stopped, 15); // of 75
        assertTrue(p.isAlive(), "still training when the signal comes");
        InterruptTest.signal(p, "INT");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String log = Files.readString(dir.resolve("stopped.log"), StandardCharsets.UTF_8);
        assertEquals(130, p.exitValue(), log);
        RunFolderTest.Outcome resumed = RunFolderTest.jgym("train", config.toString(), "--out", stopped.toString(), "--quiet", "--resume", "--threads", "2");
        assertEquals(0, resumed.code(), resumed.err());
        for (String f : RESULTS) assertArrayEquals(Files.readAllBytes(full.resolve(f)), Files.readAllBytes(stopped.resolve(f)), f);
    }
}
