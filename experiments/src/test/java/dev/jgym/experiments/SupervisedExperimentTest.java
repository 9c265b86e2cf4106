package dev.jgym.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.experiments.cli.Main;
import dev.jgym.core.config.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Supervised experiments through `jgym train`: outputs, reproducibility, clear config errors. */
class SupervisedExperimentTest {
    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {}

    static Outcome jgym(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static final String BLOBS = """
            {
              "name": "blobs-mlp",
              "seed": 7,
              "data": {"dataset": "blobs", "validation": 200},
              "model": {"init": "he_normal", "layers": [
                {"type": "dense", "out": 32}, {"type": "batchnorm1d"}, {"type": "relu"}, {"type": "dropout", "p": 0.1},
                {"type": "dense", "out": 4}]},
              "training": {"epochs": 6, "batch_size": 50,
                           "optimizer": {"type": "adamw", "lr": 0.01},
                           "schedule": {"type": "cosine", "warmup_epochs": 1},
                           "clip_norm": 5.0,
                           "early_stopping": {"patience": 3}}
            }
            """;

    private Path write(String name, String json) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, json);
        return f;
    }

    @Test
    @DisplayName("a supervised config (top-level \"model\"): metrics.csv per epoch, summary.json, PNGs, model.jgm; byte-identical on 1 and 2 threads")
    void trainsAndReproduces() throws IOException {
        Path config = write("blobs.json", BLOBS);
        Outcome a = jgym("train", config.toString(), "--out", dir.resolve("a").toString(), "--threads", "1");
        Outcome b = jgym("train", config.toString(), "--out", dir.resolve("b").toString(), "--threads", "2", "--quiet");
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        for (String f : new String[] {"metrics.csv", "summary.json", "config.json", "model.jgm"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f + ": 1 vs 2 threads");
        }
        String csv = Files.readString(dir.resolve("a/metrics.csv"));
        assertTrue(csv.startsWith("epoch,lr,train_loss,train_accuracy,val_loss,val_accuracy\n"), csv);
        assertTrue(Files.size(dir.resolve("a/loss.png")) > 1000 && Files.size(dir.resolve("a/accuracy.png")) > 1000);
        JsonNode summary = Json.MAPPER.readTree(dir.resolve("a/summary.json").toFile());
        assertTrue(summary.get("test_accuracy").asDouble() > 0.9, "4 well-separated blobs: " + summary);
        assertTrue(a.out().contains("test: loss"), a.out());
    }

    @Test
    @DisplayName("mistakes in a supervised config are one line naming the file and the JSON path")
    void configErrors() throws IOException {
        Outcome badLayer = jgym("train", write("a.json", BLOBS.replace("\"type\": \"relu\"", "\"type\": \"relux\"")).toString(), "--quiet");
        assertEquals(2, badLayer.code());
        assertTrue(badLayer.err().contains("a.json: $.model.layers[2].type: unknown layer \"relux\""), badLayer.err());
        Outcome badLr = jgym("train", write("b.json", BLOBS.replace("\"lr\": 0.01", "\"lr\": -1")).toString(), "--quiet");
        assertEquals(2, badLr.code());
        assertTrue(badLr.err().contains("b.json: $.training.optimizer.lr: expected a positive number, found -1"), badLr.err());
        Outcome badOut = jgym("train", write("c.json", BLOBS.replace("\"out\": 4", "\"out\": 5")).toString(), "--quiet");
        assertEquals(2, badOut.code());
        assertTrue(badOut.err().contains("c.json: $.model.layers: the last dense layer must have 4 outputs"), badOut.err());
        Outcome unknown = jgym("train", write("d.json", BLOBS.replace("\"seed\": 7", "\"seed\": 7, \"sed\": 1")).toString(), "--quiet");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("d.json: $: unknown key \"sed\""), unknown.err());
    }

    @Test
    @DisplayName("configs/mnist-mlp.json binds and validates (MNIST itself is checked by the core learning test)")
    void mnistConfigBinds() {
        SupervisedConfig cfg = SupervisedConfig.read(Configs.path("mnist-mlp.json"));
        assertEquals("mnist", cfg.data().dataset());
        assertEquals(12, cfg.training().epochs());
        assertEquals("supervised", dev.jgym.experiments.run.ExperimentKinds.forConfig(Configs.path("mnist-mlp.json")).name());
        assertEquals("agents", dev.jgym.experiments.run.ExperimentKinds.forConfig(Configs.path("bandits/testbed-figure-2.2.json")).name());
    }
}
