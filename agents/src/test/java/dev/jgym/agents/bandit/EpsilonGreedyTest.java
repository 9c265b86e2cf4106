package dev.jgym.agents.bandit;

import static dev.jgym.agents.bandit.BanditAgentTesting.create;
import static dev.jgym.agents.bandit.BanditAgentTesting.pull;
import static dev.jgym.agents.bandit.BanditAgentTesting.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.sim.Agent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EpsilonGreedyTest {

    @Test
    @DisplayName("S&B eq. 2.3: sample averages, rewards 1, 2, 6 on arm 0 give Q = 1, 1.5, 3 exactly; untouched arms keep Q1")
    void sampleAverages() {
        Agent<Integer, Integer> agent = create("epsilon-greedy", "{\"epsilon\": 0}", 3, 1);
        agent.observe(pull(0, 1));
        assertArrayEquals(new double[] {1, 0, 0}, values(agent), 0.0);
        agent.observe(pull(0, 2));
        assertArrayEquals(new double[] {1.5, 0, 0}, values(agent), 0.0);
        agent.observe(pull(0, 6));
        agent.observe(pull(1, -1));
        assertArrayEquals(new double[] {3, -1, 0}, values(agent), 0.0);
    }

    @Test
    @DisplayName("S&B eq. 2.5 and 2.6: alpha 0.1 from optimistic Q1 = 5, rewards 1 then 2: Q = 4.6, then 4.34 (1e-12)")
    void constantStepSizeFromOptimisticStart() {
        Agent<Integer, Integer> agent = create("epsilon-greedy", "{\"epsilon\": 0, \"alpha\": 0.1, \"initial_value\": 5}", 2, 1);
        assertArrayEquals(new double[] {5, 5}, values(agent), 0.0);
        agent.observe(pull(1, 1));
        assertEquals(4.6, values(agent)[1], 1e-12);
        agent.observe(pull(1, 2));
        assertEquals(4.34, values(agent)[1], 1e-12);
        assertEquals(5, values(agent)[0], 0.0);
    }

    @Test
    @DisplayName("greedy ties are broken uniformly: 4 tied arms, 8000 acts, each arm 2000 +- 200 (5 binomial standard deviations)")
    void tiesAreBrokenUniformly() {
        Agent<Integer, Integer> agent = create("epsilon-greedy", "{\"epsilon\": 0}", 4, 42);
        int[] counts = new int[4];
        for (int i = 0; i < 8000; i++) counts[agent.act(0)]++;
        for (int a = 0; a < 4; a++) assertEquals(2000, counts[a], 200, "arm " + a);

        agent.observe(pull(2, 0.5));
        for (int i = 0; i < 100; i++) assertEquals(2, agent.act(0), "a unique maximum is always chosen at epsilon 0");
    }

    @Test
    @DisplayName("epsilon 1 explores uniformly: 10 000 acts on 5 arms, each 2000 +- 200")
    void explorationIsUniform() {
        Agent<Integer, Integer> agent = create("epsilon-greedy", "{\"epsilon\": 1}", 5, 3);
        agent.observe(pull(0, 10));
        int[] counts = new int[5];
        for (int i = 0; i < 10_000; i++) counts[agent.act(0)]++;
        for (int a = 0; a < 5; a++) assertEquals(2000, counts[a], 200, "arm " + a);
    }

    @Test
    @DisplayName("the same seed gives the same actions; another seed other actions")
    void reproducibleFromTheSeed() {
        assertEquals(actions(7), actions(7));
        assertNotEquals(actions(7), actions(8));
    }

    private static List<Integer> actions(long seed) {
        Agent<Integer, Integer> agent = create("epsilon-greedy", "{\"epsilon\": 0.3}", 10, seed);
        List<Integer> actions = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            int a = agent.act(0);
            actions.add(a);
            agent.observe(pull(a, a % 3));
        }
        return actions;
    }

    @Test
    @DisplayName("S&B Fig. 2.2 sanity: eps 0.1 on the 10-armed testbed, 200 runs x 1000 steps: > 70% optimal (book ~80%) and mean reward 1.35 +- 0.12 (book ~1.35) over steps 901-1000")
    void learnsTheTestbed() {
        Rng root = new Rng(2024);
        int runs = 200, steps = 1000;
        long optimal = 0;
        double reward = 0;
        for (int run = 0; run < runs; run++) {
            Rng runRng = root.child(run);
            Env<Integer, Integer> env = EnvRegistry.make("GaussianBandit-v0", Map.of("max_episode_steps", 0));
            env.reset(runRng.childSeed("env"));
            Agent<Integer, Integer> agent = create("epsilon-greedy", "{\"epsilon\": 0.1}", 10, runRng.child("agent"));
            for (int t = 1; t <= steps; t++) {
                Integer a = agent.act(0);
                Step<Integer> step = env.step(a);
                agent.observe(new dev.jgym.core.sim.Transition<>(0, a, step.reward(), 0, false, false, step.info()));
                if (t > 900) {
                    if ((Boolean) step.info().get("optimal")) optimal++;
                    reward += step.reward();
                }
            }
        }
        double fractionOptimal = optimal / (runs * 100.0), meanReward = reward / (runs * 100.0);
        assertTrue(fractionOptimal > 0.70, "optimal action " + fractionOptimal);
        assertEquals(1.35, meanReward, 0.12, "mean reward (about 3.5 standard errors over 200 runs)");
    }
}
