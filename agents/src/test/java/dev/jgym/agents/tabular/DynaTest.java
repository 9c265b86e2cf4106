package dev.jgym.agents.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.agents.planning.UpdatesUntilOptimal;
import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.sim.Simulator;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Dyna-Q, Dyna-Q+ and prioritized sweeping (S&amp;B 8.2-8.4) on the Dyna maze of Example 8.1,
 * with models learned from experience. The figures from configs are {@code experiments}
 * {@code DynaFiguresTest}.
 */
class DynaTest {

    @SuppressWarnings("unchecked")
    static dev.jgym.core.sim.Agent<Object, Object> raw(TabularAgent agent) {
        return (dev.jgym.core.sim.Agent<Object, Object>) (Object) agent;
    }

    /**
     * Updates until the greedy path is within 20% of the optimal 14 steps, at most 16 (planning's
     * {@link UpdatesUntilOptimal#count}, the criterion of the widely used reproduction of Example 8.4);
     * {@code Long.MAX_VALUE} when 200 episodes were not enough.
     */
    static long updatesUntilOptimal(String type, String settings, long seed) {
        try (Env<Object, Object> env = EnvRegistry.make("DynaMaze-v0"); Env<Object, Object> greedy = UpdatesUntilOptimal.greedyEnv("DynaMaze-v0", Map.of(), 16)) {
            TabularAgent agent = Training.agent(type, settings, env, seed);
            UpdatesUntilOptimal.Count c = UpdatesUntilOptimal.count(env, greedy, agent, seed, 16, 200);
            return c.reached() ? c.updates() : Long.MAX_VALUE;
        }
    }

    @Test
    @DisplayName("S&B Example 8.4 on the Dyna maze (alpha 0.5, eps 0.1, n 5, theta 1e-4; 20 seeds): prioritized sweeping reaches a greedy path within 20% of the optimal 14 steps with fewer than half Dyna-Q's updates (median; >= 16 of 20 runs of each get there in 200 episodes)")
    void prioritizedSweepingNeedsFewerUpdates() {
        long[] ps = new long[20], dq = new long[20];
        for (int i = 0; i < 20; i++) {
            ps[i] = updatesUntilOptimal("prioritized-sweeping", "{\"alpha\": 0.5, \"planning_steps\": 5, \"theta\": 0.0001}", i);
            dq[i] = updatesUntilOptimal("dyna-q", "{\"alpha\": 0.5, \"planning_steps\": 5}", i);
        }
        Arrays.sort(ps);
        Arrays.sort(dq);
        System.out.println("updates until a greedy path of <= 16 steps on the Dyna maze: prioritized sweeping " + Arrays.toString(ps) + ", Dyna-Q " + Arrays.toString(dq));
        assertTrue(ps[15] < Long.MAX_VALUE && dq[15] < Long.MAX_VALUE, "at least 16 of 20 runs of each get there");
        assertTrue(ps[10] * 2 < dq[10], "median: prioritized sweeping " + ps[10] + " vs Dyna-Q " + dq[10]);
    }

    @Test
    @DisplayName("the learned model holds what was seen: after 30 episodes Dyna-Q's model knows only pairs tried, each with the maze's true next state and reward")
    void modelIsLearnedFromExperience() {
        try (Env<Object, Object> env = EnvRegistry.make("DynaMaze-v0")) {
            DynaQ agent = Training.agent("dyna-q", "{\"planning_steps\": 5}", env, 3);
            Simulator.builder(env, raw(agent)).seed(3L).maxEpisodes(30).build().run();
            var truth = (dev.jgym.core.env.TabularModel) env.unwrapped();
            LearnedModel m = agent.model();
            assertTrue(m.size() > 50 && m.size() <= 47 * 4, "pairs known: " + m.size());
            for (int sa : m.pairs()) {
                var o = truth.transitions(sa / 4, sa % 4).get(0);
                assertEquals(o.terminated(), m.terminal(sa));
                if (!o.terminated()) assertEquals(o.nextState(), m.next(sa));
                assertEquals(o.reward(), m.reward(sa));
            }
        }
    }

    @Test
    @DisplayName("Dyna-Q+ plans with untried actions of visited states (back to the same state, reward 0); kappa is refused by dyna-q with a one-line error")
    void dynaQPlusAssumesUntriedActions() {
        try (Env<Object, Object> env = EnvRegistry.make("DynaMaze-v0")) {
            DynaQ plus = Training.agent("dyna-q-plus", "{\"kappa\": 0.001}", env, 1);
            Simulator.builder(env, raw(plus)).seed(1L).maxSteps(1).build().run();
            int start = 18;
            for (int a = 0; a < 4; a++) assertTrue(plus.model().known(start * 4 + a), "action " + a);
            UserError e = org.junit.jupiter.api.Assertions.assertThrows(UserError.class,
                    () -> Training.agent("dyna-q", "{\"kappa\": 0.001}", env, 1));
            assertTrue(e.getMessage().contains("kappa"), e.getMessage());
        }
    }
}
