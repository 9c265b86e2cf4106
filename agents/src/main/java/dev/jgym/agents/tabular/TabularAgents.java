package dev.jgym.agents.tabular;

import dev.jgym.agents.AgentProvider;
import dev.jgym.agents.AgentType;
import java.util.List;

/**
 * The tabular TD agents, by the type names configs use (listed in
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
                new AgentType<>(NStepTdPrediction.TYPE, "n-step TD prediction of the random policy (S&B 7.1)", NStepTdPrediction.Settings.class, NStepTdPrediction::new),
                new AgentType<>(DynaQ.TYPE, "Dyna-Q: Q-learning plus planning with a model learned from experience (S&B 8.2)", DynaQ.Settings.class, DynaQ::dynaQ),
                new AgentType<>(DynaQ.TYPE_PLUS, "Dyna-Q+: Dyna-Q with an exploration bonus for untried pairs (S&B 8.3)", DynaQ.Settings.class, DynaQ::dynaQPlus),
                new AgentType<>(PrioritizedSweeping.TYPE, "prioritized sweeping with a model learned from experience (S&B 8.4)", PrioritizedSweeping.Settings.class, PrioritizedSweeping::new));
    }
}
