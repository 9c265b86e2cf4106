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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy-gradient kind ({@code "pg"}, registered by agents' service file alone) through the
 * command line: the run folder's files, the same bytes for 1 and 2 threads, and Ctrl-C then
 * {@code --resume} ending with the bytes of a run that was never stopped.
 */
class PgKindTest {
    @TempDir
    Path dir;

    static final String CONFIG = "{\"name\": \"pg-kind\", \"seed\": 5, \"env\": {\"id\": \"CartPole-v1\"},"
            + "\"pg\": {\"total_steps\": 4096, \"n_envs\": 4, \"n_steps\": 64, \"n_epochs\": 4, \"batch_size\": 128, \"gamma\": 0.98,"
            + "\"schedule\": \"linear\", \"network\": {\"hidden\": [32, 32]}, \"optimizer\": {\"type\": \"adam\", \"lr\": 0.001}},"
            + "\"evaluation\": {\"interval\": 1024, \"episodes\": 3, \"final_episodes\": 5}, \"checkpoint\": {\"interval\": 1024}}";

    static final String[] RESULTS = {"summary.json", "metrics.csv", "episodes.csv", "updates.csv", "evaluations.csv", "checkpoint.jgc"}; // summary.json first: only a finished run has it

    private Path config(String json) throws IOException {
        Path f = dir.resolve("pg.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    @DisplayName("jgym train <pg config>: exit 0, the run folder's files, a summary with the final greedy evaluation, evaluation replays that verify; 1 and 2 threads give the same bytes")
    void trainsThroughTheCommandLine() throws Exception {
        Path config = config(CONFIG);
        Path one = dir.resolve("one"), two = dir.resolve("two");
        RunFolderTest.Outcome o = RunFolderTest.jgym("train", config.toString(), "--out", one.toString(), "--threads", "1");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("final greedy evaluation"), o.out());
        for (String f : new String[] {"config.json", "metrics.csv", "episodes.csv", "updates.csv", "evaluations.csv", "summary.json", "returns.png",
                "losses.png", "checkpoint.jgc", "timing.json"}) {
            assertTrue(Files.isRegularFile(one.resolve(f)), f);
        }
        JsonNode summary = Json.readTree(one.resolve("summary.json"));
        assertEquals(4096, summary.get("steps").asLong());
        assertEquals(5, summary.get("final_evaluation").get("episodes").asInt());
        assertEquals("episode,step,env,return,length", Files.readAllLines(one.resolve("metrics.csv")).get(0));
        assertEquals("episode,steps,return", Files.readAllLines(one.resolve("episodes.csv")).get(0));
        assertEquals(Files.readAllLines(one.resolve("metrics.csv")).size(), Files.readAllLines(one.resolve("episodes.csv")).size(), "one line per episode in both");
        assertEquals(5, Files.readAllLines(one.resolve("evaluations.csv")).size()); // header + 4 evaluations
        // the greedy evaluations' replays, as DQN's: the final one and evaluations 0 and 1 of the capped-cubic schedule; they verify
        for (String f : new String[] {"replays/final-evaluation.jgr", "replays/evaluation/episode-0.jgr", "replays/evaluation/episode-1.jgr"}) {
            assertTrue(dev.jgym.replays.ReplayVerifier.verify(one.resolve(f)).ok(), f);
        }
        assertEquals(2, dev.jgym.replays.ReplayFiles.find(one.resolve("replays/evaluation")).size());
        dev.jgym.replays.ReplayEpisode fin = dev.jgym.replays.ReplayReader.read(one.resolve("replays/final-evaluation.jgr")).episodes().get(0);
        double[] p = fin.annotations(0).get(dev.jgym.core.scene.Annotations.ACTION_PROBABILITIES);
        assertEquals(2, p.length, "CartPole's two actions' probabilities at each step, for the viewer's bars");
        assertEquals(1.0, p[0] + p[1], 1e-9);
        assertTrue(p[(Integer) fin.action(0)] >= 0.5, "the greedy action is the more probable");

        o = RunFolderTest.jgym("train", config.toString(), "--out", two.toString(), "--quiet", "--threads", "2");
        assertEquals(0, o.code(), o.err());
        for (String f : RESULTS) assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(two.resolve(f)), f);
    }

    /**
     * {@code configs/pg/ppo-tictactoe-masked.json} cut to 4 rollouts through the command line:
     * its greedy evaluations play the env itself (MultiBinary observations, so the replays record
     * and re-simulate its own), and each replayed step's action probabilities are 0 exactly on the
     * cells the env's info action_mask marks taken at that step.
     */
    @Test
    @DisplayName("jgym train configs/pg/ppo-tictactoe-masked.json (4 rollouts): exit 0, the evaluation replays verify, and every step's annotated probabilities are 0 exactly where the env's action_mask is 0")
    void maskedRunThroughTheCommandLine() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) Json.readTree(Path.of("..", "configs", "pg", "ppo-tictactoe-masked.json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("pg")).put("total_steps", 4096);
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("evaluation")).put("interval", 2048).put("episodes", 3).put("final_episodes", 10);
        Path config = config(Json.MAPPER.writeValueAsString(root)), out = dir.resolve("masked");
        RunFolderTest.Outcome o = RunFolderTest.jgym("train", config.toString(), "--out", out.toString(), "--quiet", "--threads", "1");
        assertEquals(0, o.code(), o.err());
        Path replay = out.resolve("replays/final-evaluation.jgr");
        assertTrue(dev.jgym.replays.ReplayVerifier.verify(replay).ok());
        dev.jgym.replays.Replay read = dev.jgym.replays.ReplayReader.read(replay);
        dev.jgym.replays.ReplayEpisode e = read.episodes().get(0);
        @SuppressWarnings("unchecked")
        dev.jgym.core.env.Env<Object, Object> env = (dev.jgym.core.env.Env<Object, Object>) dev.jgym.core.env.EnvRegistry.make(read.header().envId(), read.header().options());
        byte[] mask = dev.jgym.core.env.ActionMask.of(env.reset(e.seed(), java.util.Map.of()).info(), 9);
        for (int t = 0; t < e.length(); t++) {
            double[] p = e.annotations(t).get(dev.jgym.core.scene.Annotations.ACTION_PROBABILITIES);
            double sum = 0;
            for (int a = 0; a < 9; a++) {
                assertEquals(mask[a] == 0, p[a] == 0, "step " + t + " cell " + a + ": p " + p[a] + ", mask " + mask[a]);
                sum += p[a];
            }
            assertEquals(1.0, sum, 1e-9);
            mask = dev.jgym.core.env.ActionMask.of(env.step(e.action(t)).info(), 9);
        }
    }

    @Test
    @DisplayName("a pg config's mistake is one line with the JSON path and exit 2")
    void configMistakeIsOneLine() throws Exception {
        Path config = config(CONFIG.replace("\"batch_size\": 128", "\"batch_size\": 100"));
        RunFolderTest.Outcome o = RunFolderTest.jgym("train", config.toString(), "--out", dir.resolve("bad").toString(), "--quiet");
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("$.pg.batch_size"), o.err());
    }

    @Test
    @DisplayName("Ctrl-C (SIGINT) during a pg run, then --resume: the files of an uninterrupted run, byte for byte")
    void sigintThenResume() throws Exception {
        String json = CONFIG.replace("\"total_steps\": 4096", "\"total_steps\": 60000").replace("\"interval\": 1024, \"episodes\": 3", "\"interval\": 10000, \"episodes\": 3");
        Path config = config(json);
        Path full = dir.resolve("full"), stopped = dir.resolve("stopped");
        InterruptTest.sigintThenResume(config, full, stopped, dir.resolve("stopped.log"), 12, RESULTS); // of 58 checkpoints
    }
}
