package dev.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.nn.Param;
import dev.jgym.core.sim.SimulatorListener;
import dev.jgym.core.sim.Transition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Short DQN runs on CartPole-v1: determinism across thread counts, exact resume, clear refusals. */
class DqnTrainingTest {

    /** A short run exercising every variant: double, dueling, 3-step, prioritized, Polyak, ez-greedy. */
    static DqnConfig config(String env, boolean variants, String extraNetwork) {
        String json = "{\"name\": \"t\", \"seed\": 7, \"env\": {\"id\": \"" + env + "\"},"
                + "\"dqn\": {\"total_steps\": 2400, \"buffer_size\": 1000, \"batch_size\": 32, \"learning_starts\": 300,"
                + "\"target_update_interval\": " + (variants ? 1 : 100) + ", \"tau\": " + (variants ? 0.01 : 1.0) + ","
                + "\"exploration_fraction\": 0.5, \"double\": " + variants + ", \"dueling\": " + variants + ","
                + "\"n_step\": " + (variants ? 3 : 1) + (variants ? ", \"prioritized\": {}, \"exploration\": {\"type\": \"ez_greedy\"}" : "") + ","
                + "\"network\": {\"hidden\": [32, 32]" + extraNetwork + "}, \"optimizer\": {\"type\": \"adam\", \"lr\": 0.001}},"
                + "\"evaluation\": {\"interval\": 1000, \"episodes\": 3, \"final_episodes\": 3}, \"checkpoint\": {\"interval\": 700}}";
        try {
            return Json.bind(Json.MAPPER.readTree(json), DqnConfig.class, "test.json", "$");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertSameRun(DqnTraining.Result a, DqnTraining.Result b) {
        assertEquals(a.episodes(), b.episodes(), "episode rows (returns, lengths, losses, mean Q)");
        assertEquals(a.evaluations(), b.evaluations());
        assertEquals(a.finalEvaluation(), b.finalEvaluation());
        assertEquals(a.updates(), b.updates());
        List<Param> pa = a.learner().params(), pb = b.learner().params();
        for (int i = 0; i < pa.size(); i++) assertTrue(pa.get(i).value().bitEquals(pb.get(i).value()), "parameter " + i + " bit for bit");
    }

    @Test
    @DisplayName("Same seed, 1 and 2 CPU threads: identical returns, losses and weights, bit for bit")
    void threadCountDoesNotChangeTheRun() {
        for (boolean variants : new boolean[] {false, true}) {
            DqnConfig cfg = config("CartPole-v1", variants, "");
            DqnTraining.Result one = new DqnTraining(cfg, "test.json").threads(1).run();
            DqnTraining.Result two = new DqnTraining(cfg, "test.json").threads(2).run();
            assertTrue(one.updates() > 1000);
            assertTrue(one.episodes().stream().anyMatch(e -> !Double.isNaN(e.loss())));
            assertSameRun(one, two);
        }
    }

    @Test
    @DisplayName("Resume from a checkpoint written mid-episode equals the uninterrupted run (all variants)")
    void resumeEqualsUninterrupted(@TempDir Path dir) {
        for (boolean variants : new boolean[] {false, true}) {
            DqnConfig cfg = config("CartPole-v1", variants, "");
            DqnTraining.Result whole = new DqnTraining(cfg, "test.json").run();
            Path ckpt = dir.resolve("c" + variants + ".jgc");
            assertNull(new DqnTraining(cfg, "test.json").checkpointTo(ckpt).stopAfter(1337).run());
            assertTrue(Files.exists(ckpt));
            DqnTraining.Result resumed = new DqnTraining(cfg, "test.json").threads(2).resumeFrom(Checkpoint.read(ckpt)).run();
            assertSameRun(whole, resumed);
        }
    }

    @Test
    @DisplayName("A network output size that does not match the action space is refused, naming the field")
    void outputSizeMismatch() {
        DqnConfig cfg = config("CartPole-v1", false, ", \"outputs\": 3");
        UserError e = assertThrows(UserError.class, () -> new DqnTraining(cfg, "configs/x.json").validate());
        assertEquals("configs/x.json: $.dqn.network.outputs: expected 2 (the actions of CartPole-v1), found 3", e.getMessage());
    }

    @Test
    @DisplayName("A checkpoint from another env is refused with both env ids in the message")
    void checkpointFromAnotherEnv(@TempDir Path dir) {
        Path ckpt = dir.resolve("a.jgc");
        new DqnTraining(config("Acrobot-v1", false, ""), "acrobot.json").checkpointTo(ckpt).stopAfter(50).run();
        Checkpoint c = Checkpoint.read(ckpt);
        UserError e = assertThrows(UserError.class, () -> new DqnTraining(config("CartPole-v1", false, ""), "cartpole.json").resumeFrom(c).run());
        assertEquals("checkpoint " + ckpt + ": written for env Acrobot-v1, but cartpole.json trains CartPole-v1", e.getMessage());
    }

    @Test
    @DisplayName("Truncated and corrupt checkpoint files are UserErrors")
    void badCheckpointFiles(@TempDir Path dir) throws Exception {
        Path ckpt = dir.resolve("a.jgc");
        new DqnTraining(config("CartPole-v1", false, ""), "c.json").checkpointTo(ckpt).stopAfter(50).run();
        byte[] bytes = Files.readAllBytes(ckpt);
        Files.write(dir.resolve("short.jgc"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(UserError.class, () -> Checkpoint.read(dir.resolve("short.jgc")));
        bytes[bytes.length / 2] ^= 1;
        Files.write(dir.resolve("flip.jgc"), bytes);
        UserError e = assertThrows(UserError.class, () -> Checkpoint.read(dir.resolve("flip.jgc")));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    @DisplayName("Bad settings name the field: gamma 1.5, an unknown key, a non-Box env")
    void badSettings() {
        ObjectNode root = (ObjectNode) Json.MAPPER.valueToTree(Json.MAPPER.convertValue(config("CartPole-v1", false, ""), Object.class));
        ((ObjectNode) root.get("dqn")).put("gamma", 1.5);
        UserError e = assertThrows(UserError.class, () -> Json.bind(root, DqnConfig.class, "x.json", "$"));
        assertTrue(e.getMessage().startsWith("x.json: $.dqn.gamma: "), e.getMessage());
        ((ObjectNode) root.get("dqn")).put("gamma", 0.9).put("gama", 0.9);
        e = assertThrows(UserError.class, () -> Json.bind(root, DqnConfig.class, "x.json", "$"));
        assertTrue(e.getMessage().contains("gama"), e.getMessage());
        e = assertThrows(UserError.class, () -> new DqnTraining(config("FrozenLake-v1", false, ""), "f.json").validate());
        assertTrue(e.getMessage().startsWith("f.json: $.env.id: DQN needs a one-dimensional Box observation space"), e.getMessage());
    }

    @Test
    @DisplayName("The final evaluation's last episode is offered to observers (the replay-recording hook)")
    void finalEpisodeHook() {
        int[] steps = new int[1];
        long[] seed = new long[1];
        DqnTraining.Result r = new DqnTraining(config("CartPole-v1", false, ""), "t.json").observeFinalEpisode((id, options, s, label) -> {
            seed[0] = s;
            return new SimulatorListener<>() {
                @Override
                public void onStep(long step, Transition<float[], Integer> t) {
                    steps[0]++;
                }
            };
        }).run();
        assertNotNull(r.finalEvaluation());
        assertTrue(steps[0] > 0);
        assertTrue(steps[0] <= 500);
    }
}
