package dev.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.config.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's acceptance for adversarial imitation, with the shipped configs: an expert trained by
 * configs/dqn/cartpole.json, 10 of its greedy episodes recorded as .jgr replays, and an imitator
 * trained by configs/dqn/cartpole-imitation.json from those replays only (its DQN never sees the
 * env's reward). Both are judged on 100 greedy episodes with the env's return.
 */
@Tag("learning")
class ImitationLearningTest {

    private static ObjectNode tree(String file) {
        return (ObjectNode) Json.readTree(Path.of("..", "configs", "dqn", file));
    }

    @Test
    @DisplayName("CartPole-v1 from 10 expert episodes, no env reward: the imitator's 100-episode greedy mean >= 90% of the expert's"
            + " (seen: expert 499.8, imitator 500.0, solved at step 32,500)")
    void cartPoleFromTenEpisodes(@TempDir Path dir) {
        DqnConfig expertConfig = Json.bind(tree("cartpole.json"), DqnConfig.class, "cartpole.json", "$");
        DqnTraining.Result expert = new DqnTraining(expertConfig, "cartpole.json").threads(1).run();
        Path replays = dir.resolve("expert");
        DqnTraining.EvalRow recorded = ExpertReplays.record(expertConfig, "cartpole.json", expert.learner(), expertConfig.seed(), 10, replays);

        ObjectNode im = tree("cartpole-imitation.json");
        ((ObjectNode) im.get("imitation")).putArray("expert").add(replays.toString());
        DqnConfig imitationConfig = Json.bind(im, DqnConfig.class, "cartpole-imitation.json", "$");
        DqnTraining.Result imitator = new DqnTraining(imitationConfig, "cartpole-imitation.json").threads(1).run();

        double e = expert.finalEvaluation().mean(), i = imitator.finalEvaluation().mean();
        String figures = String.format(java.util.Locale.ROOT,
                "expert %.1f (solved at step %d; its 10 recorded episodes %.1f), imitator %.1f +- %.1f after %d steps (D: %s)", e,
                expert.solvedAtStep(), recorded.mean(), i, imitator.finalEvaluation().std(), imitator.steps(), imitator.learner().imitation().summary());
        System.out.println("CartPole-v1 adversarial imitation: " + figures);
        assertTrue(i >= 0.9 * e, figures);
    }
}
