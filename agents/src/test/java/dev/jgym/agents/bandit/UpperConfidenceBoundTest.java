package dev.jgym.agents.bandit;

import static dev.jgym.agents.bandit.BanditAgentTesting.create;
import static dev.jgym.agents.bandit.BanditAgentTesting.pull;
import static dev.jgym.agents.bandit.BanditAgentTesting.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.sim.Agent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UpperConfidenceBoundTest {

    @Test
    @DisplayName("S&B 2.7: untried arms come first, chosen uniformly among the untried (600 acts: each of 3 untried arms 200 +- 60)")
    void untriedArmsFirst() {
        Agent<Integer, Integer> agent = create("ucb", "{}", 4, 5);
        agent.observe(pull(0, 100));
        int[] counts = new int[4];
        for (int i = 0; i < 600; i++) counts[agent.act(0)]++;
        assertEquals(0, counts[0], "a tried arm is never chosen while another is untried");
        for (int a = 1; a < 4; a++) assertEquals(200, counts[a], 60, "arm " + a);

        agent.observe(pull(1, 0));
        agent.observe(pull(3, 0));
        for (int i = 0; i < 20; i++) assertEquals(2, agent.act(0), "the last untried arm");
    }

    @Test
    @DisplayName("eq. 2.10 on a crafted state: Q = (1.0, 1.2), N = (1, 9), t = 11: c = 2 gives 1 + 2 sqrt(ln 11) = 4.10 > 1.2 + 2 sqrt(ln 11 / 9) = 2.23, so arm 0; c = 0 is greedy, arm 1")
    void picksTheUpperBound() {
        for (String settings : new String[] {"{\"c\": 2}", "{}", "{\"c\": 0}"}) {
            Agent<Integer, Integer> agent = create("ucb", settings, 2, 9);
            agent.observe(pull(0, 1.0));
            for (int i = 0; i < 9; i++) agent.observe(pull(1, 1.2));
            assertArrayEquals(new double[] {1.0, 1.2}, values(agent), 1e-12);
            int expected = settings.contains("0}") ? 1 : 0;
            for (int i = 0; i < 10; i++) assertEquals(expected, agent.act(0), settings);
        }
    }

    @Test
    @DisplayName("the bonus shrinks as an arm is pulled: c = 1, Q = (0, 0.5), N = (1, 1); after 30 more pulls of arm 0 at 0, t = 33: 0 + sqrt(ln 33 / 31) = 0.34 < 0.5 + sqrt(ln 33) = 2.37")
    void bonusShrinksWithCount() {
        Agent<Integer, Integer> agent = create("ucb", "{\"c\": 1}", 2, 1);
        agent.observe(pull(0, 0));
        agent.observe(pull(1, 0.5));
        for (int i = 0; i < 30; i++) agent.observe(pull(0, 0));
        assertEquals(1, agent.act(0));
    }

    @Test
    @DisplayName("ties in the upper bound are broken at random: two identical arms, 2000 acts, each 1000 +- 120")
    void tiesAtRandom() {
        Agent<Integer, Integer> agent = create("ucb", "{}", 2, 17);
        agent.observe(pull(0, 1));
        agent.observe(pull(1, 1));
        int ones = 0;
        for (int i = 0; i < 2000; i++) ones += agent.act(0);
        assertTrue(Math.abs(ones - 1000) <= 120, "arm 1 chosen " + ones + " times");
    }
}
