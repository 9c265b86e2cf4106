package dev.jgym.agents.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training loop: resume equals an uninterrupted run, the thread count changes nothing, both policies run, mistakes are refused. */
class PgTrainingTest {
    @TempDir
    Path dir;

    static final String CARTPOLE = "{\"name\": \"t\", \"seed\": 4, \"env\": {\"id\": \"CartPole-v1\"},"
            + "\"pg\": {\"total_steps\": 3000, \"n_envs\": 4, \"n_steps\": 64, \"n_epochs\": 3, \"batch_size\": 64, \"gamma\": 0.98,"
            + "\"schedule\": \"linear\", \"ent_coef\": 0.01, \"clip_range_vf\": 0.5, \"network\": {\"hidden\": [16, 16]},"
            + "\"optimizer\": {\"type\": \"adam\", \"lr\": 0.001}},"
            + "\"evaluation\": {\"interval\": 1000, \"episodes\": 2, \"final_episodes\": 3}}";

    static final String PENDULUM = "{\"name\": \"p\", \"seed\": 2, \"env\": {\"id\": \"Pendulum-v1\"},"
            + "\"pg\": {\"total_steps\": 2400, \"n_envs\": 2, \"n_steps\": 300, \"n_epochs\": 2, \"batch_size\": 100, \"gamma\": 0.9,"
            + "\"network\": {\"hidden\": [16]}, \"optimizer\": {\"type\": \"adam\", \"lr\": 0.001}},"
            + "\"evaluation\": {\"interval\": 1200, \"episodes\": 1, \"final_episodes\": 2}}";

    /** Acrobot-v1 with observation and reward normalization: every env reaches the 500-step time limit (a normalized final observation to bootstrap from). */
    static final String ACROBOT_NORMALIZED = "{\"name\": \"a\", \"seed\": 3, \"env\": {\"id\": \"Acrobot-v1\"},"
            + "\"pg\": {\"total_steps\": 2400, \"n_envs\": 2, \"n_steps\": 200, \"n_epochs\": 2, \"batch_size\": 100,"
            + "\"normalize\": {\"observations\": true, \"rewards\": true, \"clip_rewards\": 5},"
            + "\"network\": {\"hidden\": [16]}, \"optimizer\": {\"type\": \"adam\", \"lr\": 0.001}},"
            + "\"evaluation\": {\"interval\": 1000, \"episodes\": 1, \"final_episodes\": 2}}";

    /** Recurrent PPO on CartPole-v1 without velocities: two whole env sequences per minibatch, episodes ending inside the sequences. */
    static final String CARTPOLE_LSTM = "{\"name\": \"l\", \"seed\": 5, \"env\": {\"id\": \"CartPole-v1\", \"options\": {\"hide_observation\": [1, 3]}},"
            + "\"pg\": {\"total_steps\": 2600, \"n_envs\": 4, \"n_steps\": 64, \"n_epochs\": 3, \"batch_size\": 128, \"gamma\": 0.98,"
            + "\"schedule\": \"linear\", \"network\": {\"hidden\": [16], \"activation\": \"relu\"}, \"recurrent\": {\"hidden\": 8},"
            + "\"optimizer\": {\"type\": \"adam\", \"lr\": 0.001}},"
            + "\"evaluation\": {\"interval\": 1000, \"episodes\": 2, \"final_episodes\": 3}}";

    /**
     * Masked PPO on tic-tac-toe (MultiBinary observations, flattened) against the random opponent,
     * either side first; an illegal move would throw ({@code illegal_move: error}), so a run that
     * finishes took none, in training or in its greedy evaluations.
     */
    static final String TICTACTOE_MASKED = "{\"name\": \"x\", \"seed\": 6, \"env\": {\"id\": \"TicTacToe-v0\","
            + "\"options\": {\"agent_plays\": \"random\", \"illegal_move\": \"error\"}},"
            + "\"pg\": {\"total_steps\": 2600, \"n_envs\": 4, \"n_steps\": 64, \"n_epochs\": 2, \"batch_size\": 128, \"ent_coef\": 0.01,"
            + "\"action_mask\": true, \"network\": {\"hidden\": [16]}, \"optimizer\": {\"type\": \"adam\", \"lr\": 0.001}},"
            + "\"evaluation\": {\"interval\": 1000, \"episodes\": 5, \"final_episodes\": 20}}";

