package dev.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The CNN-DQN targets of issue 10 with the shipped configs (configs/dqn), one run each on a
 * one-thread backend. References: MinAtar (Young and Tian, 2019, Table/Figure 2 and the README):
 * random play scores about 0.5 on Breakout and 0.17 on Freeway (always-up 17.7); MinAtar's DQN
 * reaches about 10 on Breakout after 5M frames. The configs' descriptions say what they change from
 * MinAtar's settings to fit the CI budget. Freeway's reward is too sparse for epsilon-greedy
 * exploration in that budget (random play crosses about once in six games); its config explores
 * with ez-greedy (Dabney et al., 2021), which crosses about twice a game.
 */
@Tag("learning")
class CnnDqnLearningTest {

    private static DqnTraining.Result run(String file) {
        DqnConfig config = Json.read(Path.of("..", "configs", "dqn", file), DqnConfig.class);
        long t0 = System.nanoTime();
        DqnTraining.Result r = new DqnTraining(config, file).threads(1).run();
        System.out.printf("%s: %d steps, %d updates, solved at %d, final greedy mean %.2f over %d episodes (%.0f s)%n", file, r.steps(), r.updates(),
                r.solvedAtStep(), r.finalEvaluation().mean(), r.finalEvaluation().episodes(), (System.nanoTime() - t0) / 1e9);
        return r;
    }

    @Test
    @DisplayName("MinAtar Breakout: greedy mean return >= 5 (random about 0.5)")
    void breakout() {
        DqnTraining.Result r = run("minatar-breakout.json");
        assertTrue(r.finalEvaluation().mean() >= 5, "final greedy mean " + r.finalEvaluation().mean());
    }

    @Test
    @DisplayName("MinAtar Freeway: greedy mean return >= 3 over 20 games (random 0.17, always-up 17.7)")
    void freeway() {
        DqnTraining.Result r = run("minatar-freeway.json");
        assertTrue(r.finalEvaluation().mean() >= 3, "final greedy evaluation " + r.finalEvaluation());
    }

    @Test
    @DisplayName("Maze from pixels: the greedy agent reaches the goal of the 4x4 maze within 22 moves (return >= 0.8; shortest path 12, 0.892)")
    void mazeFromPixels() {
        DqnTraining.Result r = run("maze-pixels.json");
        assertTrue(r.finalEvaluation().min() >= 0.8, "final greedy returns " + r.finalEvaluation());
    }
}
