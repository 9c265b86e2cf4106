package dev.jgym.experiments.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.agents.run.Charts;
import dev.jgym.core.config.Json;
import dev.jgym.experiments.Configs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * configs/moby-transformer.json against its LSTM baseline configs/moby-lstm.json (115k parameters
 * each, the same chapter split, optimizer and schedule) at an equal budget of optimizer steps and
 * characters (the budget is cut to fit CI: 600 steps of 16 x 64 characters), compared by
 * validation bits per character. The budget is counted in steps, not seconds: on a shared machine
 * a wall-clock budget would measure the load; the wall times are printed beside.
 */
class CharLmLearningTest {
    @TempDir
    Path dir;

    static final int STEPS = 600, BATCH = 16;

    CharLm.Result train(String name) throws Exception {
        ObjectNode cfg = (ObjectNode) Json.readTree(Configs.path(name));
        ObjectNode t = (ObjectNode) cfg.get("training");
        t.put("steps", STEPS).put("batch_size", BATCH).put("warmup_steps", 20).put("eval_every", 50).put("eval_windows", 128);
        ((ObjectNode) cfg.get("lm")).put("dir", CharLmTest.data().toString());
        Path file = dir.resolve(name);
        Files.write(file, Json.MAPPER.writeValueAsBytes(cfg));
        long t0 = System.nanoTime();
        CharLm.Result r = new CharLm(LmConfig.read(file), file.toString()).run(null, 2, n -> { });
        System.out.printf("%s: %d parameters, validation %.4f bpc after %d steps, %.1f s%n", name, r.parameters(), r.finalValBpc(), STEPS, (System.nanoTime() - t0) / 1e9);
        for (CharLm.Row row : r.rows()) System.out.printf("  step %4d: train %.4f, validation %.4f bpc%n", row.step(), row.trainBpc(), row.valBpc());
        return r;
    }

    @Test
    @Tag("learning")
    @Tag("documented") // not in CI: a 0.06-bit margin at step 600 (the LSTM leads until about step 450) is within another CPU's rounding
    @DisplayName("Moby-Dick, 600 steps of 16 x 64 characters each: the Transformer's validation bits per character below the same-size LSTM's (seen: 3.137 vs 3.194 bpc, 114,641 vs 114,961 parameters; wall 366 s vs 142 s on 2 threads of the shared machine)")
    void transformerBeatsLstm() throws Exception {
        CharLm.Result tf = train("moby-transformer.json"), lstm = train("moby-lstm.json");
        assertTrue(Math.abs(tf.parameters() - lstm.parameters()) < 0.01 * lstm.parameters(), tf.parameters() + " vs " + lstm.parameters() + " parameters");
        Path png = Path.of("target", "moby-bpc.png");
        Files.createDirectories(png.getParent());
        Charts.writePng(LmKind.chart("Moby-Dick, validation chapters: bits per character", new String[] {"Transformer (2 blocks, width 64)", "LSTM (128 units)"},
                new CharLm.Result[] {tf, lstm}), png);
        assertEquals(tf.rows().size(), lstm.rows().size());
        assertTrue(tf.finalValBpc() < lstm.finalValBpc(), "transformer " + tf.finalValBpc() + " vs lstm " + lstm.finalValBpc());
    }
}
