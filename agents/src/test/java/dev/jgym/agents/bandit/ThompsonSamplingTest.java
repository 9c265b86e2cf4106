package dev.jgym.agents.bandit;

import static dev.jgym.agents.bandit.BanditAgentTesting.create;
import static dev.jgym.agents.bandit.BanditAgentTesting.pull;
import static dev.jgym.agents.bandit.BanditAgentTesting.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.Json;
import dev.jgym.core.sim.Agent;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThompsonSamplingTest {

    @Test
    @DisplayName("Beta-Bernoulli: prior (1, 1), rewards 1, 1, 0 on arm 0 and 0 on arm 2: posteriors (3, 2), (1, 1), (1, 2); means 3/5, 1/2, 1/3")
    void betaPosteriorCounts(@TempDir Path dir) throws IOException {
        Agent<Integer, Integer> agent = create("thompson-beta", "{}", 3, 1);
        agent.observe(pull(0, 1));
        agent.observe(pull(0, 1));
        agent.observe(pull(0, 0));
        agent.observe(pull(2, 0));
        assertArrayEquals(new double[] {3.0 / 5, 0.5, 1.0 / 3}, values(agent), 1e-12);
        Path file = dir.resolve("beta.json");
        agent.save(file);
        var saved = Json.readTree(file);
        assertEquals("[3.0,1.0,1.0]", saved.get("alpha").toString());
        assertEquals("[2.0,1.0,2.0]", saved.get("beta").toString());
        assertEquals(4, saved.get("steps").asLong());
    }

    @Test
    @DisplayName("Beta-Bernoulli with prior (2, 5): one success on arm 1 gives mean 3/8")
    void betaPrior() {
        Agent<Integer, Integer> agent = create("thompson-beta", "{\"prior_alpha\": 2, \"prior_beta\": 5}", 2, 1);
        agent.observe(pull(1, 1));
        assertArrayEquals(new double[] {2.0 / 7, 3.0 / 8}, values(agent), 1e-12);
    }

    @Test
    @DisplayName("a reward outside {0, 1} is an IllegalArgumentException naming the strategy and the reward")
    void betaRejectsNonBinaryRewards() {
        Agent<Integer, Integer> agent = create("thompson-beta", "{}", 3, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> agent.observe(pull(1, 0.5)));
        assertTrue(e.getMessage().startsWith("thompson-beta: rewards must be 0 or 1"), e.getMessage());
        assertTrue(e.getMessage().contains("0.5"), e.getMessage());
    }

    @Test
    @DisplayName("Beta-Bernoulli samples favour the confident best arm: posterior (91, 11) vs (11, 91): > 99% of 1000 acts")
    void betaSamplesFollowThePosterior() {
        Agent<Integer, Integer> agent = create("thompson-beta", "{}", 2, 3);
        for (int i = 0; i < 90; i++) {
            agent.observe(pull(0, 1));
            agent.observe(pull(1, 0));
        }
        for (int i = 0; i < 10; i++) {
            agent.observe(pull(0, 0));
            agent.observe(pull(1, 1));
        }
        int zeros = 0;
        for (int i = 0; i < 1000; i++) if (agent.act(0) == 0) zeros++;
        assertTrue(zeros > 990, "arm 0 chosen " + zeros + " times");
    }

    @Test
    @DisplayName("normal-normal: prior N(0, 1), noise variance 1, rewards 2 then 4 on arm 0: posterior mean 1 then 2, variance 1/2 then 1/3")
    void gaussianPosterior(@TempDir Path dir) throws IOException {
        Agent<Integer, Integer> agent = create("thompson-gaussian", "{}", 2, 1);
        agent.observe(pull(0, 2));
        assertArrayEquals(new double[] {1, 0}, values(agent), 1e-12);
        agent.observe(pull(0, 4));
        assertArrayEquals(new double[] {2, 0}, values(agent), 1e-12);
        Path file = dir.resolve("gauss.json");
        agent.save(file);
        var saved = Json.readTree(file);
        assertEquals(1.0 / 3, saved.get("variances").get(0).asDouble(), 1e-12);
        assertEquals(1.0, saved.get("variances").get(1).asDouble(), 0.0);
        assertEquals(2, saved.get("counts").get(0).asLong());
    }

    @Test
    @DisplayName("normal-normal with prior N(1, 4) and noise variance 0.5: reward 3 gives mean 1 + 2 * (4 / 4.5) = 2.777...")
    void gaussianPriorAndNoise() {
        Agent<Integer, Integer> agent = create("thompson-gaussian", "{\"prior_mean\": 1, \"prior_variance\": 4, \"reward_variance\": 0.5}", 1, 1);
        agent.observe(pull(0, 3));
        // precision 1/4 + 2 = 2.25; mean = (1/4 * 1 + 3 * 2) / 2.25 = 6.25 / 2.25
        assertEquals(6.25 / 2.25, values(agent)[0], 1e-12);
    }
}
