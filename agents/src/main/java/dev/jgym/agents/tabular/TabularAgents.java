package dev.jgym.agents.tabular;

import dev.jgym.agents.AgentProvider;
import dev.jgym.agents.AgentType;
import dev.jgym.agents.mc.MonteCarloExploringStarts;
import dev.jgym.agents.mc.MonteCarloPrediction;
import dev.jgym.agents.mc.OffPolicyMonteCarlo;
import dev.jgym.agents.mc.OffPolicyMonteCarloPrediction;
import dev.jgym.agents.mc.OnPolicyMonteCarlo;
import java.util.List;

/**
 * The tabular TD and Monte Carlo agents, by the type names configs use (listed in
 * {@code META-INF/services/dev.jgym.agents.AgentProvider}).
 */
public final class TabularAgents implements AgentProvider {
    @Override
    public List<AgentType<?>> types() {
        return List.of(
                new AgentType<>(QLearning.TYPE, "Q-learning, off-policy TD control (S&B 6.5)", TdSettings.class, QLearning::new),
                new AgentType<>(Sarsa.TYPE, "SARSA, on-policy TD control (S&B 6.4)", Sarsa.Settings.class, Sarsa::new),
                new AgentType<>(ExpectedSarsa.TYPE, "Expected SARSA (S&B 6.6)", TdSettings.class, ExpectedSarsa::new),
                new AgentType<>(DoubleQLearning.TYPE, "Double Q-learning (S&B 6.7)", TdSettings.class, DoubleQLearning::new),
                new AgentType<>(NStepSarsa.TYPE, "n-step SARSA (S&B 7.2)", NStepSarsa.Settings.class, NStepSarsa::new),
                new AgentType<>(SarsaLambda.TYPE, "SARSA(lambda) with eligibility traces (S&B 12.7)", SarsaLambda.Settings.class, SarsaLambda::new),
                new AgentType<>(TdPrediction.TYPE, "TD(0) prediction of the random policy (S&B 6.1)", TdPrediction.Settings.class, TdPrediction::new),
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
