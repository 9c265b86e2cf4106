package dev.jgym.agents.planning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.TabularModel;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Value iteration, policy iteration and policy evaluation on the envs' known models: the ground
 * truth the learners are measured against. References: Gymnasium's FrozenLake (V*(start) 0.5420 at
 * gamma 0.99 is the commonly reported optimum; the 100-step success probability is computed here
 * exactly), S&amp;B Examples 6.2, 6.5, 6.6 and Exercise 6.9.
 */
class PlanningTest {

    static TabularModel model(String id, Map<String, Object> options) {
        try (Env<Object, Object> env = EnvRegistry.make(id, options)) {
            return FlatModel.of(env);
        }
    }

    @Test
    @DisplayName("FrozenLake 4x4 slippery, gamma 0.99: V*(start) = 0.5420 (+-5e-4), success within 100 steps 0.740 (policy) / 0.744 (best); 8x8 best within 200 steps 0.913")
    void frozenLake() {
        FlatModel m = new FlatModel(model("FrozenLake-v1", Map.of()));
        Solution vi = ValueIteration.solve(m, new ValueIteration.Settings(0.99));
        assertEquals(0.5420, vi.value(0), 5e-4, "V*(start)");
        double success = m.fromStart(PolicyEvaluation.finiteHorizon(m, vi.policy(), 100));
        assertEquals(0.74, success, 0.01, "success probability within the 100-step limit");
        assertEquals(0.7442, m.fromStart(ValueIteration.finiteHorizon(m, 100)), 1e-4, "the best chance within 100 steps (finite-horizon)");
        FlatModel m8 = new FlatModel(model("FrozenLake8x8-v1", Map.of()));
        Solution vi8 = ValueIteration.solve(m8, new ValueIteration.Settings(0.99));
        // the gamma-0.99 policy trades some success for speed; the best chance within the 200-step limit is 0.913
        assertEquals(0.8630, m8.fromStart(PolicyEvaluation.finiteHorizon(m8, vi8.policy(), 200)), 1e-4, "8x8, gamma 0.99 policy");
        assertEquals(0.9132, m8.fromStart(ValueIteration.finiteHorizon(m8, 200)), 1e-4, "8x8, best chance within 200 steps");
    }

    @Test
    @DisplayName("policy iteration finds value iteration's values (1e-8) on FrozenLake 4x4 and 8x8 and Taxi")
    void policyIterationAgrees() {
        for (String id : new String[] {"FrozenLake-v1", "FrozenLake8x8-v1", "Taxi-v3"}) {
            FlatModel m = new FlatModel(model(id, Map.of()));
            Solution vi = ValueIteration.solve(m, new ValueIteration.Settings(0.99, 1e-12, 100_000));
            Solution pi = PolicyIteration.solve(m, 0.99, 1e-12, 1000);
            assertArrayEquals(vi.values(), pi.values(), 1e-8, id);
            for (int s = 0; s < m.states(); s++) {
                assertEquals(true, vi.isGreedy(s, pi.policy()[s]), id + ": policy iteration's action in state " + s + " is optimal");
            }
        }
    }

    @Test
    @DisplayName("S&B Example 6.5 / Exercise 6.9: the shortest windy path is 15 steps, 7 with king's moves; Example 6.6: the cliff edge path is 13")
    void gridOptima() {
        assertEquals(-15, ValueIteration.solve(model("WindyGridworld-v0", Map.of()), 1.0).value(30), 1e-9);
        assertEquals(-7, ValueIteration.solve(model("WindyGridworldKings-v0", Map.of()), 1.0).value(30), 1e-9);
        assertEquals(-13, ValueIteration.solve(model("CliffWalking-v1", Map.of()), 1.0).value(36), 1e-9);
    }

    @Test
    @DisplayName("S&B Example 6.2: the random policy's values on the random walk are 1/6 ... 5/6 (1e-9); 19 states: i/20")
    void randomWalkTrueValues() {
        FlatModel m = new FlatModel(model("RandomWalk-v0", Map.of()));
        double[] v = PolicyEvaluation.evaluate(m, PolicyEvaluation.uniform(m), 1.0, 1e-14, 1_000_000);
        for (int s = 1; s <= 5; s++) assertEquals(s / 6.0, v[s], 1e-9, "state " + s);
        FlatModel m19 = new FlatModel(model("RandomWalk-v0", Map.of("n_states", 19)));
        double[] v19 = PolicyEvaluation.evaluate(m19, PolicyEvaluation.uniform(m19), 1.0, 1e-14, 10_000_000);
        for (int s = 1; s <= 19; s++) assertEquals(s / 20.0, v19[s], 1e-9, "19 states, state " + s);
    }

    @Test
    @DisplayName("an env without a model is a one-line UserError naming it")
    void noModel() {
        try (Env<Object, Object> env = EnvRegistry.make("Blackjack-v1")) {
            UserError e = assertThrows(UserError.class, () -> FlatModel.of(env));
            assertEquals("Blackjack-v1: planning needs an env that exposes its model (TabularModel); this one does not", e.getMessage());
        }
    }
}
