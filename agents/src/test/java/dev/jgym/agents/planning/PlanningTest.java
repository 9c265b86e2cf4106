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

    /** The states a policy visits from {@code start} in a deterministic model, up to the terminating step (at most 200 steps). */
    static java.util.List<Integer> path(TabularModel m, int[] policy, int start) {
        java.util.List<Integer> states = new java.util.ArrayList<>(java.util.List.of(start));
        int s = start;
        for (int t = 0; t < 200; t++) {
            TabularModel.Outcome o = m.transitions(s, policy[s]).get(0);
            assertEquals(1.0, o.probability(), "deterministic model");
            s = o.nextState();
            states.add(s);
            if (o.terminated()) return states;
        }
        throw new AssertionError("the policy loops from state " + start + ": " + states.subList(0, 30) + " ...");
    }

    @Test
    @DisplayName("S&B 5.4, the best epsilon-greedy policy (epsilon 0.1), where constant-epsilon SARSA settles: greedy path 15 on the windy grid, 7 with king's moves; on the cliff 15 steps two rows above the edge, not the 13-step edge path")
    void bestEpsilonGreedyPolicies() {
        TabularModel windy = model("WindyGridworld-v0", Map.of()), kings = model("WindyGridworldKings-v0", Map.of());
        TabularModel cliff = model("CliffWalking-v1", Map.of());
        ValueIteration.Settings undiscounted = new ValueIteration.Settings(1.0);
        assertEquals(15, path(windy, ValueIteration.solveEpsilonSoft(new FlatModel(windy), undiscounted, 0.1).policy(), 30).size() - 1);
        assertEquals(7, path(kings, ValueIteration.solveEpsilonSoft(new FlatModel(kings), undiscounted, 0.1).policy(), 30).size() - 1);
        Solution soft = ValueIteration.solveEpsilonSoft(new FlatModel(cliff), undiscounted, 0.1);
        // rows of 12 columns: up, up to row 1, along it, down, down to the goal 47
        assertEquals(java.util.List.of(36, 24, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 35, 47), path(cliff, soft.policy(), 36));
        assertEquals(13, path(cliff, ValueIteration.solve(cliff, 1.0).policy(), 36).size() - 1, "epsilon 0: the cliff edge");
        // epsilon = 0 is plain value iteration
        assertArrayEquals(ValueIteration.solve(windy, 1.0).values(),
                ValueIteration.solveEpsilonSoft(new FlatModel(windy), undiscounted, 0).values(), 1e-9);
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
