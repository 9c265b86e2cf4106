package dev.jgym.agents;

import dev.jgym.core.rng.Rng;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Transition;
import dev.jgym.core.space.Space;
import java.nio.file.Path;

/**
 * The uniformly random policy: every action of the action space equally likely, whatever the
 * observation, learning nothing. The baseline of every comparison (a bandit's 1/k share of optimal
 * actions, the equiprobable policy of S&amp;B Figures 3.2 and 4.1, the random walk of Example 6.2).
 *
 * <p>Each action is {@code actionSpace.sample(rng)} from the agent's own stream, so a seed fixes
 * the actions; any space works ({@code Discrete}: {@code start + rng.nextInt(n)}).
 * <p>Type name {@value #TYPE}; no settings. It has no greedy policy to evaluate (it would have to
 * draw from its stream), and nothing to save.
 */
public final class RandomAgent implements Agent<Object, Object> {
    public static final String TYPE = "random";

    private final Space<?> actions;
    private final Rng rng;

    public RandomAgent(AgentContext context) {
        this.actions = context.actionSpace();
        this.rng = context.rng();
    }

    @Override
    public Object act(Object observation) {
        return actions.sample(rng);
    }

    @Override
    public void observe(Transition<Object, Object> transition) {}

    @Override
    public void save(Path file) {}

    @Override
    public void load(Path file) {}
}
