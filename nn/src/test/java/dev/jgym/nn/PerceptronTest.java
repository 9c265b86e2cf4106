package dev.jgym.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The seeds' perceptron worked example, from {@code configs/seeds/perceptron-spam-toy.json}: six
 * mails over (and, viagra, the, of, nigeria), lr 1/2, weights 0, no bias. The seeds' answer,
 * w = (0, 1, 0, −1/2, 1/2), worked by hand: pass 1 corrects v1 (activation 0), v2 (+1/2), v3 (0)
 * and v4 (+1/2), each by w += (1/2) label x; pass 2 finds no mistake.
 */
class PerceptronTest {
    /** The seeds' final weights (exact in binary floating point). */
    static final double[] SEED_WEIGHTS = {0, 1, 0, -0.5, 0.5};

    /** The config file's form. */
    record Example(
            @JsonProperty("description") String description,
            @JsonProperty("features") List<String> features,
            @JsonProperty("learning_rate") double learningRate,
            @JsonProperty("bias") boolean bias,
            @JsonProperty("tie") String tie,
            @JsonProperty("max_passes") int maxPasses,
            @JsonProperty("mails") List<Mail> mails) {}

    record Mail(@JsonProperty("name") String name, @JsonProperty("x") float[] x, @JsonProperty("label") int label) {}

    static Example example() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("configs/seeds/perceptron-spam-toy.json");
            if (Files.exists(file)) return Json.read(file, Example.class);
        }
        throw new IllegalStateException("configs/seeds/perceptron-spam-toy.json not found");
    }

    static float[][] xs(Example e) {
        return e.mails().stream().map(Mail::x).toArray(float[][]::new);
    }

    /** Labels ±1 as the perceptron's classes 1 / 0. */
    static int[] targets(Example e) {
        return e.mails().stream().mapToInt(m -> m.label() == 1 ? 1 : 0).toArray();
    }

    @Test
    @DisplayName("seeds' worked example as configured (no bias, zero activation a mistake): w = (0, 1, 0, -1/2, 1/2) after 2 passes")
    void seedsWorkedExample() {
        Example e = example();
        Perceptron p = new Perceptron(e.features().size(), e.learningRate(), e.bias(),
                Perceptron.Tie.valueOf(e.tie().toUpperCase(Locale.ROOT)));
        assertEquals(2, p.train(xs(e), targets(e), e.maxPasses()), "passes, the clean second one counted");
        assertArrayEquals(SEED_WEIGHTS, p.weights(), 0.0);
        assertEquals(0.0, p.bias(), 0.0);
    }

    @Test
    @DisplayName("the other tie rules: zero as ham also ends at the seeds' weights, zero as spam (the step) at (0, 1/2, 0, -1/2, 0)")
    void otherTieRules() {
        Example e = example();
        Perceptron zero = new Perceptron(5, 0.5, false, Perceptron.Tie.ZERO);
        assertEquals(2, zero.train(xs(e), targets(e), 100));
        assertArrayEquals(SEED_WEIGHTS, zero.weights(), 0.0);
        Perceptron one = new Perceptron(5, 0.5, false, Perceptron.Tie.ONE);
        assertEquals(2, one.train(xs(e), targets(e), 100));
        assertArrayEquals(new double[] {0, 0.5, 0, -0.5, 0}, one.weights(), 0.0);
    }

    @Test
    @DisplayName("the default constructor keeps a bias and counts zero as class 1")
    void defaultIsRosenblattsStep() {
        Perceptron p = new Perceptron(1, 1.0);
        assertEquals(1, p.predict(new float[] {0}));
        assertEquals(0, p.epoch(new float[][] {{0}}, new int[] {1}));
        assertEquals(1, p.epoch(new float[][] {{0}}, new int[] {0}));
        assertEquals(-1.0, p.bias(), 0.0);
    }
}
