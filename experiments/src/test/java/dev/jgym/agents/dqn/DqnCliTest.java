package dev.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.experiments.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jgym train} with a DQN config: the files it writes, --resume, and one-line errors. */
class DqnCliTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }

    private static final String CONFIG = "{\"name\": \"cli\", \"seed\": 3, \"env\": {\"id\": \"CartPole-v1\"},"
            + "\"dqn\": {\"total_steps\": 1500, \"buffer_size\": 1000, \"batch_size\": 16, \"learning_starts\": 200,"
            + "\"network\": {\"hidden\": [16]}, \"optimizer\": {\"type\": \"adam\", \"lr\": 0.001}},"
            + "\"evaluation\": {\"interval\": 500, \"episodes\": 2, \"final_episodes\": 2}}";

    @Test
    @DisplayName("train writes metrics, evaluations, summary, curves, model, checkpoint, timing; --resume of a finished run changes nothing")
    void trainAndResume(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("dqn.json");
        Files.writeString(cfg, CONFIG);
        Path out = dir.resolve("out");
        assertEquals(0, run("train", cfg.toString(), "--out", out.toString(), "--quiet"), err.toString());
        for (String f : new String[] {"config.json", "metrics.csv", "evaluations.csv", "summary.json", "returns.png", "loss.png", "q.png",
                "model.jgm", "checkpoint.jgc", "timing.json"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        byte[] metrics = Files.readAllBytes(out.resolve("metrics.csv"));
        byte[] summary = Files.readAllBytes(out.resolve("summary.json"));
        assertEquals(0, run("train", cfg.toString(), "--out", out.toString(), "--quiet", "--resume", "--threads", "2"), err.toString());
        assertArrayEquals(metrics, Files.readAllBytes(out.resolve("metrics.csv")));
        assertArrayEquals(summary, Files.readAllBytes(out.resolve("summary.json")));
    }

    @Test
    @DisplayName("A wrong output size is one line on stderr and exit code 2")
    void badConfig(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("bad.json");
        Files.writeString(cfg, CONFIG.replace("\"hidden\": [16]", "\"hidden\": [16], \"outputs\": 4"));
        assertEquals(2, run("train", cfg.toString(), "--out", dir.resolve("o").toString(), "--quiet"));
        assertEquals("jgym: " + cfg + ": $.dqn.network.outputs: expected 2 (the actions of CartPole-v1), found 4", err.toString().strip());
    }

    @Test
    @DisplayName("jgym play: the trained greedy policy's mean return with its interval and no success rate (CartPole has no goal: Gymnasium defines none, a fall ends an episode with +1), the same for the same seed; --record writes replays that verify")
    void play(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("dqn.json");
        Files.writeString(cfg, CONFIG);
        Path out = dir.resolve("out");
        assertEquals(0, run("train", cfg.toString(), "--out", out.toString(), "--quiet"), err.toString());
        ByteArrayOutputStream o1 = new ByteArrayOutputStream(), o2 = new ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[] {"play", out.toString(), "--episodes", "5", "--seed", "9"}, new PrintStream(o1, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false), err.toString());
        Path replays = dir.resolve("played");
        assertEquals(0, Main.run(new String[] {"play", out.resolve("checkpoint.jgc").toString(), "--episodes", "5", "--seed", "9", "--record", replays.toString()},
                new PrintStream(o2, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false), err.toString());
        String first = o1.toString(StandardCharsets.UTF_8);
        assertTrue(first.matches("(?s)5 episodes of .*: return -?[0-9.]+ \\+- [0-9.]+ \\(95% interval\\), no success rate \\(the env has no goal\\), mean length [0-9.]+\\n"), first);
        assertTrue(o2.toString(StandardCharsets.UTF_8).contains(first.substring(first.indexOf(": return"))), "same seed, same episodes: " + o2);
        assertEquals(5, dev.jgym.replays.ReplayFiles.find(replays).size());
        for (Path f : dev.jgym.replays.ReplayFiles.find(replays)) assertTrue(dev.jgym.replays.ReplayVerifier.verify(f).ok(), f.toString());
        assertEquals(2, run("play", dir.resolve("nothing").toString()));
    }
}
