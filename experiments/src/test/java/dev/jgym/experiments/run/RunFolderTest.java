package dev.jgym.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.experiments.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run folder never loses or mixes work: each refusal is one line and exit 2, and leaves the folder as it was. */
public class RunFolderTest {
    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {}

    static Outcome jgym(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public static final String DQN = "{\"name\": \"folder\", \"seed\": 3, \"env\": {\"id\": \"CartPole-v1\"},"
            + "\"dqn\": {\"total_steps\": 800, \"buffer_size\": 1000, \"batch_size\": 16, \"learning_starts\": 200,"
            + "\"network\": {\"hidden\": [16]}, \"optimizer\": {\"type\": \"adam\", \"lr\": 0.001}},"
            + "\"evaluation\": {\"interval\": 400, \"episodes\": 2, \"final_episodes\": 2}, \"replays\": {\"final\": false, \"schedule\": \"none\"}}";

    static final String BANDIT = "{\"name\": \"folder-bandit\", \"seed\": 1, \"runs\": 4, \"steps\": 50,"
            + "\"env\": {\"id\": \"GaussianBandit-v0\"}, \"agents\": [{\"label\": \"e\", \"type\": \"epsilon-greedy\", \"settings\": {\"epsilon\": 0.1}}]}";

    private Path config(String name, String json) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, json);
        return f;
    }

    static void assertOneLine(Outcome o, int code, String... parts) {
        assertEquals(code, o.code(), "exit code; stderr: " + o.err());
        assertEquals(1, o.err().lines().count(), "exactly one line: " + o.err());
        assertTrue(o.err().startsWith("jgym: "), o.err());
        assertFalse(o.err().contains("Exception") || o.err().contains("\tat "), "no stack trace: " + o.err());
        for (String p : parts) assertTrue(o.err().contains(p), "message has <" + p + ">: " + o.err());
    }

    @Test
    @DisplayName("a non-empty --out is refused and left alone; --force clears it (an old replay does not survive)")
    void nonEmptyFolder() throws IOException {
        Path cfg = config("b.json", BANDIT);
        Path out = Files.createDirectories(dir.resolve("out"));
        Path old = Files.writeString(out.resolve("replays-of-another-run.jgr"), "old");
        assertOneLine(jgym("train", cfg.toString(), "--out", out.toString(), "--quiet"), 2, "is not empty", "--force");
        assertEquals("old", Files.readString(old), "untouched");
        assertEquals(0, jgym("train", cfg.toString(), "--out", out.toString(), "--quiet", "--force").code());
        assertFalse(Files.exists(old), "--force cleared the old run's files");
        assertTrue(Files.isRegularFile(out.resolve("metrics.csv")));
    }

    @Test
    @DisplayName("a folder with a checkpoint: refused with a pointer to --resume; --resume refuses a changed result key, naming it")
    void checkpointAndResume() throws IOException {
        Path cfg = config("d.json", DQN);
        Path out = dir.resolve("run");
        assertEquals(0, jgym("train", cfg.toString(), "--out", out.toString(), "--quiet").code());
        byte[] checkpoint = Files.readAllBytes(out.resolve("checkpoint.jgc"));
        assertOneLine(jgym("train", cfg.toString(), "--out", out.toString(), "--quiet"), 2, "holds the checkpoint", "--resume");
        Path changed = config("d2.json", DQN.replace("\"lr\": 0.001", "\"lr\": 0.002"));
        assertOneLine(jgym("train", changed.toString(), "--out", out.toString(), "--quiet", "--resume"), 2,
                "changes $.dqn.optimizer.lr from 0.001 to 0.002");
        Path gamma = config("d3.json", DQN.replace("\"batch_size\": 16", "\"batch_size\": 16, \"gamma\": 0.9"));
        assertOneLine(jgym("train", gamma.toString(), "--out", out.toString(), "--quiet", "--resume"), 2, "$.dqn.gamma from (absent) to 0.9");
        assertArrayEquals(checkpoint, Files.readAllBytes(out.resolve("checkpoint.jgc")), "the refused commands changed nothing");
        Path described = config("d4.json", DQN.replace("\"seed\": 3,", "\"seed\": 3, \"description\": \"a note\","));
        Files.writeString(out.resolve(".checkpoint.jgc123.tmp"), "left by a kill during a write");
        assertEquals(0, jgym("train", described.toString(), "--out", out.toString(), "--quiet", "--resume").code(), "a description is free");
        assertFalse(Files.exists(out.resolve(".checkpoint.jgc123.tmp")), "stale temporary files are removed");
    }

    @Test
    @DisplayName("--resume without a checkpoint, --resume of a kind without checkpoints, --resume with --force: one line each")
    void resumeMistakes() throws IOException {
        Path cfg = config("d.json", DQN);
        assertOneLine(jgym("train", cfg.toString(), "--out", dir.resolve("none").toString(), "--resume"), 2, "holds no checkpoint.jgc");
        assertOneLine(jgym("train", config("b.json", BANDIT).toString(), "--out", dir.resolve("b").toString(), "--resume"), 2,
                "is a agents config", "write no checkpoint");
        assertOneLine(jgym("train", cfg.toString(), "--out", dir.resolve("x").toString(), "--resume", "--force"), 2, "pick one");
    }

    @Test
    @DisplayName("a name that leaves runs/, an --out that is a file or lies under one: refused before any work")
    void badFolders() throws IOException {
        Path escaping = config("e.json", BANDIT.replace("\"folder-bandit\"", "\"../../x\""));
        assertOneLine(jgym("train", escaping.toString()), 2, "e.json: $.name: \"../../x\" is not a plain folder name");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path cfg = config("b.json", BANDIT);
        assertOneLine(jgym("train", cfg.toString(), "--out", file.toString()), 2, "is a file, expected a folder");
        assertOneLine(jgym("train", cfg.toString(), "--out", file.resolve("sub").toString()), 2, "cannot write to", "Not a directory");
    }

    @Test
    @DisplayName("a diverging DQN stops with exit 1 and one line naming the step")
    void divergence() throws IOException {
        Path cfg = config("nan.json", DQN.replace("{\"type\": \"adam\", \"lr\": 0.001}", "{\"type\": \"sgd\", \"lr\": 1e30}")
                .replace("\"batch_size\": 16,", "\"batch_size\": 16, \"max_grad_norm\": 0,"));
        Outcome o = jgym("train", cfg.toString(), "--out", dir.resolve("nan").toString(), "--quiet");
        assertOneLine(o, 1, "nan.json: training diverged at step ", "the loss is");
    }

    @Test
    @DisplayName("the config names its kind in one key; two kinds at once is one line")
    void kinds() throws IOException {
        assertEquals("dqn", ExperimentKinds.forConfig(config("d.json", DQN)).name());
        assertEquals("agents", ExperimentKinds.forConfig(config("b.json", BANDIT)).name());
        Path both = config("both.json", DQN.replace("\"seed\": 3,", "\"seed\": 3, \"model\": {},"));
        assertOneLine(jgym("train", both.toString()), 2, "names two experiment kinds at once");
        for (String kind : new String[] {"agents", "dqn", "generative", "shallow", "supervised"}) {
            assertTrue(ExperimentKinds.all().stream().anyMatch(k -> k.name().equals(kind)), kind + " is registered");
        }
    }

    @Test
    @DisplayName("what issue 17 found, each one line and exit 2 before any work: a bandit agent on CartPole, sizes past their limits (steps, runs, arms, replay, widths), JSON the parser refuses")
    void badInputs() throws IOException {
        assertOneLine(jgym("train", config("cc.json", BANDIT.replace("GaussianBandit-v0", "CartPole-v1")).toString(), "--out", dir.resolve("a").toString()), 2,
                "agent type \"epsilon-greedy\" is a bandit strategy: it needs a bandit env");
        assertOneLine(jgym("train", config("s.json", BANDIT.replace("\"steps\": 50", "\"steps\": 1e12")).toString(), "--out", dir.resolve("b").toString()), 2,
                "$.steps: expected an integer, found 1.0E12");
        assertOneLine(jgym("train", config("s2.json", BANDIT.replace("\"steps\": 50", "\"steps\": 2000000000")).toString(), "--out", dir.resolve("b2").toString()), 2,
                "$.steps: expected at most 1000000 (the limit of this size), found 2000000000");
        assertOneLine(jgym("train", config("r.json", BANDIT.replace("\"runs\": 4", "\"runs\": 2147483647")).toString(), "--out", dir.resolve("c").toString()), 2,
                "$.runs: expected at most 1000000 (the limit of this size), found 2147483647");
        assertOneLine(jgym("train", config("k.json", BANDIT.replace("\"id\": \"GaussianBandit-v0\"", "\"id\": \"GaussianBandit-v0\", \"options\": {\"k\": 2147483647}")).toString(),
                "--out", dir.resolve("d").toString()), 2, "options.k: expected at most 1000000 (the limit of this size), found 2147483647");
        assertOneLine(jgym("train", config("buf.json", DQN.replace("\"buffer_size\": 1000", "\"buffer_size\": 2000000000")).toString(), "--out", dir.resolve("h").toString()), 2,
                "$.dqn.buffer_size: expected at most 50000000 (the limit of this size), found 2000000000");
        assertOneLine(jgym("train", config("wide.json", DQN.replace("\"hidden\": [16]", "\"hidden\": [16, 1000000]")).toString(), "--out", dir.resolve("i").toString()), 2,
                "$.dqn.network.hidden[1]: expected at most 65536 (the limit of this size), found 1000000");
        Outcome nan = jgym("train", config("nan.json", BANDIT.replace("\"seed\": 1", "\"seed\": NaN")).toString(), "--out", dir.resolve("e").toString());
        assertOneLine(nan, 2, "'NaN' is not a JSON number (numbers must be finite)");
        Outcome deep = jgym("train", config("deep.json", "{\"a\":".repeat(1500) + "1" + "}".repeat(1500)).toString(), "--out", dir.resolve("f").toString());
        assertOneLine(deep, 2, "nested deeper than the 1000 levels a config may have");
        Outcome trailing = jgym("train", config("t.json", BANDIT + " {}").toString(), "--out", dir.resolve("g").toString());
        assertOneLine(trailing, 2, "t.json: not valid JSON");
        for (Outcome o : new Outcome[] {nan, deep, trailing}) {
            assertFalse(o.err().contains("JsonReadFeature") || o.err().contains("StreamReadConstraints") || o.err().contains("FAIL_ON_TRAILING"),
                    "no JSON library internals: " + o.err());
        }
        for (String d : new String[] {"a", "b", "b2", "c", "d", "e", "f", "g", "h", "i"}) assertFalse(Files.exists(dir.resolve(d)), d + ": refused before the folder was made");
    }

    @Test
    @DisplayName("a full disk while a run writes its results: one line naming the folder and the reason, exit 1; an unwritable --out: one line, exit 2")
    void diskFull() throws IOException {
        Path cfg = config("full.json", "{\"test_disk_full\": {}}");
        Outcome o = jgym("train", cfg.toString(), "--out", dir.resolve("full").toString(), "--quiet");
        assertOneLine(o, 1, "cannot write the results in ", "No space left on device");
        assertTrue(Files.isRegularFile(dir.resolve("full/config.json")), "what was saved before stays");
        // a folder nobody may write (sysfs refuses even root), found before any work
        assertOneLine(jgym("train", config("b.json", BANDIT).toString(), "--out", "/sys/jgym-run-folder-test", "--quiet"), 2,
                "cannot write to /sys/jgym-run-folder-test");
    }
}
