package dev.jgym.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.nn.data.CharText;
import dev.jgym.nn.data.Dataset;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The character-level LSTM on configs/text/sonnets.txt through the supervised experiment machinery. */
class TextLstmTest {

    /** Cross-entropy (nats) of the test characters under the training text's character frequencies: what a model without context scores. */
    static double unigramBaseline(CharText text, int window) {
        Dataset[] split = text.split(window, 0.1);
        double[] counts = new double[text.vocabularySize()];
        for (int i = 0; i < split[0].size(); i++) counts[split[0].label(i)]++;
        double total = 0;
        for (double c : counts) total += c + 1;
        double loss = 0;
        for (int i = 0; i < split[1].size(); i++) loss -= Math.log((counts[split[1].label(i)] + 1) / total);
        return loss / split[1].size();
    }

    @Test
    @DisplayName("text data set: windows of one-hot characters and the next character as label; vocabulary sorted; test split after the training text")
    void windows() {
        CharText t = CharText.of("abcabd");
        assertEquals(4, t.vocabularySize());
        Dataset[] s = t.split(2, 0.34);
        assertEquals(2, s[0].size()); // targets c, a (positions 2, 3)
        float[] x = new float[8];
        s[0].copyFeatures(0, x, 0);
        assertEquals(1f, x[0]); // 'a' at step 0
        assertEquals(1f, x[4 + 1]); // 'b' at step 1
        assertEquals(t.code('c'), s[0].label(0));
        assertEquals(t.code('d'), s[1].label(s[1].size() - 1));
    }

    @Test
    @Tag("learning")
    @DisplayName("configs/text-lstm.json: test cross-entropy at least 20% below the unigram baseline of the training text (seen: 2.30 vs 3.10 nats, 26% below)")
    void learnsCharacters() {
        Path config = Configs.path("text-lstm.json");
        SupervisedConfig cfg = SupervisedConfig.read(config);
        long t0 = System.nanoTime();
        SupervisedExperiment.Result r = new SupervisedExperiment(cfg, config.toString()).run(Runtime.getRuntime().availableProcessors(), n -> { });
        double baseline = unigramBaseline(CharText.read(config.getParent().resolve(cfg.data().file())), cfg.data().window());
        for (SupervisedExperiment.EpochRow row : r.epochs()) System.out.printf("text-lstm epoch %d: train loss %.4f acc %.4f%n", row.epoch(), row.trainLoss(), row.trainAccuracy());
        System.out.printf("text-lstm: test loss %.4f (unigram baseline %.4f), accuracy %.4f, %.1f s%n", r.test().loss(), baseline, r.test().accuracy(),
                (System.nanoTime() - t0) / 1e9);
        assertTrue(r.test().loss() < 0.80 * baseline, "test loss " + r.test().loss() + " vs unigram " + baseline);
    }
}
