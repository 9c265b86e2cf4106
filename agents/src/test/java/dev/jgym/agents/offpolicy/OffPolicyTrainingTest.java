package dev.jgym.agents.offpolicy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.core.space.Box;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training loop: resume equals an uninterrupted run, the thread count changes nothing, actions are rescaled, mistakes are refused. */
class OffPolicyTrainingTest {
    @TempDir
    Path dir;

    static final String SAC = "{\"name\": \"sac\", \"seed\": 3, \"env\": {\"id\": \"Pendulum-v1\"},"
            + "\"offpolicy\": {\"algorithm\": \"sac\", \"total_steps\": 700, \"learning_starts\": 100, \"batch_size\": 32, \"train_freq\": 2,"
            + "\"gradient_steps\": 2, \"network\": {\"hidden\": [32, 32]}, \"optimizer\": {\"type\": \"adam\", \"lr\": 0.001}},"
            + "\"evaluation\": {\"interval\": 300, \"episodes\": 1, \"final_episodes\": 2}}";

    /** TD3 on MountainCarContinuous: no episode ends within the run, so a resume rebuilds the env mid-episode, and mid-way through a held warm-up action (450 = 64 x 7 + 2). */
    static final String TD3 = "{\"name\": \"td3\", \"seed\": 5, \"env\": {\"id\": \"MountainCarContinuous-v0\"},"
            + "\"offpolicy\": {\"algorithm\": \"td3\", \"total_steps\": 700, \"learning_starts\": 500, \"warmup_hold\": 7, \"batch_size\": 32,"
            + "\"network\": {\"hidden\": [32, 32]}, \"optimizer\": {\"type\": \"adam\", \"lr\": 0.001}},"
            + "\"evaluation\": {\"interval\": 10000, \"episodes\": 1, \"final_episodes\": 1}}";

    static final String DDPG = SAC.replace("\"algorithm\": \"sac\"", "\"algorithm\": \"ddpg\"");

