package dev.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.config.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
}
