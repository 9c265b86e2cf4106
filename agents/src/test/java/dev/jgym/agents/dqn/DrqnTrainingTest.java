package dev.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.core.rng.Rng;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Short recurrent DQN runs on the T-maze: determinism across thread counts, exact resume, checkpoints, config errors. */
class DrqnTrainingTest {

    /** A short DRQN run on the T-maze (corridor 4); variants: dueling, Double DQN, Polyak targets, a GRU, ez-greedy. */
    static DqnConfig config(boolean variants, int burnIn) {
        return config(variants ? "gru" : "lstm", variants, burnIn);
    }

    /** The same run with the core {@code cell} (lstm, gru, transformer: width 8, 2 heads, 1 block). */
    static DqnConfig config(String cell, boolean variants, int burnIn) {
        String json = "{\"name\": \"t\", \"seed\": 5, \"env\": {\"id\": \"TMaze-v0\", \"options\": {\"length\": 4}},"
                + "\"dqn\": {\"total_steps\": 1600, \"buffer_size\": 1000, \"batch_size\": 8, \"learning_starts\": 200, \"train_frequency\": 2,"
                + "\"target_update_interval\": " + (variants ? 1 : 100) + ", \"tau\": " + (variants ? 0.05 : 1.0) + ","
                + "\"exploration_fraction\": 0.5, \"double\": " + variants + ", \"dueling\": " + variants + ","
                + (variants ? "\"exploration\": {\"type\": \"ez_greedy\", \"mu\": 1.5, \"max_duration\": 50}," : "")
                + "\"network\": {\"hidden\": [8]}, \"optimizer\": {\"type\": \"adam\", \"lr\": 0.001},"
                + "\"recurrent\": {\"cell\": \"" + cell + "\", \"hidden\": 8, \"sequence_length\": 6, \"burn_in\": " + burnIn
                + (cell.equals("transformer") ? ", \"heads\": 2" : "") + "}},"
                + "\"evaluation\": {\"interval\": 500, \"episodes\": 3, \"final_episodes\": 3}, \"checkpoint\": {\"interval\": 400}}";
        try {
            return Json.bind(Json.MAPPER.readTree(json), DqnConfig.class, "test.json", "$");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertSameRun(DqnTraining.Result a, DqnTraining.Result b) {
        DqnTrainingTest.assertSameRun(a, b);
    }

    @Test
    @DisplayName("Same seed, 1 and 2 CPU threads: identical DRQN returns, losses and weights (LSTM included), bit for bit")
    void threadCountDoesNotChangeTheRun() {
        for (boolean variants : new boolean[] {false, true}) {
            DqnConfig cfg = config(variants, 2);
            DqnTraining.Result one = new DqnTraining(cfg, "test.json").threads(1).run();
            DqnTraining.Result two = new DqnTraining(cfg, "test.json").threads(2).run();
            assertTrue(one.learner() instanceof DrqnLearner);
            assertTrue(one.updates() > 600, "updates " + one.updates());
            assertTrue(one.episodes().stream().anyMatch(e -> !Double.isNaN(e.loss())));
            assertSameRun(one, two);
        }
    }

    @Test
    @DisplayName("The attention core (causal Transformer): same bits with 1 and 2 threads, and a resume mid-episode equals the uninterrupted run")
    void attentionCore(@TempDir Path dir) {
        for (boolean variants : new boolean[] {false, true}) {
            DqnConfig cfg = config("transformer", variants, variants ? 0 : 4);
            DqnTraining.Result one = new DqnTraining(cfg, "test.json").threads(1).run();
            DqnTraining.Result two = new DqnTraining(cfg, "test.json").threads(2).run();
            assertTrue(((DrqnLearner) one.learner()).online() instanceof AttentionQNetwork);
            assertTrue(one.updates() > 600, "updates " + one.updates());
            assertSameRun(one, two);
            Path ckpt = dir.resolve("a" + variants + ".jgc");
            assertNull(new DqnTraining(cfg, "test.json").checkpointTo(ckpt).stopAfter(917).run());
            DqnTraining.Result resumed = new DqnTraining(cfg, "test.json").threads(2).resumeFrom(Checkpoint.read(ckpt)).run();
            assertSameRun(one, resumed);
        }
    }

    @Test
    @DisplayName("Resume from a checkpoint written mid-episode equals the uninterrupted run (LSTM, sequence replay, acting memory)")
    void resumeEqualsUninterrupted(@TempDir Path dir) {
        for (boolean variants : new boolean[] {false, true}) {
            DqnConfig cfg = config(variants, variants ? 0 : 3);
            DqnTraining.Result whole = new DqnTraining(cfg, "test.json").run();
            Path ckpt = dir.resolve("c" + variants + ".jgc");
            assertNull(new DqnTraining(cfg, "test.json").checkpointTo(ckpt).stopAfter(917).run());
            DqnTraining.Result resumed = new DqnTraining(cfg, "test.json").threads(2).resumeFrom(Checkpoint.read(ckpt)).run();
            assertSameRun(whole, resumed);
        }
    }

    @Test
    @DisplayName("Checkpoint round trip: networks, optimizer, sequence replay with episode numbers and the acting memory come back exactly")
    void checkpointRoundTrip(@TempDir Path dir) {
        DqnConfig cfg = config(false, 2);
        DqnTraining training = new DqnTraining(cfg, "test.json");
        DqnTraining.Shape shape = training.validate();
        try (CpuBackend be = new CpuBackend(1)) {
            DrqnLearner a = new DrqnLearner(cfg.dqn(), be, shape.obsDim(), shape.actions(), new Rng(1));
            Rng r = new Rng(9);
            for (int i = 0; i < 300; i++) {
                float[] o = {r.nextFloat(), r.nextFloat(), r.nextFloat()};
                int act = a.act(o, 0.5);
                a.observe(o, act, r.nextDouble(), new float[] {1, 0, 1}, i % 37 == 36, i % 50 == 49);
                if (i > 100 && i % 4 == 0) a.trainStep(1);
            }
            DqnTraining.Run run = new DqnTraining.Run();
            run.step = 300;
            Path file = dir.resolve("r.jgc");
            Checkpoint.of(cfg, shape, a, run).write(file);
            DrqnLearner b = new DrqnLearner(cfg.dqn(), be, shape.obsDim(), shape.actions(), new Rng(2));
            Checkpoint c = Checkpoint.read(file);
            c.check(cfg, shape, "test.json");
            c.restoreInto(b, new DqnTraining.Run());
            for (int i = 0; i < a.params().size(); i++) assertTrue(a.params().get(i).value().bitEquals(b.params().get(i).value()), a.params().get(i).name());
            for (int i = 0; i < a.target.params().size(); i++) assertTrue(a.target.params().get(i).value().bitEquals(b.target.params().get(i).value()));
            assertEquals(a.buffer.size(), b.buffer.size());
            assertArrayEquals(a.buffer.obs, b.buffer.obs);
            assertArrayEquals(a.buffer.next, b.buffer.next);
            assertArrayEquals(a.buffer.episodes, b.buffer.episodes);
            assertArrayEquals(a.buffer.discounts, b.buffer.discounts);
            assertArrayEquals(a.memory.saved()[0], b.memory.saved()[0], 0f);
            assertEquals(a.updates(), b.updates());
            // the same next steps from here: acting (memory, exploration stream) and a gradient step (replay stream, Adam state)
            float[] o = {0.2f, 0.7f, 0.1f};
            assertEquals(a.act(o, 0.3), b.act(o, 0.3));
            assertEquals(a.trainStep(1), b.trainStep(1));
            for (int i = 0; i < a.params().size(); i++) assertTrue(a.params().get(i).value().bitEquals(b.params().get(i).value()));
        }
    }

    @Test
    @DisplayName("A recurrent checkpoint is refused by a run whose recurrent core differs, naming the field")
    void checkpointOfAnotherCore(@TempDir Path dir) {
        Path ckpt = dir.resolve("a.jgc");
        new DqnTraining(config(false, 2), "a.json").checkpointTo(ckpt).stopAfter(50).run();
        UserError e = assertThrows(UserError.class, () -> new DqnTraining(config(true, 2), "b.json").resumeFrom(Checkpoint.read(ckpt)).run());
        assertTrue(e.getMessage().startsWith("checkpoint " + ckpt + ": dueling is false, but b.json has true"), e.getMessage());
        UserError f = assertThrows(UserError.class, () -> new DqnTraining(config(false, 3), "b.json").resumeFrom(Checkpoint.read(ckpt)).run());
        assertTrue(f.getMessage().contains(": recurrent is {"), f.getMessage());
    }

    @Test
    @DisplayName("Config errors name the field: n_step with a recurrent core, prioritized replay, an unknown cell, heads with an LSTM or not dividing the width, a negative burn-in")
    void configErrors() {
        ObjectNode root = (ObjectNode) Json.MAPPER.valueToTree(Json.MAPPER.convertValue(config(false, 2), Object.class));
        ObjectNode dqn = (ObjectNode) root.get("dqn");
        dqn.put("n_step", 3);
        UserError e = assertThrows(UserError.class, () -> Json.bind(root, DqnConfig.class, "x.json", "$"));
        assertEquals("x.json: $.dqn.n_step: expected 1 with a recurrent network (its replay keeps one-step transitions in sequences), found 3", e.getMessage());
        dqn.put("n_step", 1);
        dqn.putObject("prioritized");
        e = assertThrows(UserError.class, () -> Json.bind(root, DqnConfig.class, "x.json", "$"));
        assertTrue(e.getMessage().startsWith("x.json: $.dqn.prioritized: not available with a recurrent network"), e.getMessage());
        dqn.remove("prioritized");
        ((ObjectNode) dqn.get("recurrent")).put("cell", "lstmm");
        e = assertThrows(UserError.class, () -> Json.bind(root, DqnConfig.class, "x.json", "$"));
        assertEquals("x.json: $.dqn.recurrent.cell: expected lstm, gru or transformer, found \"lstmm\"", e.getMessage());
        ((ObjectNode) dqn.get("recurrent")).put("cell", "lstm").put("heads", 2);
        e = assertThrows(UserError.class, () -> Json.bind(root, DqnConfig.class, "x.json", "$"));
        assertEquals("x.json: $.dqn.recurrent.heads: only for the transformer cell, found 2 with lstm", e.getMessage());
        ((ObjectNode) dqn.get("recurrent")).put("cell", "transformer").put("heads", 3);
        e = assertThrows(UserError.class, () -> Json.bind(root, DqnConfig.class, "x.json", "$"));
        assertEquals("x.json: $.dqn.recurrent.heads: expected a divisor of hidden (8), found 3", e.getMessage());
        ((ObjectNode) dqn.get("recurrent")).remove("heads");
        ((ObjectNode) dqn.get("recurrent")).put("cell", "lstm").put("burn_in", -1);
        e = assertThrows(UserError.class, () -> Json.bind(root, DqnConfig.class, "x.json", "$"));
        assertEquals("x.json: $.dqn.recurrent.burn_in: expected an integer >= 0, found -1", e.getMessage());
    }
}
