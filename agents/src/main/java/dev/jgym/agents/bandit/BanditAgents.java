package dev.jgym.agents.bandit;

import dev.jgym.agents.AgentType;
import java.util.List;

/** The bandit strategies, by the type names configs use. */
public final class BanditAgents {
    private BanditAgents() {}

    public static List<AgentType<?>> types() {
        return List.of(
                new AgentType<>(EpsilonGreedy.TYPE, "ε-greedy action values, sample-average or constant step (S&B 2.2-2.6)",
                        EpsilonGreedy.Settings.class, EpsilonGreedy::new),
                new AgentType<>(UpperConfidenceBound.TYPE, "upper-confidence-bound action selection (S&B 2.7, UCB1 with c = sqrt 2)",
                        UpperConfidenceBound.Settings.class, UpperConfidenceBound::new),
                new AgentType<>(GradientBandit.TYPE, "soft-max preferences by stochastic gradient ascent (S&B 2.8)",
                        GradientBandit.Settings.class, GradientBandit::new),
                new AgentType<>(ThompsonBeta.TYPE, "Thompson sampling, Beta-Bernoulli posterior (rewards 0 or 1)",
                        ThompsonBeta.Settings.class, ThompsonBeta::new),
                new AgentType<>(ThompsonGaussian.TYPE, "Thompson sampling, normal posterior with known reward variance",
                        ThompsonGaussian.Settings.class, ThompsonGaussian::new));
    }
}
