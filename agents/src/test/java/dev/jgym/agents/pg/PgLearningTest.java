package dev.jgym.agents.pg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.config.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PPO's learning experiments. CartPole-v1 with {@code configs/pg/ppo-cartpole.json}: the
 * rl-baselines3-zoo hyperparameters (hyperparams/ppo.yml, CartPole-v1: 8 envs, n_steps 32, gamma
 * 0.98, gae_lambda 0.8, 20 epochs, batch 256, lr 1e-3 and clip 0.2 both linear, ent_coef 0) and its
 * budget of 1e5 env steps (390 whole rollouts: 99,840 steps).
 * Two runs at a time, each on one thread.
 */
@Tag("learning")
class PgLearningTest {

    static PgConfig config(String file, long seed, Long totalSteps) {
        ObjectNode root = (ObjectNode) Json.readTree(Path.of("..", "configs", "pg", file));
        root.put("seed", seed);
        if (totalSteps != null) ((ObjectNode) root.get("pg")).put("total_steps", totalSteps);
        return Json.bind(root, PgConfig.class, file, "$");
    }

    /** {@link #config} with {@code action_mask} false and the env options named in {@code envOptions} (name, value, ...) set. */
    static PgConfig withoutMask(String file, long seed, Long totalSteps, String... envOptions) {
        ObjectNode root = (ObjectNode) Json.MAPPER.valueToTree(config(file, seed, totalSteps));
        ((ObjectNode) root.get("pg")).put("action_mask", false);
        for (int k = 0; k < envOptions.length; k += 2) ((ObjectNode) root.get("env").get("options")).put(envOptions[k], envOptions[k + 1]);
        return Json.bind(root, PgConfig.class, file + " without action_mask", "$");
    }

    static List<PgTraining.Result> runAll(String file, Long totalSteps, long... seeds) throws Exception {
        List<Callable<PgTraining.Result>> jobs = new ArrayList<>();
        for (long s : seeds) jobs.add(() -> new PgTraining(config(file, s, totalSteps), file).threads(1).run());
        return runTwoAtATime(jobs);
    }

    /** The runs on one thread each, two at a time, their results in order. */
    static List<PgTraining.Result> runTwoAtATime(List<Callable<PgTraining.Result>> jobs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<PgTraining.Result>> fs = new ArrayList<>();
            for (Callable<PgTraining.Result> job : jobs) fs.add(pool.submit(job));
            List<PgTraining.Result> out = new ArrayList<>();
            for (Future<PgTraining.Result> f : fs) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("PPO on CartPole-v1 (zoo settings): greedy mean >= 475 over 100 episodes within 100k env steps for >= 4 of 5 seeds")
    void ppoSolvesCartPole() throws Exception {
        List<PgTraining.Result> rs = runAll("ppo-cartpole.json", null, 1, 2, 3, 4, 5);
        int solved = 0;
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < rs.size(); i++) {
            PgTraining.Result r = rs.get(i);
            if (r.finalEvaluation().mean() >= 475) solved++;
            report.append(String.format(Locale.ROOT, "seed %d: %.1f after %d steps; ", i + 1, r.finalEvaluation().mean(), r.steps()));
        }
        System.out.println("PPO CartPole-v1: " + report);
        assertTrue(solved >= 4, report.toString());
    }

