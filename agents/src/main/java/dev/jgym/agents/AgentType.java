package dev.jgym.agents;

import dev.jgym.core.sim.Agent;

/**
 * A kind of agent that configs can name: its type name ({@code "epsilon-greedy"}), its settings
 * record (filled by Jackson from the config's {@code settings}, unknown keys rejected) and how to
 * build one.
 *
 * @param <S> the settings record
 */
public record AgentType<S>(String name, String description, Class<S> settingsType, Factory<S> factory) {

    /** Builds an agent from validated settings for the env described by {@code context}. */
    @FunctionalInterface
    public interface Factory<S> {
        Agent<?, ?> create(S settings, AgentContext context);
    }
}
