package dev.jgym.agents.bandit;

import static dev.jgym.agents.bandit.BanditAgentTesting.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.agents.AgentContext;
import dev.jgym.agents.AgentType;
import dev.jgym.agents.Agents;
import dev.jgym.core.config.UserError;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.space.Box;
import dev.jgym.core.space.Discrete;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Settings mistakes are one line naming the file, the JSON path, expected and found (STYLE.md). */
class BanditSettingsTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            epsilon-greedy    | {"epsilon": 1.5}                   | test.json: $.agents[0].settings.epsilon: expected a number in [0, 1], found 1.5
            epsilon-greedy    | {}                                 | test.json: $.agents[0].settings.epsilon: missing (required)
            epsilon-greedy    | {"epsilon": 0.1, "alpha": 0}       | test.json: $.agents[0].settings.alpha: expected a number in (0, 1], found 0.0
            epsilon-greedy    | {"epsilon": 0.1, "alpha": 1.5}     | test.json: $.agents[0].settings.alpha: expected a number in (0, 1], found 1.5
            ucb               | {"c": -1}                          | test.json: $.agents[0].settings.c: expected a number >= 0, found -1.0
            gradient          | {"baseline": true}                 | test.json: $.agents[0].settings.alpha: missing (required)
            gradient          | {"alpha": -0.1}                    | test.json: $.agents[0].settings.alpha: expected a positive number, found -0.1
            thompson-beta     | {"prior_alpha": 0}                 | test.json: $.agents[0].settings.prior_alpha: expected a positive number, found 0.0
            thompson-gaussian | {"reward_variance": 0}             | test.json: $.agents[0].settings.reward_variance: expected a positive number, found 0.0
            thompson-gaussian | {"prior_variance": -2}             | test.json: $.agents[0].settings.prior_variance: expected a positive number, found -2.0
            """)
    void badValues(String type, String settings, String message) {
        UserError e = assertThrows(UserError.class, () -> create(type, settings, 10, 0));
        assertEquals(message, e.getMessage());
    }

    @Test
    @DisplayName("an unknown key is rejected, naming it and listing the known ones")
    void unknownKey() {
        UserError e = assertThrows(UserError.class, () -> create("epsilon-greedy", "{\"epsilon\": 0.1, \"initial\": 5}", 10, 0));
        assertEquals("test.json: $.agents[0].settings: unknown key \"initial\" (expected one of: alpha, epsilon, initial_value)",
                e.getMessage());
    }

    @Test
    @DisplayName("a wrong type is rejected: epsilon \"0.1\" is not a number, baseline 1 is not a boolean")
    void wrongTypes() {
        UserError e = assertThrows(UserError.class, () -> create("epsilon-greedy", "{\"epsilon\": \"0.1\"}", 10, 0));
        assertTrue(e.getMessage().startsWith("test.json: $.agents[0].settings.epsilon: expected a number"), e.getMessage());
        e = assertThrows(UserError.class, () -> create("gradient", "{\"alpha\": 0.1, \"baseline\": 1}", 10, 0));
        assertTrue(e.getMessage().startsWith("test.json: $.agents[0].settings.baseline: expected true or false"), e.getMessage());
    }

    @Test
    @DisplayName("defaults: ucb c = 2, gradient baseline on, Thompson priors (1, 1) and N(0, 1) with noise variance 1, epsilon-greedy Q1 = 0")
    void defaults() {
        assertEquals(2.0, new UpperConfidenceBound.Settings(null, null).c());
        assertEquals(true, new GradientBandit.Settings(0.1, null).baseline());
        assertEquals(new ThompsonBeta.Settings(1.0, 1.0), new ThompsonBeta.Settings(null, null));
        assertEquals(new ThompsonGaussian.Settings(1.0, 0.0, 1.0), new ThompsonGaussian.Settings(null, null, null));
        assertEquals(new EpsilonGreedy.Settings(0.1, null, 0.0), new EpsilonGreedy.Settings(0.1, null, null));
    }

    @Test
    @DisplayName("every bandit type is registered under its config name; a non-Discrete action space is a UserError naming the type")
    void registeredTypes() {
        assertEquals(List.of("epsilon-greedy", "gradient", "thompson-beta", "thompson-gaussian", "ucb"),
                Agents.all().stream().map(AgentType::name).filter(n -> List.of("epsilon-greedy", "gradient", "thompson-beta",
                        "thompson-gaussian", "ucb").contains(n)).toList());
        AgentContext continuous = new AgentContext("ucb", new Discrete(1), new Box(new float[] {0}, new float[] {1}, new int[] {1}), new Rng(0));
        UserError e = assertThrows(UserError.class, () -> Agents.create("ucb", dev.jgym.core.config.Json.MAPPER.createObjectNode(),
                "test.json", "$.agents[0].settings", continuous));
        assertTrue(e.getMessage().startsWith("test.json: $.agents[0].settings: agent type \"ucb\" needs a Discrete action space"), e.getMessage());
        assertInstanceOf(UpperConfidenceBound.class, create("ucb", "{}", 3, 0));
    }
}
