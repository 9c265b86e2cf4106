package dev.jgym.experiments.lm;

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
 * each, the same chapter split, optimizer and schedule shape) at an equal wall-clock budget on
 * this machine. A time budget measured during the test would measure the load of a shared
 * machine, so each model's speed was measured once instead, by process CPU time on one thread
 * (TransformerBenchmark.main, same run, AMD EPYC at load 19-23): TF_MS and LSTM_MS milliseconds per
 * step of 32 x 64 characters; the step counts below give both the same budget of BUDGET_S seconds at that
 * speed (batches of 16 here, so about half of it), and the run prints each model's own wall time.
 * Compared by validation bits per character; the curves are over the share of the budget spent.
 */
class CharLmLearningTest {
    @TempDir
    Path dir;

    static final double TF_MS = 221.2, LSTM_MS = 169.2, BUDGET_S = 132.7;
    static final int BATCH = 16, TF_STEPS = (int) Math.round(BUDGET_S * 1e3 / TF_MS), LSTM_STEPS = (int) Math.round(BUDGET_S * 1e3 / LSTM_MS);

    CharLm.Result train(String name, int steps) throws Exception {
        ObjectNode cfg = (ObjectNode) Json.readTree(Configs.path(name));
        ObjectNode t = (ObjectNode) cfg.get("training");
        t.put("steps", steps).put("batch_size", BATCH).put("warmup_steps", 20).put("eval_every", Math.max(1, steps / 12)).put("eval_windows", 128);
        ((ObjectNode) cfg.get("lm")).put("dir", CharLmTest.data().toString());
        Path file = dir.resolve(name);
        Files.write(file, Json.MAPPER.writeValueAsBytes(cfg));
        long t0 = System.nanoTime();
        CharLm.Result r = new CharLm(LmConfig.read(file), file.toString()).run(null, 1, n -> { });
        System.out.printf("%s: %d parameters, validation %.4f bpc after %d steps, %.1f s%n", name, r.parameters(), r.finalValBpc(), steps, (System.nanoTime() - t0) / 1e9);
        for (CharLm.Row row : r.rows()) System.out.printf("  step %4d: train %.4f, validation %.4f bpc%n", row.step(), row.trainBpc(), row.valBpc());
        return r;
    }

    @Test
    @Tag("learning")
    @Tag("documented") // not in CI: the budget is this machine's; it fails today (the LSTM leads by 0.04 bits), issue 23's open acceptance
    @DisplayName("Moby-Dick at an equal wall-clock budget (600 Transformer steps, 784 LSTM steps of 16 x 64 characters, one thread): the Transformer's validation bits per character below the same-size LSTM's (seen: 3.137 vs 3.097, the LSTM ahead: this acceptance is open; wall 186 s vs 82 s at falling load 10-3)")
    void transformerBeatsLstm() throws Exception {
        CharLm.Result tf = train("moby-transformer.json", TF_STEPS), lstm = train("moby-lstm.json", LSTM_STEPS);
        assertTrue(Math.abs(tf.parameters() - lstm.parameters()) < 0.01 * lstm.parameters(), tf.parameters() + " vs " + lstm.parameters() + " parameters");
        Path png = Path.of("target", "moby-bpc.png");
        Files.createDirectories(png.getParent());
        Charts.writePng(LmKind.chart("Moby-Dick, validation chapters: bits per character at an equal time budget", "share of the time budget",
                new String[] {"Transformer (2 blocks, width 64), " + TF_STEPS + " steps", "LSTM (128 units), " + LSTM_STEPS + " steps"}, new CharLm.Result[] {tf, lstm},
                new double[] {1.0 / TF_STEPS, 1.0 / LSTM_STEPS}), png);
        assertTrue(tf.finalValBpc() < lstm.finalValBpc(), "transformer " + tf.finalValBpc() + " vs lstm " + lstm.finalValBpc());
    }
}
