package dev.jgym.experiments.shallow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.Json;
import dev.jgym.core.testing.Prerequisites;
import dev.jgym.nn.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The few-shot reproductions of issue 12 with the configs under configs/shallow. The document
 * reports mean per-class AUC 0.946 on MNIST (20x20, 100 training / 300 validation images, 3 layers)
 * and 0.946 on Fashion-MNIST (150 training images); the issue asks for >= 0.94 on each. Our
 * figures on the configs' seed (1) and over seeds 1-5 are in docs/SHALLOW_WIDE.md.
 */
@Tag("learning")
class ShallowReproductionTest {

    static Path config(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path c = p.resolve("configs/shallow").resolve(name);
            if (Files.isRegularFile(c)) return c;
        }
        throw new IllegalStateException("configs/shallow/" + name + " not found above " + Path.of("").toAbsolutePath());
    }

    static ShallowExperiment.Result run(Path file, int threads) {
        ShallowConfig cfg = ShallowConfig.read(file);
        if (cfg.data().dir() == null) {
            if (cfg.data().dataset().equals("mnist")) TestData.mnist();
            else TestData.fashionMnist();
        }
        Prerequisites.require(FewShot.present(cfg.data()), cfg.data().dataset() + " is not in " + cfg.data().dir() + " (the folder " + file + " names)");
        return new ShallowExperiment(cfg, file.toString()).run(threads, n -> { });
    }

    @Test
    @DisplayName("MNIST 20x20, 100 training / 300 validation, 3 Ising layers: mean AUC >= 0.94 (issue; document 0.946; ours 0.9435, seeds 1-5 mean 0.950, min 0.943); 1 and 2 threads bit-identical")
    void mnist() throws IOException {
        Path file = config("mnist-shallow-wide.json");
        ShallowExperiment.Result two = run(file, 2), one = run(file, 1);
        ShallowExperiment.ModelResult m = two.models().get(0);
        assertTrue(m.meanAuc() >= 0.94, "mean AUC " + m.meanAuc());
        assertArrayEquals(one.models().get(0).auc(), m.auc(), 0.0);
        for (int c = 0; c < 10; c++) assertArrayEquals(one.models().get(0).weights()[c], m.weights()[c], 0.0);
        // the digit 0's weight map looks like a 0: inked ring positive, the hole in the middle negative
        double[] w0 = m.weights()[0];
        assertTrue(w0[10 * 20 + 10] < 0, "centre of the 0 map: " + w0[10 * 20 + 10]);
        ShallowExperiment e = new ShallowExperiment(ShallowConfig.read(file), file.toString());
        Path dir = Files.createTempDirectory("shallow");
        e.write(dir, file, two);
        assertTrue(Files.size(dir.resolve("weights-0-ising_layers.png")) > 1000);
        assertEquals(Json.readTree(dir.resolve("summary.json")).get("models").get(0).get("mean_auc").asDouble(), m.meanAuc());
    }

    @Test
    @DisplayName("Fashion-MNIST 28x28, 150 training / 300 validation, 3 Ising layers: mean AUC >= 0.94 (issue; document 0.946; ours 0.9407, seeds 1-5 mean 0.947, min 0.941)")
    void fashion() {
        ShallowExperiment.ModelResult m = run(config("fashion-shallow-wide.json"), 2).models().get(0);
        assertTrue(m.meanAuc() >= 0.94, "mean AUC " + m.meanAuc());
    }
}
