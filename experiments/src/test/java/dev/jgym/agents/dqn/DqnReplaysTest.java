package dev.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.experiments.cli.Main;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.core.scene.Annotations;
import dev.jgym.replays.Replay;
import dev.jgym.replays.ReplayEpisode;
import dev.jgym.replays.ReplayFiles;
import dev.jgym.replays.ReplayReader;
import dev.jgym.replays.ReplayVerifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgym train} with a DQN config records greedy evaluation episodes as replays: they verify
 * by re-simulation, carry the Q-values, and change no result.
 */
class DqnReplaysTest {
    @TempDir
    Path dir;

    /** 1500 steps, an evaluation every 500 (evaluations 0, 1, 2 at steps 500, 1000, 1500), 2 final episodes. */
    private static final String CONFIG = "{\"name\": \"rp\", \"seed\": 3, \"env\": {\"id\": \"CartPole-v1\"},"
            + "\"dqn\": {\"total_steps\": 1500, \"buffer_size\": 1000, \"batch_size\": 16, \"learning_starts\": 200,"
            + "\"network\": {\"hidden\": [16]}, \"optimizer\": {\"type\": \"adam\", \"lr\": 0.001}},"
            + "\"evaluation\": {\"interval\": 500, \"episodes\": 2, \"final_episodes\": 2}%s}";

    record Outcome(int code, String out, String err) {}

    private static Outcome jgym(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path config(String name, String replays) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, String.format(CONFIG, replays == null ? "" : ", \"replays\": " + replays));
        return file;
    }

    private Path train(Path config, String out, int threads) {
        Path o = dir.resolve(out);
        Outcome r = jgym("train", config.toString(), "--out", o.toString(), "--quiet", "--threads", Integer.toString(threads));
        assertEquals(0, r.code(), r.err());
        return o;
    }

    @Test
    @DisplayName("By default: the final evaluation's last episode and evaluations 0 and 1 (capped cubic) are recorded, verify bit for bit, and hold argmax-consistent Q-values")
    void recordsByDefault() throws Exception {
        Path out = train(config("on.json", null), "on", 1);
        Path fin = DqnReplays.finalFile(out);
        assertEquals(out.resolve("replays/final-evaluation.jgr"), fin);
        assertEquals(List.of(fin, out.resolve("replays/evaluation/episode-0.jgr"), out.resolve("replays/evaluation/episode-1.jgr")),
                ReplayFiles.find(out), "evaluation 2 is not a cube");

        Replay replay = ReplayReader.read(fin);
        assertTrue(replay.complete(), replay.problem());
        assertEquals("CartPole-v1", replay.header().envId());
        assertEquals("dqn rp", replay.header().agent());
        JsonNode cfg = replay.header().config();
        assertEquals("rp", cfg.get("name").asText());
        assertEquals(1500, cfg.get("dqn").get("total_steps").asLong());
        assertEquals(1, replay.episodes().size());
        ReplayEpisode e = replay.episodes().get(0);
        assertTrue(e.finished());
        assertTrue(e.length() > 0 && e.length() <= 500, "length " + e.length());
        // the greedy agent acts on the Q-values it stores: the chosen action has the largest
        for (int t = 0; t < e.length(); t++) {
            double[] q = e.annotations(t).get(Annotations.ACTION_VALUES);
            assertNotNull(q, "step " + t + " has action values");
            assertEquals(2, q.length);
            int a = (Integer) e.action(t);
            assertTrue(q[a] >= q[1 - a], "step " + t + ": action " + a + " with Q " + q[0] + ", " + q[1]);
        }
        // the file's episode is the final evaluation's last one (of two): its return is the min or the max
        JsonNode summary = Json.readTree(out.resolve("summary.json")).get("final_evaluation");
        double ret = e.returnUpTo(e.length());
        assertTrue(ret == summary.get("min_return").asDouble() || ret == summary.get("max_return").asDouble(), "return " + ret + " vs " + summary);

        for (Path f : ReplayFiles.find(out)) {
            ReplayVerifier.Report report = ReplayVerifier.verify(f);
            assertTrue(report.ok(), report.summary());
            assertEquals(ReplayReader.read(f).totalSteps(), report.steps(), f + ": every step re-simulated");
        }
        Outcome v = jgym("replay", "verify", fin.toString());
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().contains(": ok, " + e.length() + " steps in 1 episode(s) re-simulated bit for bit (CartPole-v1"), v.out());
        Outcome all = jgym("replay", "verify", out.toString());
        assertEquals(0, all.code(), all.err());
        assertEquals(3, all.out().lines().filter(l -> l.contains(": ok, ")).count(), all.out());
    }

    @Test
    @DisplayName("metrics.csv, evaluations.csv and summary.json are byte-identical with recording on or off and across thread counts")
    void recordingChangesNothing() throws Exception {
        Path a = train(config("on.json", null), "a", 1);
        Path b = train(config("on.json", null), "b", 2);
        Path c = train(config("off.json", "{\"final\": false, \"schedule\": \"none\"}"), "c", 2);
        for (String f : new String[] {"metrics.csv", "evaluations.csv", "summary.json"}) {
            byte[] x = Files.readAllBytes(a.resolve(f));
            assertArrayEquals(x, Files.readAllBytes(b.resolve(f)), f + ": 1 vs 2 threads");
            assertArrayEquals(x, Files.readAllBytes(c.resolve(f)), f + ": recording on vs off");
        }
        assertFalse(Files.exists(c.resolve("replays")), "nothing recorded with recording off");
        // the same episodes, step for step (only the header's creation time may differ)
        ReplayEpisode ea = ReplayReader.read(DqnReplays.finalFile(a)).episodes().get(0);
        ReplayEpisode eb = ReplayReader.read(DqnReplays.finalFile(b)).episodes().get(0);
        assertEquals(ea.length(), eb.length());
        for (int t = 0; t < ea.length(); t++) {
            assertEquals(ea.checksum(t), eb.checksum(t), "step " + t);
            assertArrayEquals(ea.annotations(t).get(Annotations.ACTION_VALUES), eb.annotations(t).get(Annotations.ACTION_VALUES), "step " + t);
        }
    }

    @Test
    @DisplayName("replays options: every-n schedule, final only, no annotations; a bad option is a one-line error with its JSON path")
    void options() throws Exception {
        Path every = train(config("every.json", "{\"final\": false, \"schedule\": \"every\", \"every\": 2, \"annotations\": false}"), "every", 1);
        assertEquals(List.of(DqnReplays.evaluationFile(every, 0), DqnReplays.evaluationFile(every, 2)), ReplayFiles.find(every));
        ReplayEpisode e = ReplayReader.read(DqnReplays.evaluationFile(every, 2)).episodes().get(0);
        assertTrue(e.annotations(0) == null || e.annotations(0).isEmpty(), "no annotations stored");

        Path fin = train(config("final.json", "{\"schedule\": \"none\"}"), "final", 1);
        assertEquals(List.of(DqnReplays.finalFile(fin)), ReplayFiles.find(fin));

        Path bad = config("bad.json", "{\"schedule\": \"cubic\"}");
        Outcome r = jgym("train", bad.toString(), "--out", dir.resolve("bad").toString(), "--quiet");
        assertEquals(2, r.code());
        assertEquals("jgym: " + bad + ": $.replays.schedule: expected one of capped_cubic, every, all, none, found \"cubic\"", r.err().strip());
        UserError unknown = assertThrows(UserError.class, () -> DqnConfig.read(config("unknown.json", "{\"fps\": 3}")));
        assertTrue(unknown.getMessage().contains("$.replays"), unknown.getMessage());
    }
}
