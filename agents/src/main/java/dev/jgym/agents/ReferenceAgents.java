package dev.jgym.agents;

import dev.jgym.envs.box2d.BipedalWalkerHeuristic;
import dev.jgym.envs.box2d.LunarLanderHeuristic;
import java.util.List;

/**
 * Fixed controllers that learn nothing: the uniformly random policy (any env), and ones written for
 * one env each (ports of Gymnasium's {@code heuristic} functions): baselines and demonstrations,
 * named in configs like any agent.
 */
public final class ReferenceAgents {
    private ReferenceAgents() {}

    /** No settings: the controller is fixed. */
    public record NoSettings() {}

    public static List<AgentType<?>> types() {
        return List.of(
                new AgentType<>(RandomAgent.TYPE, "the uniformly random policy over the action space, learning nothing (the baseline)",
                        NoSettings.class, (settings, context) -> new RandomAgent(context)),
                new AgentType<>(LunarLanderHeuristic.TYPE,
                        "Gymnasium's LunarLander heuristic (PD control of angle and hover), discrete or continuous",
                        NoSettings.class, (settings, context) -> LunarLanderHeuristic.forActionSpace(context.actionSpace())),
                new AgentType<>(BipedalWalkerHeuristic.TYPE,
                        "Gymnasium's BipedalWalker heuristic (a three-phase gait with PD joint targets)",
                        NoSettings.class, (settings, context) -> BipedalWalkerHeuristic.forActionSpace(context.actionSpace())));
    }
}