    static OffPolicyConfig config(String json) {
        try {
            return Json.bind(Json.MAPPER.readTree(json), OffPolicyConfig.class, "test.json", "$");
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    @DisplayName("jgym play's loading: the finished run's checkpoint played on the final evaluation's seeds gives its returns exactly (SAC, TD3)")
    void playReproducesTheFinalEvaluation(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        for (String json : new String[] {SAC, TD3}) {
            OffPolicyConfig cfg = config(json);
            Path run = java.nio.file.Files.createDirectories(dir.resolve(cfg.name()));
            OffPolicyTraining.Result r = new OffPolicyTraining(cfg, "test.json").checkpointTo(run.resolve("checkpoint.jgc")).run();
            int n = cfg.evaluation().finalEpisodes();
            dev.jgym.agents.run.PlayReport p = new OffPolicyTraining(cfg, "test.json").play(OffPolicyCheckpoint.read(run.resolve("checkpoint.jgc")),
                    new dev.jgym.agents.run.PlayRequest(run, n, null, null, 1), new dev.jgym.core.rng.Rng(cfg.seed()).child("final"));
            assertEquals(r.finalEvaluation(), dev.jgym.agents.pg.PgTraining.EvalRow.of(r.steps(), p.returns(), p.lengths()), cfg.env().id());
        }
    }

    @Test
    @DisplayName("stopped mid-episode and resumed from the checkpoint: the same rows, evaluations and checkpoint bytes as an uninterrupted run (SAC, TD3, DDPG)")
    void resumeEqualsUninterrupted() throws Exception {
        for (String json : new String[] {SAC, TD3, DDPG}) {
            OffPolicyConfig cfg = config(json);
            Path fullCk = dir.resolve(cfg.name() + "-full.jgc"), ck = dir.resolve(cfg.name() + ".jgc");
            OffPolicyTraining.Result full = new OffPolicyTraining(cfg, "test.json").checkpointTo(fullCk).run();
            assertNull(new OffPolicyTraining(cfg, "test.json").checkpointTo(ck).stopAfter(450).run(), "stopped");
            OffPolicyTraining.Result resumed = new OffPolicyTraining(cfg, "test.json").checkpointTo(ck).resumeFrom(OffPolicyCheckpoint.read(ck)).run();
            assertNotNull(resumed);
            assertEquals(full.episodes(), resumed.episodes(), cfg.name());
            assertEquals(full.evaluations(), resumed.evaluations(), cfg.name());
            assertEquals(full.finalEvaluation(), resumed.finalEvaluation(), cfg.name());
            assertEquals(full.gradientSteps(), resumed.gradientSteps(), cfg.name());
            assertArrayEquals(Files.readAllBytes(fullCk), Files.readAllBytes(ck), cfg.name() + ": the final checkpoints are the same bytes");
        }
    }

    @Test
    @DisplayName("1 and 2 threads (the CPU backend's gemms): identical runs and checkpoint bytes")
    void threadCountChangesNothing() throws Exception {
        for (String json : new String[] {SAC, TD3}) {
            OffPolicyConfig cfg = config(json);
            Path a = dir.resolve(cfg.name() + "-1.jgc"), b = dir.resolve(cfg.name() + "-2.jgc");
            OffPolicyTraining.Result one = new OffPolicyTraining(cfg, "test.json").threads(1).checkpointTo(a).run();
            OffPolicyTraining.Result two = new OffPolicyTraining(cfg, "test.json").threads(2).checkpointTo(b).run();
            assertEquals(one.episodes(), two.episodes());
            assertEquals(one.finalEvaluation(), two.finalEvaluation());
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        }
    }

    @Test
    @DisplayName("a run's counts: (700 - 100) / 2 rounds of 2 gradient steps = 600, 3 Pendulum episodes, evaluations at 300 and 600, finite losses, alpha moving from 1")
    void rowsAndCounts() {
        OffPolicyTraining.Result r = new OffPolicyTraining(config(SAC), "test.json").run();
        assertEquals(700, r.steps());
        assertEquals(600, r.gradientSteps());
        assertEquals(3, r.episodes().size());
        assertEquals(2, r.evaluations().size());
        assertEquals(300, r.evaluations().get(0).step());
        for (OffPolicyTraining.EpisodeRow e : r.episodes()) {
            assertEquals(200, e.length());
            assertTrue(Double.isFinite(e.q1Loss()) && Double.isFinite(e.q2Loss()) && Double.isFinite(e.actorLoss()), e.toString());
            assertTrue(e.alpha() > 0 && e.alpha() < 1, "alpha falls from 1 while the entropy is above -|A|: " + e);
        }
        assertEquals(200, r.finalEvaluation().meanLength());
        OffPolicyTraining.Result t = new OffPolicyTraining(config(TD3), "test.json").run();
        assertEquals(200, t.gradientSteps());
        assertEquals(0, t.episodes().size(), "MountainCarContinuous episodes run 999 steps");
    }

    @Test
    @DisplayName("every config in configs/sac and configs/td3 binds, fits its env (Pendulum, MountainCarContinuous, LunarLander continuous, BipedalWalker) and runs a 200-step smoke version (100 updates of batch 16) to a finite final evaluation")
    void shippedConfigsRun() throws Exception {
        int checked = 0;
        for (String folder : new String[] {"sac", "td3"}) {
            try (var files = Files.list(Path.of("..", "configs", folder))) {
                for (Path file : files.sorted().toList()) {
                    var root = (com.fasterxml.jackson.databind.node.ObjectNode) Json.readTree(file);
                    Json.bind(root, OffPolicyConfig.class, file.toString(), "$");
                    var s = (com.fasterxml.jackson.databind.node.ObjectNode) root.get("offpolicy");
                    s.put("total_steps", 200);
                    s.put("learning_starts", 100);
                    s.put("batch_size", 16);
                    if (s.has("train_freq")) s.put("train_freq", 1);
                    if (s.has("gradient_steps")) s.put("gradient_steps", 1);
                    root.putObject("evaluation").put("interval", 1000).put("episodes", 1).put("final_episodes", 1);
                    OffPolicyTraining.Result r = new OffPolicyTraining(Json.bind(root, OffPolicyConfig.class, file.toString(), "$"), file.toString()).run();
                    assertEquals(200, r.steps(), file.toString());
                    assertEquals(100, r.gradientSteps(), file.toString());
                    assertTrue(Double.isFinite(r.finalEvaluation().mean()), file.toString());
                    checked++;
                }
            }
        }
        assertEquals(7, checked, "configs/sac: pendulum, mountaincar-continuous, lunarlander-continuous, bipedalwalker; configs/td3: pendulum, lunarlander-continuous, bipedalwalker");
    }

    @Test
    @DisplayName("actions in [-1, 1] are rescaled to the Box: low + (a + 1)(high - low) / 2, within the bounds")
    void rescaling() {
        Box box = new Box(new float[] {-2f, 0f}, new float[] {2f, 10f});
        float[] out = new float[2];
        OffPolicyTraining.rescale(new float[] {-1f, 1f}, box, out);
        assertArrayEquals(new float[] {-2f, 10f}, out);
        OffPolicyTraining.rescale(new float[] {0.5f, 0f}, box, out);
        assertArrayEquals(new float[] {1f, 5f}, out);
    }

    @Test
    @DisplayName("mistakes are one-line config errors: TD3 settings under sac, a Discrete-action env, LunarLander without continuous")
    void mistakes() {
        UserError e = assertThrows(UserError.class, () -> config(SAC.replace("\"batch_size\": 32", "\"batch_size\": 32, \"policy_delay\": 2")));
        assertTrue(e.getMessage().contains("$.offpolicy.policy_delay") && e.getMessage().contains("sac"), e.getMessage());
        e = assertThrows(UserError.class, () -> config(TD3.replace("\"batch_size\": 32", "\"batch_size\": 32, \"ent_coef\": 0.1")));
        assertTrue(e.getMessage().contains("$.offpolicy.ent_coef"), e.getMessage());
        OffPolicyConfig cartpole = config(SAC.replace("Pendulum-v1", "CartPole-v1"));
        e = assertThrows(UserError.class, () -> new OffPolicyTraining(cartpole, "test.json").validate());
        assertTrue(e.getMessage().startsWith("test.json: $.env.id: ") && e.getMessage().contains("Discrete"), e.getMessage());
        OffPolicyConfig lander = config(SAC.replace("Pendulum-v1", "LunarLander-v3"));
        e = assertThrows(UserError.class, () -> new OffPolicyTraining(lander, "test.json").validate());
        assertTrue(e.getMessage().contains("\"continuous\": true"), e.getMessage());
    }
}
