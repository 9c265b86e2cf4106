package dev.jgym.agents;

import java.util.List;

/**
 * A module's agent types, found through {@link java.util.ServiceLoader}: list the implementing
 * class in {@code META-INF/services/dev.jgym.agents.AgentProvider}.
 */
public interface AgentProvider {
    List<AgentType<?>> types();
}
