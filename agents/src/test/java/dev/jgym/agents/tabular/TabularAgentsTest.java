package dev.jgym.agents.tabular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.agents.Agents;
import dev.jgym.agents.mc.MonteCarloExploringStarts;
import dev.jgym.agents.planning.FlatModel;
import dev.jgym.agents.planning.Solution;
import dev.jgym.agents.planning.ValueIteration;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.rng.Rng;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tabular agents' contracts: determinism, saved tables, settings errors, exploration, and the book's special cases. */
class TabularAgentsTest {

    static final List<String> CONTROL = List.of("q-learning", "sarsa", "expected-sarsa", "double-q-learning", "n-step-sarsa",
            "sarsa-lambda", "mc-on-policy", "mc-off-policy", "mc-exploring-starts");

    @Test
    @DisplayName("every tabular type is registered")
    void registered() {
        for (String t : CONTROL) assertEquals(t, Agents.type(t).name());
        assertEquals("td0-prediction", Agents.type("td0-prediction").name());
        assertEquals("mc-prediction", Agents.type("mc-prediction").name());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"q-learning", "sarsa", "expected-sarsa", "double-q-learning", "n-step-sarsa", "sarsa-lambda",
            "mc-on-policy", "mc-off-policy", "mc-exploring-starts"})
    @DisplayName("the same seed gives bit-identical Q-tables; save and load restores them exactly (Blackjack: keyed by the tuple)")
    void reproducibleAndSaved(String type, @TempDir Path dir) throws Exception {
        TabularAgent a = Training.train("FrozenLake-v1", Map.of(), type, "{}", 300, 5);
        TabularAgent b = Training.train("FrozenLake-v1", Map.of(), type, "{}", 300, 5);
        assertArrayEquals(a.table(), b.table(), type);
        TabularAgent other = Training.train("FrozenLake-v1", Map.of(), type, "{}", 300, 6);
        assertTrue(!java.util.Arrays.equals(a.table(), other.table()), "another seed learns something else");
        Path file = dir.resolve("q.json");
        a.save(file);
        try (Env<Object, Object> env = EnvRegistry.make("FrozenLake-v1")) {
            TabularAgent fresh = Training.agent(type, "{}", env, 99);
            fresh.load(file);
            assertArrayEquals(a.table(), fresh.table(), type + " after load");
            assertEquals(a.exploration().episodes(), fresh.exploration().episodes());
        }
        TabularAgent bj = Training.train("Blackjack-v1", Map.of(), type, "{}", 200, 1);
        bj.save(file);
        JsonNode saved = Json.readTree(file);
        assertEquals(704, saved.get("tables").elements().next().size(), "one row per (sum, dealer, ace)");
        assertEquals("[4,2,1]", saved.get("tables").elements().next().get(4 * 22 + 2 * 2 + 1).get("state").toString());
        try (Env<Object, Object> env = EnvRegistry.make("Blackjack-v1")) {
            TabularAgent fresh = Training.agent(type, "{}", env, 99);
            fresh.load(file);
            assertArrayEquals(bj.table(), fresh.table(), type + " Blackjack after load");
        }
    }

    @Test
    @DisplayName("a wrong saved file is a UserError naming the file and the field; the table is left as it was")
    void badSavedFiles(@TempDir Path dir) throws Exception {
        TabularAgent q = Training.train("FrozenLake-v1", Map.of(), "q-learning", "{}", 20, 1);
        Path file = dir.resolve("q.json");
        q.save(file);
        try (Env<Object, Object> env = EnvRegistry.make("FrozenLake-v1")) {
            TabularAgent sarsa = Training.agent("sarsa", "{}", env, 1);
            UserError e = assertThrows(UserError.class, () -> sarsa.load(file));
            assertEquals(file + ": $.type: expected \"sarsa\" (a file saved by that agent type), found \"q-learning\"", e.getMessage());
        }
        try (Env<Object, Object> env = EnvRegistry.make("FrozenLake8x8-v1")) {
            TabularAgent big = Training.agent("q-learning", "{}", env, 1);
            UserError e = assertThrows(UserError.class, () -> big.load(file));
            assertTrue(e.getMessage().startsWith(file + ": $.observation_space: expected"), e.getMessage());
        }
        String text = Files.readString(file).replaceFirst("\"values\" : \\[ [^\\]]*\\]", "\"values\" : [ 1.0 ]");
        Files.writeString(file, text);
        try (Env<Object, Object> env = EnvRegistry.make("FrozenLake-v1")) {
            TabularAgent fresh = Training.agent("q-learning", "{}", env, 1);
            double[] before = fresh.table();
            UserError e = assertThrows(UserError.class, () -> fresh.load(file));
            assertEquals(file + ": $.tables.q[0].values: expected 4 values, found 1", e.getMessage());
            assertArrayEquals(before, fresh.table(), "nothing loaded");
        }
    }

    @Test
    @DisplayName("S&B 7.2: n-step SARSA with n = 1 is SARSA, draw for draw; S&B 12.7: SARSA(lambda = 0) is SARSA")
    void specialCases() {
        TabularAgent sarsa = Training.train("WindyGridworld-v0", Map.of(), "sarsa", "{\"alpha\": 0.5}", 40, 3);
        TabularAgent oneStep = Training.train("WindyGridworld-v0", Map.of(), "n-step-sarsa", "{\"alpha\": 0.5, \"n\": 1}", 40, 3);
        TabularAgent lambda0 = Training.train("WindyGridworld-v0", Map.of(), "sarsa-lambda", "{\"alpha\": 0.5, \"lambda\": 0}", 40, 3);
        assertArrayEquals(sarsa.table(), oneStep.table(), 1e-12);
        assertArrayEquals(sarsa.table(), lambda0.table(), 1e-12);
    }

    @Test
    @DisplayName("SARSA's step-size schedule: alpha falls linearly from alpha to alpha_end over alpha_decay_episodes, then stays; without one it is constant")
    void sarsaStepSizeSchedule() {
        try (Env<Object, Object> env = EnvRegistry.make("WindyGridworld-v0")) {
            Sarsa annealed = Training.agent("sarsa", "{\"alpha\": 0.5, \"alpha_end\": 0.1, \"alpha_decay_episodes\": 4}", env, 1);
            Sarsa constant = Training.agent("sarsa", "{\"alpha\": 0.5}", env, 1);
            double[] expected = {0.5, 0.4, 0.3, 0.2, 0.1, 0.1, 0.1};
            for (double alpha : expected) {
                annealed.onEpisodeStart(30);
                constant.onEpisodeStart(30);
                assertEquals(alpha, annealed.alpha(), 1e-12);
                assertEquals(0.5, constant.alpha());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"q-learning", "expected-sarsa", "double-q-learning", "sarsa-lambda"})
    @DisplayName("on the Windy Gridworld with king's moves the greedy path is value iteration's 7 steps (2000 episodes, alpha 0.5, epsilon 0.1); SARSA, whose Q at alpha 0.5 never settles, in TabularFiguresTest with an annealed step size")
    void kingsMovesOptimum(String type) {
        TabularAgent a = Training.train("WindyGridworldKings-v0", Map.of(), type, "{\"alpha\": 0.5}", 2000, 2);
        Solution vi = ValueIteration.solve(FlatModel.of(EnvRegistry.make("WindyGridworldKings-v0")), 1.0);
        assertEquals(-7, vi.value(30), 1e-9);
        try (Env<Object, Object> env = EnvRegistry.make("WindyGridworldKings-v0", Map.of("max_episode_steps", 100))) {
            var result = dev.jgym.agents.Evaluation.run(env, a::greedyAction, 1, 0);
            assertEquals(7, result.meanLength(), type + ": greedy path length");
        }
    }

    @Test
    @DisplayName("exploration: epsilon-greedy and softmax probabilities sum to 1; the expectation matches; ties are broken from the agent's stream")
    void exploration() {
        double[] q = {1, 3, 3, -2};
        Exploration eps = new Exploration(new Exploration.Settings(0.2, null, null, null, null), 4);
        Exploration soft = new Exploration(new Exploration.Settings(0.1, null, null, null, 0.5), 4);
        for (Exploration x : new Exploration[] {eps, soft}) {
            double total = 0, expected = 0;
            for (int a = 0; a < 4; a++) {
                total += x.probability(q, 0, a);
                expected += x.probability(q, 0, a) * q[a];
            }
            assertEquals(1, total, 1e-12);
            assertEquals(expected, x.expectedValue(q, 0), 1e-12);
        }
        assertEquals(0.05 + 0.4, eps.probability(q, 0, 1), 1e-12, "greedy ties share 1 - epsilon");
        Rng rng = new Rng(1);
        int[] counts = new int[4];
        for (int i = 0; i < 10_000; i++) counts[eps.argmax(q, 0, rng)]++;
        assertEquals(0, counts[0] + counts[3]);
        assertTrue(Math.abs(counts[1] - counts[2]) < 400, "ties split evenly: " + java.util.Arrays.toString(counts));
        Exploration decay = new Exploration(new Exploration.Settings(1.0, 0.1, 10, null, null), 4);
        decay.episodeStarted();
        assertEquals(1.0, decay.epsilon(), 1e-12);
        for (int i = 0; i < 5; i++) decay.episodeStarted();
        assertEquals(0.55, decay.epsilon(), 1e-12, "linear: halfway after 5 of 10 episodes");
        for (int i = 0; i < 20; i++) decay.episodeStarted();
        assertEquals(0.1, decay.epsilon(), 1e-12);
    }

}
