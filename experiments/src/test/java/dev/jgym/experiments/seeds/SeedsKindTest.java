package dev.jgym.experiments.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.experiments.Configs;
import dev.jgym.experiments.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jgym train} on the shipped seeds configs, and a config mistake. */
class SeedsKindTest {
    @TempDir
    Path dir;

    String[] jgym(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8), false);
        return new String[] {Integer.toString(code), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
    }

    @Test
    @DisplayName("configs/seeds/optimizer-paths.json and polynomial-overfitting.json: exit 0, the CSV (SGD's first step -6.335, -1.8; 13 degrees) and the PNG")
    void shippedConfigs() throws Exception {
        String[] a = jgym("train", Configs.path("seeds/optimizer-paths.json").toString(), "--out", dir.resolve("a").toString());
        assertEquals("0", a[0], a[2]);
        List<String> rows = Files.readAllLines(dir.resolve("a/paths.csv"));
        assertEquals(1 + 4 * 31, rows.size());
        String[] first = rows.get(2).split(",");
        assertEquals(-6.335, Double.parseDouble(first[3]), 1e-5, rows.get(2));
        assertEquals(-1.8, Double.parseDouble(first[4]), 1e-5, rows.get(2));
        assertTrue(Files.size(dir.resolve("a/optimizer-paths.png")) > 10_000);
        assertTrue(a[1].contains("Adam (lr 0.3)"), a[1]);
        String[] b = jgym("train", Configs.path("seeds/polynomial-overfitting.json").toString(), "--out", dir.resolve("b").toString(), "--quiet");
        assertEquals("0", b[0], b[2]);
        List<String> errors = Files.readAllLines(dir.resolve("b/errors.csv"));
        assertEquals(14, errors.size());
        PolynomialFits.Result r = PolynomialFits.run(1);
        assertEquals("3," + r.trainMse()[3] + "," + r.validationMse()[3], errors.get(4), "the config is the default example");
        assertTrue(Files.size(dir.resolve("b/polynomial-fits.png")) > 10_000);
    }

    @Test
    @DisplayName("a mistake is one line naming the file and the path, exit 2")
    void mistakes() throws Exception {
        for (String[] c : new String[][] {
                {"{\"example\": \"adagrad_paths\"}", "$.seeds.example: expected one of optimizer_paths, polynomial_fits, found \"adagrad_paths\""},
                {"{\"example\": \"polynomial_fits\", \"max_degree\": 15}", "$.seeds.max_degree: expected an integer in [0, 14]"},
                {"{\"example\": \"optimizer_paths\", \"optimizers\": [{\"type\": \"adagrad\", \"lr\": 1.5}]}", "expected one of sgd, momentum"}}) {
            Path file = dir.resolve("bad.json");
            Files.writeString(file, "{\"name\": \"bad\", \"seeds\": " + c[0] + "}");
            String[] r = jgym("train", file.toString(), "--out", dir.resolve("bad").toString(), "--quiet");
            assertEquals("2", r[0], r[2]);
            assertEquals(1, r[2].lines().count(), r[2]);
            assertTrue(r[2].contains("bad.json") && r[2].contains(c[1]), r[2]);
        }
    }
}
