package dev.jgym.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code random} agent type from a config, against what the uniform policy is known to do. */
class RandomAgentExperimentTest {

    static ExperimentResult run(Path dir, String json) throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        return Experiment.read(file).run(2, n -> { });
    }

    @Test
    @DisplayName("S&B 10-armed testbed (200 runs x 500 steps): random picks the optimal arm 1/10 of the time (+-0.01), mean reward E[q*] = 0 (+-0.1); eps 0.1 beats it")
    void testbed(@TempDir Path dir) throws Exception {
        ExperimentResult r = run(dir, """
                {"name": "random-testbed", "env": {"id": "GaussianBandit-v0", "options": {"k": 10}},
                 "agents": [{"label": "random", "type": "random"},
                            {"label": "eps 0.1", "type": "epsilon-greedy", "settings": {"epsilon": 0.1}}],
                 "seed": 0, "runs": 200, "steps": 500, "summary_window": 500}""");
        assertEquals(0.1, r.windowMean("random", "optimal"), 0.01);
        assertEquals(0.0, r.windowMean("random", "reward"), 0.1);
        assertTrue(r.windowMean("eps 0.1", "reward") > r.windowMean("random", "reward") + 0.5);
    }

    @Test
    @DisplayName("S&B Example 6.2's walk (100 runs x 100 episodes): the random policy ends on the right half the time (0.5 +-0.02), after 9 steps on average (k(n+1-k) = 3 x 3, +-0.3)")
    void randomWalk(@TempDir Path dir) throws Exception {
        ExperimentResult r = run(dir, """
                {"name": "random-walk", "env": {"id": "RandomWalk-v0"}, "agents": [{"label": "random", "type": "random"}],
                 "seed": 0, "runs": 100, "curve": "episode", "episodes": 100, "summary_window": 100}""");
        assertEquals(0.5, r.windowMean("random", "return"), 0.02);
        assertEquals(9.0, r.windowMean("random", "length"), 0.3);
    }
}
