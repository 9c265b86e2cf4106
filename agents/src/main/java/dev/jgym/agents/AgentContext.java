package dev.jgym.agents;

import dev.jgym.core.config.UserError;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.space.Discrete;
import dev.jgym.core.space.Space;

/**
 * What an agent is built for: the env's spaces and the agent's own random stream (exploration,
 * tie-breaking, initialisation all draw from it or from its children).
 */
public record AgentContext(String typeName, Space<?> observationSpace, Space<?> actionSpace, Rng rng) {

    /** The action space as {@link Discrete}, or a clear error naming the agent type. */
    public Discrete discreteActions() {
        if (actionSpace instanceof Discrete d) return d;
        throw new UserError("agent type \"" + typeName + "\" needs a Discrete action space, the env has " + actionSpace);
    }

    /** The observation space as {@link Discrete}, or a clear error naming the agent type. */
    public Discrete discreteObservations() {
        if (observationSpace instanceof Discrete d) return d;
        throw new UserError("agent type \"" + typeName + "\" needs a Discrete observation space, the env has " + observationSpace);
    }

    /** Checks that the env is a bandit (one state, {@code Discrete(1)} observations) and returns its arms. */
    public Discrete banditArms() {
        if (!(observationSpace instanceof Discrete d) || d.n() != 1) {
            throw new UserError("agent type \"" + typeName + "\" is a bandit strategy: it needs a bandit env (one state, observation space Discrete(1)), the env has "
                    + observationSpace + "; tabular agents such as q-learning act on envs with states");
        }
        return discreteActions();
    }
}