    /** The same with A2C (one update of the whole rollout per rollout). */
    static final String TICTACTOE_MASKED_A2C = TICTACTOE_MASKED.replace("\"n_epochs\": 2, \"batch_size\": 128", "\"algorithm\": \"a2c\", \"n_epochs\": 1, \"batch_size\": 256");

    static PgConfig config(String json) {
        return Json.bind(Json.MAPPER.valueToTree(parse(json)), PgConfig.class, "test.json", "$");
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    @DisplayName("stopped at a rollout boundary and resumed from the checkpoint: the same rows and evaluations as an uninterrupted run (Discrete, Box, normalized, recurrent, action-masked)")
    void resumeEqualsUninterrupted() {
        for (String json : new String[] {CARTPOLE, PENDULUM, ACROBOT_NORMALIZED, CARTPOLE_LSTM, TICTACTOE_MASKED}) {
            PgConfig cfg = config(json);
            PgTraining.Result full = new PgTraining(cfg, "test.json").run();
            Path ck = dir.resolve(cfg.name() + ".jgc");
            assertNull(new PgTraining(cfg, "test.json").checkpointTo(ck).stopAfter(1100).run(), "stopped");
            PgTraining.Result resumed = new PgTraining(cfg, "test.json").checkpointTo(ck).resumeFrom(PgCheckpoint.read(ck)).run();
            assertNotNull(resumed);
            assertEquals(full.episodes(), resumed.episodes(), cfg.env().id());
            assertEquals(full.updates(), resumed.updates(), cfg.env().id());
            assertEquals(full.evaluations(), resumed.evaluations(), cfg.env().id());
            assertEquals(full.finalEvaluation(), resumed.finalEvaluation(), cfg.env().id());
            assertEquals(full.gradientSteps(), resumed.gradientSteps());
        }
    }

    @Test
    @DisplayName("metrics.csv and episodes.csv stream while it trains: a stopped run's files hold every episode done, in whole lines; after the resume they equal the files written whole at the end")
    void metricsStream() throws Exception {
        PgConfig cfg = config(CARTPOLE);
        Path run = java.nio.file.Files.createDirectories(dir.resolve("run")), ck = run.resolve("checkpoint.jgc");
        assertNull(new PgTraining(cfg, "test.json").checkpointTo(ck).streamTo(run).stopAfter(1100).run(), "stopped");
        PgCheckpoint stopped = PgCheckpoint.read(ck);
        java.util.List<String> lines = java.nio.file.Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals("episode,step,env,return,length", lines.get(0));
        assertTrue(lines.size() > 10, lines.size() + " lines after 1100 steps");
        for (String l : lines.subList(1, lines.size())) assertEquals(5, l.split(",", -1).length, l);
        assertEquals(lines.size(), java.nio.file.Files.readAllLines(run.resolve("episodes.csv")).size());
        PgTraining.Result r = new PgTraining(cfg, "test.json").checkpointTo(ck).streamTo(run).resumeFrom(stopped).run();
        String metrics = java.nio.file.Files.readString(run.resolve("metrics.csv")), episodes = java.nio.file.Files.readString(run.resolve("episodes.csv"));
        Path whole = java.nio.file.Files.createDirectories(dir.resolve("whole"));
        for (var s : PgOutput.streams(whole)) s.start(r.episodes());
        assertEquals(java.nio.file.Files.readString(whole.resolve("metrics.csv")), metrics);
        assertEquals(java.nio.file.Files.readString(whole.resolve("episodes.csv")), episodes);
        assertEquals(r.episodes().size() + 1, metrics.lines().count());
    }

    @Test
    @DisplayName("jgym play's loading: the finished run's checkpoint played on the final evaluation's seeds gives its returns exactly (Discrete, Box, normalized observations, action-masked)")
    void playReproducesTheFinalEvaluation() throws Exception {
        for (String json : new String[] {CARTPOLE, PENDULUM, ACROBOT_NORMALIZED, TICTACTOE_MASKED}) {
            PgConfig cfg = config(json);
            Path run = java.nio.file.Files.createDirectories(dir.resolve("play-" + cfg.name()));
            PgTraining.Result r = new PgTraining(cfg, "test.json").checkpointTo(run.resolve("checkpoint.jgc")).run();
            int n = cfg.evaluation().finalEpisodes();
            dev.jgym.agents.run.PlayRequest request = new dev.jgym.agents.run.PlayRequest(run, n, null, null, 1);
            dev.jgym.agents.run.PlayReport p = new PgTraining(cfg, "test.json").play(PgCheckpoint.read(run.resolve("checkpoint.jgc")), request,
                    new dev.jgym.core.rng.Rng(cfg.seed()).child("final"));
            assertEquals(r.finalEvaluation(), PgTraining.EvalRow.of(r.steps(), p.returns(), p.lengths()), cfg.env().id());
        }
    }

    @Test
    @DisplayName("1 and 2 threads (vector env and backend): identical runs (Discrete, Box, normalized, recurrent, action-masked PPO and A2C)")
    void threadCountChangesNothing() {
        for (String json : new String[] {CARTPOLE, PENDULUM, ACROBOT_NORMALIZED, CARTPOLE_LSTM, TICTACTOE_MASKED, TICTACTOE_MASKED_A2C}) {
            PgConfig cfg = config(json);
            PgTraining.Result one = new PgTraining(cfg, "test.json").threads(1).run();
            PgTraining.Result two = new PgTraining(cfg, "test.json").threads(2).run();
            assertEquals(one.episodes(), two.episodes());
            assertEquals(one.updates(), two.updates());
            assertEquals(one.finalEvaluation(), two.finalEvaluation());
        }
    }

    @Test
    @DisplayName("shipped configs without action_mask serialize as before (no action_mask key: replay headers keep their bytes); with it, the key is there")
    void actionMaskKeyOnlyWhenOn() {
        assertTrue(!Json.MAPPER.valueToTree(config(CARTPOLE)).get("pg").has("action_mask"));
        assertTrue(Json.MAPPER.valueToTree(config(TICTACTOE_MASKED)).get("pg").get("action_mask").asBoolean());
    }

    @Test
    @DisplayName("masked PPO and A2C on tic-tac-toe finish (an occupied cell would throw: illegal_move error) and report the entropy of the legal moves: first update below log 8 = 2.079, where the unmasked run's is log 9 = 2.197 +- 0.01")
    void maskedRunsReportTheLegalMovesEntropy() {
        for (String json : new String[] {TICTACTOE_MASKED, TICTACTOE_MASKED_A2C}) {
            PgTraining.Result r = new PgTraining(config(json), "test.json").run();
            assertTrue(r.updates().get(0).entropy() < Math.log(8), r.updates().get(0).toString());
            String unmasked = json.replace("\"action_mask\": true", "\"action_mask\": false").replace("\"error\"", "\"lose\"");
            PgTraining.Result u = new PgTraining(config(unmasked), "test.json").run();
            assertEquals(Math.log(9), u.updates().get(0).entropy(), 0.01);
        }
    }

    @Test
    @DisplayName("every config in configs/pg binds strictly and fits its env (observation and action spaces; an action_mask config's env carries the mask in its info)")
    void shippedConfigsFitTheirEnvs() throws Exception {
        int masked = 0;
        try (var files = java.nio.file.Files.list(Path.of("..", "configs", "pg"))) {
            for (Path file : files.sorted().toList()) {
                PgConfig cfg = PgConfig.read(file);
                PgTraining.Shape shape = new PgTraining(cfg, file.toString()).validate();
                assertEquals(cfg.pg().actionMask(), shape.maskedActions() > 0, file.toString());
                if (cfg.pg().actionMask()) masked++;
            }
        }
        assertEquals(2, masked, "ppo-taxi-masked and ppo-tictactoe-masked");
    }

    @Test
    @DisplayName("a run reports its rollouts: steps in whole rollouts, one update row per rollout, n_epochs x minibatches gradient steps, finite stats")
    void rowsAndCounts() {
        PgTraining.Result r = new PgTraining(config(CARTPOLE), "test.json").run();
        assertEquals(2816, r.steps()); // 11 whole rollouts of 4 x 64 within the budget of 3000
        assertEquals(11, r.updates().size());
        assertEquals(11 * 3 * 4, r.gradientSteps());
        assertEquals(2, r.evaluations().size()); // at 1024 and 2048
        assertTrue(r.episodes().size() > 10);
        for (PgTraining.UpdateRow u : r.updates()) {
            assertTrue(Double.isFinite(u.policyLoss()) && Double.isFinite(u.valueLoss()) && u.entropy() > 0 && u.entropy() <= Math.log(2) + 1e-9, u.toString());
            assertTrue(u.clipFraction() >= 0 && u.clipFraction() <= 1 && u.approxKl() >= 0, u.toString());
        }
        assertEquals(0.001 * (1 - 256.0 / 3000), r.updates().get(0).learningRate(), 1e-12, "linear schedule: the fraction left after the first rollout");
        PgTraining.Result p = new PgTraining(config(PENDULUM), "test.json").run();
        assertTrue(p.updates().get(0).std() > 0.9 && p.updates().get(0).std() < 1.1, "log sigma starts at 0");
        assertTrue(p.finalEvaluation().mean() < 0 && p.finalEvaluation().meanLength() == 200, p.finalEvaluation().toString());
    }

    /**
     * The training unroll replays the rollout: with one epoch of one minibatch (the whole rollout)
     * the first gradient step's log-probabilities are computed by the unroll before any parameter
     * moves, so they equal those the acting steps stored, and the approximate KL is 0 up to float
     * rounding (the batched products against one step at a time). A state carried across an episode
     * start, or a segment started from the wrong state, moves them by far more.
     */
    @Test
    @DisplayName("recurrent PPO: the training unroll (rollout-start state, cut at episode starts) gives the log-probabilities the acting steps stored: approx KL < 1e-9, clip fraction 0")
    void recurrentUnrollReplaysTheRollout() {
        PgConfig cfg = config(CARTPOLE_LSTM.replace("\"n_epochs\": 3, \"batch_size\": 128", "\"n_epochs\": 1, \"batch_size\": 256"));
        PgTraining.Result r = new PgTraining(cfg, "test.json").run();
        assertTrue(r.episodes().size() > 3 * 4, "episodes end inside the rollouts: " + r.episodes().size());
        for (PgTraining.UpdateRow u : r.updates()) {
            assertTrue(u.approxKl() < 1e-9 && u.clipFraction() == 0, u.toString());
        }
        assertEquals(10, r.updates().size());
        assertEquals(10, r.gradientSteps());
    }

    @Test
    @DisplayName("mistakes are one-line config errors: a batch that does not divide the rollout, an env with Tuple observations, a2c with epochs, an action mask on an env without one or on Box actions")
    void mistakes() {
        UserError e = assertThrows(UserError.class, () -> config(CARTPOLE.replace("\"batch_size\": 64", "\"batch_size\": 100")));
        assertTrue(e.getMessage().contains("$.pg.batch_size") && e.getMessage().contains("256"), e.getMessage());
        e = assertThrows(UserError.class, () -> config(CARTPOLE.replace("\"n_epochs\": 3,", "\"algorithm\": \"a2c\", \"n_epochs\": 3,")));
        assertTrue(e.getMessage().contains("n_epochs"), e.getMessage());
        e = assertThrows(UserError.class, () -> config(CARTPOLE_LSTM.replace("\"batch_size\": 128", "\"batch_size\": 32")));
        assertTrue(e.getMessage().contains("$.pg.batch_size") && e.getMessage().contains("multiple of n_steps"), e.getMessage());
        e = assertThrows(UserError.class, () -> config(CARTPOLE_LSTM.replace("\"hidden\": 8", "\"cell\": \"rnn2\"")));
        assertTrue(e.getMessage().contains("$.pg.recurrent.cell"), e.getMessage());
        PgConfig blackjack = config(CARTPOLE.replace("CartPole-v1", "Blackjack-v1"));
        e = assertThrows(UserError.class, () -> new PgTraining(blackjack, "test.json").validate());
        assertTrue(e.getMessage().startsWith("test.json: $.env.id: ") && e.getMessage().contains("Tuple"), e.getMessage());
        PgConfig cartPoleMasked = config(CARTPOLE.replace("\"ent_coef\"", "\"action_mask\": true, \"ent_coef\""));
        e = assertThrows(UserError.class, () -> new PgTraining(cartPoleMasked, "test.json").validate());
        assertTrue(e.getMessage().startsWith("test.json: $.pg.action_mask: ") && e.getMessage().contains("CartPole-v1's reset info"), e.getMessage());
        PgConfig pendulumMasked = config(PENDULUM.replace("\"gamma\"", "\"action_mask\": true, \"gamma\""));
        e = assertThrows(UserError.class, () -> new PgTraining(pendulumMasked, "test.json").validate());
        assertTrue(e.getMessage().startsWith("test.json: $.pg.action_mask: expected a Discrete action space"), e.getMessage());
    }
}
