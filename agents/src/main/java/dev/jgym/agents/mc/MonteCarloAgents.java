package dev.jgym.agents.mc;

import dev.jgym.agents.AgentProvider;
import dev.jgym.agents.AgentType;
import java.util.List;

/**
 * The Monte Carlo agents, by the type names configs use (listed in
 * {@code META-INF/services/dev.jgym.agents.AgentProvider}).
 */
public final class MonteCarloAgents implements AgentProvider {
    @Override
    public List<AgentType<?>> types() {
        return List.of(
                new AgentType<>(MonteCarloPrediction.TYPE, "Monte Carlo prediction, first- or every-visit (S&B 5.1)",
                        MonteCarloPrediction.Settings.class, MonteCarloPrediction::new),
                new AgentType<>(MonteCarloExploringStarts.TYPE, "Monte Carlo control with exploring starts (S&B 5.3)",
                        MonteCarloExploringStarts.Settings.class, MonteCarloExploringStarts::new),
                new AgentType<>(OnPolicyMonteCarlo.TYPE, "on-policy first-visit MC control, epsilon-soft (S&B 5.4)",
                        OnPolicyMonteCarlo.Settings.class, OnPolicyMonteCarlo::new),
                new AgentType<>(OffPolicyMonteCarlo.TYPE, "off-policy MC control, weighted importance sampling (S&B 5.7)",
                        OffPolicyMonteCarlo.Settings.class, OffPolicyMonteCarlo::new),
                new AgentType<>(OffPolicyMonteCarloPrediction.TYPE,
                        "off-policy MC prediction of a target policy, ordinary or weighted importance sampling (S&B 5.5-5.6)",
                        OffPolicyMonteCarloPrediction.Settings.class, OffPolicyMonteCarloPrediction::new));
    }
}
