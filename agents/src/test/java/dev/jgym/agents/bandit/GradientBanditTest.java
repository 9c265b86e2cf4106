package dev.jgym.agents.bandit;

import static dev.jgym.agents.bandit.BanditAgentTesting.create;
import static dev.jgym.agents.bandit.BanditAgentTesting.pull;
import static dev.jgym.agents.bandit.BanditAgentTesting.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgym.core.sim.Agent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GradientBanditTest {

    @Test
    @DisplayName("S&B eq. 2.12 by hand, alpha 0.1, baseline: (A=0, R=1) R̄_1 = R_1, no change; (A=1, R=3) R̄ = 1; (A=1, R=0) R̄ = 2 (1e-12)")
    void preferenceUpdateWithBaseline() {
        Agent<Integer, Integer> agent = create("gradient", "{\"alpha\": 0.1}", 3, 1);

        agent.observe(pull(0, 1));
        assertArrayEquals(new double[] {0, 0, 0}, values(agent), 0.0, "R_1 - R̄_1 = 0");

        // π = (1/3, 1/3, 1/3); R - R̄ = 3 - 1 = 2: H(1) += 0.1 * 2 * (1 - 1/3), H(a) -= 0.1 * 2 * 1/3
        agent.observe(pull(1, 3));
        double[] h = {-0.2 / 3, 0.4 / 3, -0.2 / 3};
        assertArrayEquals(h, values(agent), 1e-12);

        // π = softmax(h) = (0.310424, 0.379152, 0.310424); R - R̄ = 0 - (1 + 3) / 2 = -2
        double[] pi = {0.31042377345300565, 0.3791524530939888, 0.31042377345300565};
        assertArrayEquals(pi, agent.annotations().get(GradientBandit.ACTION_PROBABILITIES), 1e-12);
        agent.observe(pull(1, 0));
        double[] expected = {h[0] - 0.1 * -2 * pi[0], h[1] + 0.1 * -2 * (1 - pi[1]), h[2] - 0.1 * -2 * pi[2]};
        assertArrayEquals(expected, values(agent), 1e-12);
        assertArrayEquals(new double[] {-0.004581911976065535, 0.009163823952131084, -0.004581911976065535}, values(agent), 1e-12);
    }

    @Test
    @DisplayName("without a baseline R̄ = 0: the first reward 1 on arm 0 gives H = (0.1 * 2/3, -0.1/3, -0.1/3)")
    void preferenceUpdateWithoutBaseline() {
        Agent<Integer, Integer> agent = create("gradient", "{\"alpha\": 0.1, \"baseline\": false}", 3, 1);
        agent.observe(pull(0, 1));
        assertArrayEquals(new double[] {0.2 / 3, -0.1 / 3, -0.1 / 3}, values(agent), 1e-12);
    }

    @Test
    @DisplayName("acts by the soft-max: H = (ln 3, 0) gives π = (3/4, 1/4); 8000 acts, arm 0 6000 +- 200 (5 standard deviations)")
    void actsBySoftmax() {
        Agent<Integer, Integer> agent = create("gradient", "{\"alpha\": 1, \"baseline\": false}", 2, 11);
        // one update with R = x on arm 0 from H = 0: H = (x/2, -x/2); x = ln 3 gives H(0) - H(1) = ln 3
        agent.observe(pull(0, Math.log(3)));
        assertArrayEquals(new double[] {0.75, 0.25}, agent.annotations().get(GradientBandit.ACTION_PROBABILITIES), 1e-12);
        int zeros = 0;
        for (int i = 0; i < 8000; i++) if (agent.act(0) == 0) zeros++;
        assertEquals(6000, zeros, 200);
    }
}
