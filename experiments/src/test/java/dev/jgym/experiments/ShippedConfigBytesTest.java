package dev.jgym.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgym.experiments.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shipped bandit and tabular configs through {@code jgym train} (metrics.csv streamed a chunk at a
 * time, runs advanced in lockstep within a block) give the bytes the runner wrote when it played
 * every run to its end before the next and wrote metrics.csv agent by agent: the SHA-256 digests
 * below are of the files that runner (commit d9b9706) wrote for these configs on 2 threads.
 */
class ShippedConfigBytesTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("bandits/testbed-figure-2.2.json (3 agents x 2000 runs x 1000 steps): metrics.csv, summary.json and run 0's episode logs as before streaming, byte for byte")
    void banditTestbed() throws Exception {
        assertDigests("bandits/testbed-figure-2.2.json", Map.of(
                "metrics.csv", "fc8e73a070e193ba31255dcfe0b39b4b015037f29b7bc3d43cc55f46935c3f2e",
                "summary.json", "1dccac30d518fa7ac6b45ebfd3c588737d42ac4c7dc60996d685e22dd11fe2ad",
                "replays/epsilon-0-01/episodes.csv", "568fd0fee9094c9133aa2ab042a95df9ba108d4600abce8dea73c89e00fc76d2",
                "replays/epsilon-0-1/episodes.csv", "bb744ab6a38d60b07538ac56caeff68fc032059d22837cd10653eb1f2840a628",
                "replays/greedy/episodes.csv", "2019c56f6f198c52cca628c9ba83529df5a0f8c19139d4f46f718c746eabcdd8"));
    }

    @Test
    @DisplayName("tabular/cliff-walking-example-6.6.json (episode curve, 3 agents x 200 runs x 500 episodes, greedy evaluation): metrics.csv, summary.json, values.csv and run 0's episode logs as before streaming, byte for byte")
    void cliffWalking() throws Exception {
        assertDigests("tabular/cliff-walking-example-6.6.json", Map.of(
                "metrics.csv", "c686b5bfdb27ee34bb6e77504b6b227d17bce7c60e317c284bb0067afdb7c2f3",
                "summary.json", "f599e1102d4c53e4840f39ddcb8bcd178e3bf768348df0031e615587faef14c1",
                "values.csv", "5563ad141fba0dc78326b155b231a0c10be6c3ea6e8a8b5e32404799b36a258d",
                "replays/expected-sarsa/episodes.csv", "56489341bf672e43cbe83b3dcdee1004368202415d04bf9ae98c0a8ac398b962",
                "replays/q-learning/episodes.csv", "6165077c974fdcba82304eb3459602050a6e28b4d7fe842c6b0010fcb93154ad",
                "replays/sarsa/episodes.csv", "e7ced092f6e2d30d52697b6c739889904e9d049c8df259c0a9bf52d5d7db1ef9"));
    }

    @Test
    @DisplayName("tabular/random-walk-example-6.2.json (episode curve with true values: value_rms after every episode, 7 agents x 100 runs): metrics.csv, summary.json and values.csv as before streaming, byte for byte")
    void randomWalk() throws Exception {
        assertDigests("tabular/random-walk-example-6.2.json", Map.of(
                "metrics.csv", "c0207df927cfe127f2d45973aa8b3788ff306768ce4a2e2d69fe9983850fc095",
                "summary.json", "e956296ef939be0fd8af9b3ff9b64efe1db0654ae7c64dc324a61a052220dae2",
                "values.csv", "bf090e67d734ed8c017de579f743a353c7269bd3d8978e6fd0d3a8fa49491b31"));
    }

    private void assertDigests(String config, Map<String, String> expected) throws Exception {
        Path out = dir.resolve("run");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"train", Configs.path(config).toString(), "--out", out.toString(), "--quiet", "--threads", "2"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        Map<String, String> found = new TreeMap<>();
        for (String f : expected.keySet()) {
            found.put(f, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(out.resolve(f)))));
        }
        assertEquals(new TreeMap<>(expected), found);
    }
}
