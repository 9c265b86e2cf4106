package dev.jgym.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.core.sim.Agent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Agent types by name, from every {@link AgentProvider} on the class path. */
public final class Agents {
    private static Map<String, AgentType<?>> types;

    private Agents() {}

    private static synchronized Map<String, AgentType<?>> types() {
        if (types == null) {
            Map<String, AgentType<?>> found = new TreeMap<>();
            for (AgentProvider p : ServiceLoader.load(AgentProvider.class)) {
                for (AgentType<?> t : p.types()) {
                    if (found.putIfAbsent(t.name(), t) != null) throw new IllegalStateException("agent type registered twice: " + t.name());
                }
            }
            types = found;
        }
        return types;
    }

    /** Every agent type, sorted by name. */
    public static Collection<AgentType<?>> all() {
        return List.copyOf(types().values());
    }

    /** The type called {@code name}, or a {@link UserError} listing the known ones. */
    public static AgentType<?> type(String name) {
        AgentType<?> t = types().get(name);
        if (t == null) {
            throw new UserError("unknown agent type \"" + name + "\" (expected one of: " + String.join(", ", types().keySet()) + ")");
        }
        return t;
    }

    /**
     * Builds an agent of type {@code name} from a settings node. {@code source} and {@code path}
     * say where the node came from, so a bad setting is reported as
     * {@code file: $.agents[1].settings.epsilon: expected ...}.
     */
    public static Agent<?, ?> create(String name, JsonNode settings, String source, String path, AgentContext context) {
        return build(type(name), settings, source, path, context);
    }

    private static <S> Agent<?, ?> build(AgentType<S> type, JsonNode node, String source, String path, AgentContext context) {
        S settings = Json.bind(node, type.settingsType(), source, path);
        try {
            return type.factory().create(settings, context);
        } catch (UserError e) {
            throw e.in(source + ": " + path);
        }
    }
}
