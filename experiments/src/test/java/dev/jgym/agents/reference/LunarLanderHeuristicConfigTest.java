package dev.jgym.agents.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.agents.AgentContext;
import dev.jgym.agents.Agents;
import dev.jgym.experiments.Configs;
import dev.jgym.experiments.Experiment;
import dev.jgym.experiments.ExperimentResult;
import dev.jgym.core.config.UserError;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.space.Discrete;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.jgym.envs.box2d.LunarLanderHeuristic;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The agent type {@code lunar-lander-heuristic}, as configs use it. */
class LunarLanderHeuristicConfigTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"box2d/lunar-lander-heuristic.json", "box2d/lunar-lander-heuristic-continuous.json"})
    @DisplayName("configs/box2d: the heuristic's 100 episodes average >= 200 (Gymnasium's reward threshold)")
    void configLands(String config) {
        ExperimentResult r = Experiment.read(Configs.path(config)).run(1, n -> { });
        double mean = r.windowMean("heuristic", "return");
        System.out.printf("%s: mean return %.2f over 100 episodes%n", config, mean);
        assertTrue(mean >= 200, "mean return " + mean);
    }

    @Test
    @DisplayName("the type takes no settings and refuses an env without LunarLander's action space, in one line")
    void refusesOtherEnvs() {
        AgentContext cartPole = new AgentContext(LunarLanderHeuristic.TYPE, null, new Discrete(2), new Rng(0));
        UserError e = assertThrows(UserError.class,
                () -> Agents.create(LunarLanderHeuristic.TYPE, JsonNodeFactory.instance.objectNode(), "c.json", "$.agents[0].settings", cartPole));
        assertTrue(e.getMessage().contains("LunarLander"), e.getMessage());
        AgentContext lander = new AgentContext(LunarLanderHeuristic.TYPE, null, new Discrete(4), new Rng(0));
        assertEquals(LunarLanderHeuristic.class,
                Agents.create(LunarLanderHeuristic.TYPE, JsonNodeFactory.instance.objectNode(), "c.json", "$", lander).getClass());
        assertThrows(UserError.class, () -> Agents.create(LunarLanderHeuristic.TYPE,
                JsonNodeFactory.instance.objectNode().put("gain", 2), "c.json", "$", lander));
    }
}
