package dev.jgym.agents.tabular;

import dev.jgym.agents.AgentContext;
import dev.jgym.agents.Agents;
import dev.jgym.core.config.Json;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Simulator;
import java.util.Map;

/** Builds an agent by type name and settings JSON and trains it with the Simulator, for the tests. */
public final class Training {
    private Training() {}

    @SuppressWarnings("unchecked")
    public static <T extends Agent<?, ?>> T agent(String type, String settingsJson, Env<?, ?> env, long seed) {
        try {
            AgentContext context = new AgentContext(type, env.observationSpace(), env.actionSpace(), new Rng(seed));
            return (T) Agents.create(type, Json.MAPPER.readTree(settingsJson), "test", "$", context);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Makes the env, trains a fresh agent for {@code episodes} episodes from env seed {@code seed}, returns the agent. */
    @SuppressWarnings("unchecked")
    public static <T extends Agent<?, ?>> T train(String envId, Map<String, Object> options, String type, String settings, int episodes, long seed) {
        try (Env<Object, Object> env = EnvRegistry.make(envId, options)) {
            Agent<Object, Object> a = agent(type, settings, env, seed * 7919 + 1);
            Simulator.builder(env, a).seed(seed).maxEpisodes(episodes).build().run();
            return (T) a;
        }
    }
}
