package dev.jgym.agents;

import dev.jgym.agents.bandit.BanditAgents;
import java.util.ArrayList;
import java.util.List;

/**
 * Every agent family of this module, for {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/dev.jgym.agents.AgentProvider}). A new family adds its types here.
 */
public final class JgymAgents implements AgentProvider {
    @Override
    public List<AgentType<?>> types() {
        List<AgentType<?>> types = new ArrayList<>();
        types.addAll(BanditAgents.types());
        types.addAll(ReferenceAgents.types());
        return List.copyOf(types);
    }
}
