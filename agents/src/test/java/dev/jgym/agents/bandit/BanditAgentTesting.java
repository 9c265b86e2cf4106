package dev.jgym.agents.bandit;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jgym.agents.AgentContext;
import dev.jgym.agents.Agents;
import dev.jgym.core.config.Json;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Transition;
import dev.jgym.core.space.Discrete;
import java.io.UncheckedIOException;
import java.util.Map;

/** Shared helpers of the bandit strategy tests. */
final class BanditAgentTesting {
    static final String SOURCE = "test.json";
    static final String PATH = "$.agents[0].settings";

    private BanditAgentTesting() {}

    static AgentContext context(String type, int k, Rng rng) {
        return new AgentContext(type, new Discrete(1), new Discrete(k), rng);
    }

    /** An agent built the way an experiment builds one: type name, settings JSON, context. */
    @SuppressWarnings("unchecked")
    static Agent<Integer, Integer> create(String type, String settingsJson, int k, Rng rng) {
        try {
            return (Agent<Integer, Integer>) Agents.create(type, Json.MAPPER.readTree(settingsJson), SOURCE, PATH, context(type, k, rng));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Agent<Integer, Integer> create(String type, String settingsJson, int k, long seed) {
        return create(type, settingsJson, k, new Rng(seed));
    }

    static Transition<Integer, Integer> pull(int arm, double reward) {
        return new Transition<>(0, arm, reward, 0, false, false, Map.of());
    }

    static double[] values(Agent<Integer, Integer> agent) {
        return agent.annotations().get(Annotations.ACTION_VALUES);
    }
}
