package dev.jgym.nn.layers;

import static dev.jgym.nn.layers.GradientCheckTest.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.core.rng.Rng;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Init;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.nn.io.ModelFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Transformer's layers as parts of models: causality, determinism, shapes, model files. */
class TransformerLayersTest {
    @TempDir
    Path dir;

    static final String LM = """
            {"layers": [
              {"type": "embedding", "vocab": 11, "width": 16, "positions": "learned", "max_len": 12},
              {"type": "transformer_block", "heads": 4, "mlp": 32, "causal": true, "dropout": 0.1},
              {"type": "transformer_block", "heads": 2, "causal": true},
              {"type": "layernorm"}, {"type": "gelu"}]}""";

    static Sequential build(String json, int steps, Backend be, long seed) throws Exception {
        JsonNode spec = Json.MAPPER.readTree(json);
        return Layers.sequential(spec, new int[] {steps}, be, new Layers.Inits(Init.xavierUniform(), Init.constant(0), new Rng(seed)), "test.json", "$.model");
    }

    static Tensor tokens(Rng rng, int n, int t, int vocab) {
        Tensor x = Tensor.zeros(n, t);
        for (int i = 0; i < x.size(); i++) x.data()[i] = rng.nextInt(vocab);
        return x;
    }

    @Test
    @DisplayName("causal mask: output step t of a two-block causal model is bit-identical when every input after t changes, and differs when an input at or before t does")
    void causalOutputIgnoresTheFuture() throws Exception {
        try (CpuBackend be = new CpuBackend(1)) {
            Sequential m = build(LM, 8, be, 1);
            m.eval();
            Rng rng = new Rng(5);
            Tensor x = tokens(rng, 3, 8, 11);
            Tensor y = m.forward(x);
            for (int t = 0; t < 8; t++) {
                Tensor z = x.copy();
                for (int n = 0; n < 3; n++) for (int s = t + 1; s < 8; s++) z.set(n, s, (z.get(n, s) + 1 + n) % 11);
                Tensor yz = m.forward(z);
                for (int n = 0; n < 3; n++) {
                    for (int j = 0; j < (t + 1) * 16; j++) {
                        assertEquals(Float.floatToRawIntBits(y.get(n, j)), Float.floatToRawIntBits(yz.get(n, j)), "step " + j / 16 + " after changes past " + t);
                    }
                }
                Tensor w = x.copy();
                w.set(0, t, (w.get(0, t) + 1) % 11);
                Tensor yw = m.forward(w);
                boolean differs = false;
                for (int j = t * 16; j < (t + 1) * 16; j++) differs |= yw.get(0, j) != y.get(0, j);
                assertTrue(differs, "changing input " + t + " changes output " + t);
            }
        }
    }

    @Test
    @DisplayName("padding mask: a padded key's value does not reach any output of a (non-causal) attention layer")
    void paddedKeysAreIgnored() {
        try (CpuBackend be = new CpuBackend(1)) {
            MultiHeadAttention a = new MultiHeadAttention(be, 8, 2, 5, false, 0, new Rng(3));
            a.setMask(TransformerGradientCheckTest.lengths(5, 3, 5));
            Rng rng = new Rng(4);
            Tensor x = random(rng, 1, 2, 40), z = x.copy();
            for (int j = 3 * 8; j < 40; j++) z.set(0, j, z.get(0, j) + 5f);
            Tensor y = a.forward(x), yz = a.forward(z);
            for (int j = 0; j < 3 * 8; j++) assertEquals(y.get(0, j), yz.get(0, j), "example 0 step " + j / 8);
            for (int j = 0; j < 40; j++) assertEquals(y.get(1, j), yz.get(1, j), "example 1 is unchanged");
        }
    }

    /** Forward, backward and every gradient of a training step of the two-block model, as one list of tensors. */
    static List<Tensor> step(int threads) throws Exception {
        try (CpuBackend be = new CpuBackend(threads)) {
            Sequential m = build(LM.replace("\"max_len\": 12", "\"max_len\": 64"), 64, be, 7);
            Tensor x = tokens(new Rng(8), 16, 64, 11);
            Tensor y = m.forward(x);
            m.backward(random(new Rng(9), 1, y.shape()));
            List<Tensor> all = new ArrayList<>(List.of(y));
            for (Param p : m.trainable()) all.add(p.grad());
            return all;
        }
    }

    @Test
    @DisplayName("same bytes with 1 and 2 threads: outputs and every gradient of a two-block model step (batch 16, 64 steps, width 16, attention dropout 0.1)")
    void sameBitsForAnyThreadCount() throws Exception {
        List<Tensor> one = step(1), two = step(2);
        assertEquals(one.size(), two.size());
        for (int i = 0; i < one.size(); i++) assertTrue(one.get(i).bitEquals(two.get(i)), "tensor " + i);
    }

    static String error(String json, int steps) {
        UserError e = assertThrows(UserError.class, () -> build(json, steps, new CpuBackend(1), 1));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    @DisplayName("bad shapes are one line naming file, field, expected and found: heads not dividing the width, a sequence longer than the positional table, a block on a non-sequence")
    void badShapesRefused() {
        assertEquals("test.json: $.model.layers[1].heads: 3 heads do not divide the width 16",
                error(LM.replace("\"heads\": 4", "\"heads\": 3"), 8));
        assertEquals("test.json: $.model.layers[0].max_len: the positional table holds 12 positions, the sequence has 20 steps", error(LM, 20));
        assertEquals("test.json: $.model.layers[0]: expected a sequence input [steps, width], found [8]",
                error("{\"layers\": [{\"type\": \"transformer_block\", \"heads\": 2}]}", 8));
        assertThrows(IllegalArgumentException.class, () -> new MultiHeadAttention(new CpuBackend(1), 10, 4, 3, false, 0, new Rng(1)));
        assertThrows(IllegalArgumentException.class, () -> new Embedding(new CpuBackend(1), 5, 4, 9, Embedding.Positions.SINUSOIDAL, 8, new Rng(1)));
    }

    @Test
    @DisplayName("model files round-trip: a saved embedding + two blocks + layer norm model loads with the same spec and gives bit-identical outputs")
    void modelFileRoundTrip() throws Exception {
        try (CpuBackend be = new CpuBackend(1)) {
            Sequential m = build(LM, 8, be, 11);
            Tensor x = tokens(new Rng(12), 4, 8, 11);
            m.forward(x);
            m.backward(random(new Rng(13), 1, 4, 128));
            for (Param p : m.trainable()) for (int i = 0; i < p.value().size(); i++) p.value().data()[i] -= 0.1f * p.grad().data()[i];
            m.eval();
            Path file = dir.resolve("lm.jgm");
            ModelFile.save(file, m);
            Sequential back = ModelFile.load(file, be);
            back.eval();
            assertEquals(m.spec(), back.spec());
            assertTrue(m.forward(x).bitEquals(back.forward(x)));
        }
    }
}
