package dev.jgym.agents.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.jgym.agents.AgentContext;
import dev.jgym.agents.Agents;
import dev.jgym.core.config.UserError;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.space.Box;
import dev.jgym.core.space.Discrete;
import dev.jgym.envs.box2d.BipedalWalkerHeuristic;
import dev.jgym.experiments.Configs;
import dev.jgym.experiments.Experiment;
import dev.jgym.experiments.ExperimentResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The agent type {@code bipedal-walker-heuristic}, as {@code configs/box2d/bipedal-walker-heuristic.json} uses it. */
class BipedalWalkerHeuristicConfigTest {

    /**
     * 20 episodes: with Gymnasium's "about 80%" reaching the end at about 315 and the rest falling
     * (-100 and whatever they had walked), the mean over many seeds is near 240 (seeds 0-99 in
     * BipedalWalkerTest: 242.9); these 20 give 156.0 (fewer of them walk to the end). A policy that
     * does not walk gets below 0 (every fall costs 100, standing costs torque). Tolerance: >= 100.
     */
    @Test
    @DisplayName("configs/box2d: the walker's heuristic walks, mean return >= 100 over the config's 20 episodes (seen: 156.0; seeds 0-99: 242.9; Gymnasium: about 80% walk to the end at about 315, openai/gym#101, #123)")
    void configWalks() {
        ExperimentResult r = Experiment.read(Configs.path("box2d/bipedal-walker-heuristic.json")).run(1, n -> { });
        double mean = r.windowMean("heuristic", "return");
        System.out.printf("bipedal-walker-heuristic.json: mean return %.2f over 20 episodes%n", mean);
        assertTrue(mean >= 100, "mean return " + mean);
    }

    @Test
    @DisplayName("the type takes no settings and refuses an env without BipedalWalker's Box(4) actions, in one line")
    void refusesOtherEnvs() {
        AgentContext cartPole = new AgentContext(BipedalWalkerHeuristic.TYPE, null, new Discrete(2), new Rng(0));
        UserError e = assertThrows(UserError.class,
                () -> Agents.create(BipedalWalkerHeuristic.TYPE, JsonNodeFactory.instance.objectNode(), "c.json", "$.agents[0].settings", cartPole));
        assertTrue(e.getMessage().contains("BipedalWalker") && !e.getMessage().contains("\n"), e.getMessage());
        Box four = new Box(new float[] {-1, -1, -1, -1}, new float[] {1, 1, 1, 1});
        AgentContext walker = new AgentContext(BipedalWalkerHeuristic.TYPE, null, four, new Rng(0));
        assertEquals(BipedalWalkerHeuristic.class,
                Agents.create(BipedalWalkerHeuristic.TYPE, JsonNodeFactory.instance.objectNode(), "c.json", "$", walker).getClass());
        assertThrows(UserError.class, () -> Agents.create(BipedalWalkerHeuristic.TYPE,
                JsonNodeFactory.instance.objectNode().put("gain", 2), "c.json", "$", walker));
    }
}