    /**
     * Pendulum-v1 with {@code configs/pg/ppo-pendulum.json}: the zoo's PPO settings for Pendulum
     * without gSDE (4 envs x 1024 steps, gamma 0.9, gae_lambda 0.95, 10 epochs, lr 1e-3), batch 64,
     * 300k steps (73 whole rollouts: 299,008). The bar: >= -250 for 3 of 5 seeds (the zoo
     * reaches -172 in 1e5 steps with gSDE, which jgym does not have).
     */
    @Test
    @DisplayName("PPO on Pendulum-v1 (Gaussian policy, no gSDE): greedy mean >= -250 over 100 episodes within 300k env steps for >= 3 of 5 seeds")
    void ppoSwingsUpPendulum() throws Exception {
        List<PgTraining.Result> rs = runAll("ppo-pendulum.json", null, 1, 2, 3, 4, 5);
        int reached = 0;
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < rs.size(); i++) {
            PgTraining.Result r = rs.get(i);
            if (r.finalEvaluation().mean() >= -250) reached++;
            report.append(String.format(Locale.ROOT, "seed %d: %.1f after %d steps; ", i + 1, r.finalEvaluation().mean(), r.steps()));
        }
        System.out.println("PPO Pendulum-v1: " + report);
        assertTrue(reached >= 3, report.toString());
    }

    /**
     * Acrobot-v1 with {@code configs/pg/ppo-acrobot.json}: the zoo's PPO settings (hyperparams/ppo.yml,
     * Acrobot-v1: normalize, 16 envs, n_steps 256, gae_lambda 0.94, gamma 0.99, n_epochs 4, ent_coef 0;
     * SB3's defaults otherwise: batch 64, lr 3e-4, clip 0.2) with observation and reward
     * normalization. The bar: >= -100 within 500k steps; the config's full run (seed 1, 499,712
     * steps, 530 s at load 25 on 2 cores) ends at -76.9 over 100 episodes, with the 10-episode
     * evaluations at -83.6 from 53k steps on. So the test, kept short for CI, holds the bar at 25
     * rollouts (102,400 steps) for two seeds.
     */
    @Test
    @DisplayName("PPO on Acrobot-v1 (zoo settings, normalized observations and rewards): greedy mean >= -100 over 100 episodes after 102,400 env steps (of the 500k budget), seeds 1 and 2")
    void ppoSwingsUpAcrobot() throws Exception {
        List<PgTraining.Result> rs = runAll("ppo-acrobot.json", 102_400L, 1, 2);
        StringBuilder report = new StringBuilder();
        boolean all = true;
        for (int i = 0; i < rs.size(); i++) {
            PgTraining.Result r = rs.get(i);
            all &= r.finalEvaluation().mean() >= -100;
            report.append(String.format(Locale.ROOT, "seed %d: %.1f after %d steps; ", i + 1, r.finalEvaluation().mean(), r.steps()));
        }
        System.out.println("PPO Acrobot-v1: " + report);
        assertTrue(all, report.toString());
    }

    /**
     * LunarLander-v3 (Box2D, discrete) with {@code configs/pg/ppo-lunarlander.json}: the zoo's PPO
     * settings (hyperparams/ppo.yml, LunarLander: 16 envs x 1024 steps, batch 64, gae_lambda 0.98,
     * gamma 0.999, 4 epochs, ent_coef 0.01; lr 3e-4, clip 0.2, 64-64 tanh) and its 1e6-step budget
     * (61 whole rollouts: 999,424 steps). The bar: >= 200 within 1M steps. Seen on a quiet
     * 2-core AMD EPYC (AVX2), one thread each: seed 1 248.6 (the 10-episode evaluations above 200
     * from 606k steps on), 3 min 18 s; seed 2 214.6 (its 10-episode evaluations 160-190 from 606k
     * on), 2 min. Seed 2's margin is within what another CPU's rounding can move, so CI leaves this
     * documented run out.
     */
    @Test
    @Tag("documented")
    @DisplayName("PPO on LunarLander-v3 (zoo settings): greedy mean >= 200 over 100 episodes within 1M env steps, seeds 1 and 2 (seen: 248.6, 214.6)")
    void ppoLandsLunarLander() throws Exception {
        List<PgTraining.Result> rs = runAll("ppo-lunarlander.json", null, 1, 2);
        StringBuilder report = new StringBuilder();
        boolean all = true;
        for (int i = 0; i < rs.size(); i++) {
            PgTraining.Result r = rs.get(i);
            all &= r.finalEvaluation().mean() >= 200;
            report.append(String.format(Locale.ROOT, "seed %d: %.1f after %d steps; ", i + 1, r.finalEvaluation().mean(), r.steps()));
        }
        System.out.println("PPO LunarLander-v3: " + report);
        assertTrue(all, report.toString());
    }

    /**
     * Action masks on tic-tac-toe against a depth-2 minimax opponent (it takes a win and blocks the
     * agent's), either side first, with {@code configs/pg/ppo-tictactoe-masked.json} cut to 16
     * rollouts (16,384 env steps), seed 1: the masked run (MaskablePPO's masked categorical, with
     * {@code illegal_move: error}, so finishing proves it never played an occupied cell, in
     * training or in its evaluations) against the same run with {@code action_mask} false (an
     * illegal move loses the game). The final greedy evaluations are 1000 games each; the best a
     * player can expect is about a draw (0). Seen on 2 cores (AMD EPYC, AVX2), seeds 1-3 over the
     * config's full 40,960 steps: masked at 0.00 (all draws) from 8,192 steps on for every seed;
     * unmasked -1.00 (every game lost) at 8,192 for every seed, reaching 0 at 32,768 for seed 2 only
     * and ending at -0.27, 0.00, -0.28.
     */
    @Test
    @DisplayName("masked PPO on tic-tac-toe vs minimax depth 2, 16,384 env steps, seed 1: no illegal move (illegal_move error), greedy mean >= -0.05 over 1000 games (seen: 0.000); unmasked <= -0.5 (seen: -1.000)")
    void maskedPpoLearnsTicTacToeFaster() throws Exception {
        List<Callable<PgTraining.Result>> jobs = new ArrayList<>();
        jobs.add(() -> new PgTraining(config("ppo-tictactoe-masked.json", 1, 16_384L), "masked").threads(1).run());
        jobs.add(() -> new PgTraining(withoutMask("ppo-tictactoe-masked.json", 1, 16_384L, "illegal_move", "lose"), "unmasked").threads(1).run());
        List<PgTraining.Result> rs = runTwoAtATime(jobs);
        StringBuilder report = new StringBuilder("tic-tac-toe vs minimax-2:");
        String[] labels = {"masked", "unmasked"};
        for (int i = 0; i < 2; i++) {
            PgTraining.Result r = rs.get(i);
            report.append(String.format(Locale.ROOT, " %s %.3f after %d steps (100-game evaluations:", labels[i], r.finalEvaluation().mean(), r.steps()));
            for (PgTraining.EvalRow e : r.evaluations()) report.append(String.format(Locale.ROOT, " %.2f", e.mean()));
            report.append(");");
        }
        System.out.println(report);
        assertTrue(rs.get(0).finalEvaluation().mean() >= -0.05, report.toString());
        assertTrue(rs.get(1).finalEvaluation().mean() <= -0.5, report.toString());
    }

    /**
     * Taxi-v4 with {@code configs/pg/ppo-taxi-masked.json} (the 500 states one-hot; 204,800 env
     * steps, lr and clip linear), seed 1, against the same run with {@code action_mask} false; one
     * thread each, both at once. Taxi's info marks a move into a wall, and a pickup or drop-off that
     * does nothing, as illegal (Gymnasium's convention); Gymnasium's reward threshold is 8. Seen at
     * load 2-4 on 2 cores (AMD EPYC, AVX2): masked 6.8 +- 3.4 over 200 greedy episodes (its
     * 50-episode evaluations 6.9 from 82k steps on, one dip to -30 at 102k), 133 s; unmasked -200.0
     * (every greedy episode runs to the time limit), its evaluations -200 throughout; both at once in
     * about 70 s on a quieter machine. CI's learning budget is nearly spent and the tic-tac-toe test
     * above covers masked learning: documented.
     */
    @Test
    @Tag("documented")
    @DisplayName("masked PPO on Taxi-v4, 204,800 env steps, seed 1: greedy mean >= 5 over 200 episodes (seen: 6.8); without the mask <= -150 (seen: -200.0)")
    void maskedPpoDeliversOnTaxi() throws Exception {
        List<Callable<PgTraining.Result>> jobs = new ArrayList<>();
        jobs.add(() -> new PgTraining(config("ppo-taxi-masked.json", 1, null), "masked").threads(1).run());
        jobs.add(() -> new PgTraining(withoutMask("ppo-taxi-masked.json", 1, null), "unmasked").threads(1).run());
        List<PgTraining.Result> rs = runTwoAtATime(jobs);
        String report = String.format(Locale.ROOT, "Taxi-v4: masked %.2f, unmasked %.2f after %d steps", rs.get(0).finalEvaluation().mean(),
                rs.get(1).finalEvaluation().mean(), rs.get(0).steps());
        System.out.println(report);
        assertTrue(rs.get(0).finalEvaluation().mean() >= 5, report);
        assertTrue(rs.get(1).finalEvaluation().mean() <= -150, report);
    }

    /**
     * CartPole-v1 with the velocities hidden (the POMDP of sb3-contrib's CartPoleNoVel-v1): recurrent
     * PPO with {@code configs/pg/ppo-cartpole-masked-lstm.json} (the zoo's RecurrentPPO settings,
     * hyperparams/ppo_lstm.yml, with observation normalization; 1e5 steps: 390 whole rollouts,
     * 99,840 steps) for seeds 1-3, against feed-forward PPO with the same settings and no cores
     * ({@code configs/pg/ppo-cartpole-masked.json}), seed 1; each run on one thread, two at a time.
     * Seen at load 21 on 2 cores (AMD EPYC, AVX2): recurrent 452.3 (seed 1; its 10-episode
     * evaluations 500 from 50k to 70k steps), 500.0 (seed 2), 499.1 (seed 3), 15-27 min a recurrent run;
     * feed-forward 41.7 in 70 s. The recurrent runs are the slow part (the LSTM's many small
     * products), too long for CI's learning budget: documented.
     */
    @Test
    @Tag("documented")
    @DisplayName("CartPole-v1 without velocities, 100k env steps: recurrent PPO's greedy mean >= 475 over 100 episodes for >= 2 of seeds 1-3 (seen: 452.3, 500.0, 499.1); feed-forward PPO's <= 100 (seen: 41.7)")
    void recurrentPpoBalancesWithoutVelocities() throws Exception {
        List<Callable<PgTraining.Result>> jobs = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            long s = seed;
            jobs.add(() -> new PgTraining(config("ppo-cartpole-masked-lstm.json", s, null), "lstm").threads(1).run());
        }
        jobs.add(() -> new PgTraining(config("ppo-cartpole-masked.json", 1, null), "ff").threads(1).run());
        List<PgTraining.Result> all = runTwoAtATime(jobs);
        List<PgTraining.Result> lstm = all.subList(0, 3);
        PgTraining.Result ff = all.get(3);
        int solved = 0;
        StringBuilder report = new StringBuilder("masked CartPole-v1, recurrent PPO:");
        for (int i = 0; i < lstm.size(); i++) {
            PgTraining.Result r = lstm.get(i);
            if (r.finalEvaluation().mean() >= 475) solved++;
            report.append(String.format(Locale.ROOT, " seed %d %.1f after %d steps (10-episode evaluations:", i + 1, r.finalEvaluation().mean(), r.steps()));
            for (PgTraining.EvalRow e : r.evaluations()) report.append(String.format(Locale.ROOT, " %.0f", e.mean()));
            report.append(");");
        }
        report.append(String.format(Locale.ROOT, " feed-forward PPO seed 1 %.1f", ff.finalEvaluation().mean()));
        System.out.println(report);
        assertTrue(solved >= 2, report.toString());
        assertTrue(ff.finalEvaluation().mean() <= 100, report.toString());
    }
}
