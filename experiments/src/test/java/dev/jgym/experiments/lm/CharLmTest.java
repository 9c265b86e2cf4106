package dev.jgym.experiments.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.experiments.cli.Main;
import dev.jgym.nn.data.MobyDick;
import dev.jgym.nn.testing.TestData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "lm" kind end to end on Moby-Dick (a few steps), the chapter split, and `jgym sample`. */
class CharLmTest {
    @TempDir
    Path dir;

    static Path data() {
        return TestData.require("moby-dick", "Moby-Dick", MobyDick.defaultDir(), MobyDick::present);
    }

    static final String TINY = """
            {"name": "tiny", "seed": 3, "lm": {"dataset": "moby-dick", "dir": "%s"},
             "network": {"layers": [{"type": "embedding", "width": 8}, {"type": "transformer_block", "heads": %d, "mlp": 16, "causal": true, "dropout": 0.1},
                                    {"type": "layernorm"}, {"type": "dense", "per_step": true}]},
             "training": {"steps": 4, "batch_size": 3, "context": 12, "optimizer": {"type": "adamw", "lr": 0.01}, "eval_every": 2, "eval_windows": 5}}
            """;

    /** Runs the command; returns {exit status, stdout, stderr}. */
    static Object[] jgym(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Object[] {status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    @DisplayName("Moby-Dick split by chapter: 135 chapters, every tenth (13) the validation text; 81 characters; chapter 1 opens the training text with \"Call me Ishmael.\"")
    void chapterSplit() {
        MobyDick m = MobyDick.load(data());
        assertEquals(81, m.vocabularySize());
        StringBuilder start = new StringBuilder();
        for (int i = 0; i < 16; i++) start.append(m.character(m.train()[i]));
        assertEquals("Call me Ishmael.", start.toString());
        assertTrue(m.validation().length > 80_000 && m.validation().length < 0.1 * (m.train().length + m.validation().length), "validation " + m.validation().length);
        MobyDick small = MobyDick.of(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "J", "k"));
        assertEquals(1, small.validation().length, "chapter 10 alone");
        assertEquals('J', small.character(small.validation()[0]));
    }

    @Test
    @DisplayName("jgym train on an lm config writes metrics, model and vocabulary, with the same bytes for 1 and 2 threads; jgym sample continues a prompt; heads that do not divide the width are one line and exit 2")
    void trainAndSample() throws Exception {
        Path cfg = dir.resolve("tiny.json");
        Files.writeString(cfg, TINY.formatted(data().toString().replace("\\", "\\\\"), 2));
        byte[][] metrics = new byte[2][];
        for (int threads = 1; threads <= 2; threads++) {
            Path run = dir.resolve("run" + threads);
            Object[] r = jgym("train", cfg.toString(), "--out", run.toString(), "--quiet", "--threads", Integer.toString(threads));
            assertEquals(0, r[0], r[2].toString());
            metrics[threads - 1] = Files.readAllBytes(run.resolve("metrics.csv"));
            for (String f : new String[] {"summary.json", "bpc.png", "model.jgm", "vocabulary.json"}) assertTrue(Files.exists(run.resolve(f)), f);
            assertTrue(Files.readAllBytes(run.resolve("model.jgm")).length > 0);
        }
        assertArrayEquals(metrics[0], metrics[1], "metrics.csv with 1 and 2 threads");
        assertEquals(3, new String(metrics[0], StandardCharsets.UTF_8).split("\n").length, "a header and evaluations after steps 2 and 4");
        Object[] s = jgym("sample", dir.resolve("run1").toString(), "--prompt", "Call me", "--length", "40", "--seed", "7");
        assertEquals(0, s[0], s[2].toString());
        String text = s[1].toString().strip();
        assertTrue(text.startsWith("Call me") && text.length() == "Call me".length() + 40 || text.contains("\n"), text);
        assertEquals(s[1], jgym("sample", dir.resolve("run1").toString(), "--prompt", "Call me", "--length", "40", "--seed", "7")[1], "the same seed, the same text");
        Files.writeString(cfg, TINY.formatted(data().toString().replace("\\", "\\\\"), 3));
        Object[] bad = jgym("train", cfg.toString(), "--out", dir.resolve("bad").toString(), "--quiet");
        assertEquals(Main.MISUSE, bad[0]);
        String line = bad[2].toString().strip();
        assertFalse(line.contains("\n"), line);
        assertTrue(line.endsWith("$.network.layers[1].heads: 3 heads do not divide the width 8"), line);
    }
}
