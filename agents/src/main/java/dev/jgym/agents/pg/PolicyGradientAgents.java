package dev.jgym.agents.pg;

import dev.jgym.agents.AgentProvider;
import dev.jgym.agents.AgentType;
import java.util.List;

/**
 * The book's policy-gradient agents (Sutton &amp; Barto, 2nd ed., chapter 13), linear soft-max
 * policies learning one episode at a time, by the type names configs of the {@code agents} kind
 * use (listed in {@code META-INF/services/dev.jgym.agents.AgentProvider}). The deep ones on
 * vector envs are {@link PgKind}'s.
 */
public final class PolicyGradientAgents implements AgentProvider {
    @Override
    public List<AgentType<?>> types() {
        return List.of(
                new AgentType<>(Reinforce.TYPE, "REINFORCE, Monte-Carlo policy gradient with a linear soft-max policy (S&B 13.3)",
                        Reinforce.Settings.class, Reinforce::new),
                new AgentType<>(ReinforceWithBaseline.TYPE, "REINFORCE with a learned linear state-value baseline (S&B 13.4)",
                        ValueSettings.class, ReinforceWithBaseline::new),
                new AgentType<>(OneStepActorCritic.TYPE, "one-step actor-critic: linear soft-max actor, TD(0) linear critic (S&B 13.5)",
                        ValueSettings.class, OneStepActorCritic::new));
    }
}
