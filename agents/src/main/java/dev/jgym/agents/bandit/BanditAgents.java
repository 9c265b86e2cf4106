package dev.jgym.agents.bandit;

import dev.jgym.agents.AgentType;
import java.util.List;

/** The bandit strategies, by the type names configs use. */
public final class BanditAgents {
    private BanditAgents() {}

    /** A factory that first checks the env is a bandit (a clear line instead of a cast failure mid-run). */
    private static <S> AgentType.Factory<S> banditOnly(AgentType.Factory<S> factory) {
        return (settings, context) -> {
            context.banditArms();
            return factory.create(settings, context);
        };
    }

    public static List<AgentType<?>> types() {
        return List.of(
                new AgentType<>(EpsilonGreedy.TYPE, "ε-greedy action values, sample-average or constant step (S&B 2.2-2.6)",
                        EpsilonGreedy.Settings.class, banditOnly(EpsilonGreedy::new)),
                new AgentType<>(UpperConfidenceBound.TYPE, "upper-confidence-bound action selection (S&B 2.7, UCB1 with c = sqrt 2)",
                        UpperConfidenceBound.Settings.class, banditOnly(UpperConfidenceBound::new)),
                new AgentType<>(GradientBandit.TYPE, "soft-max preferences by stochastic gradient ascent (S&B 2.8)",
                        GradientBandit.Settings.class, banditOnly(GradientBandit::new)),
                new AgentType<>(ThompsonBeta.TYPE, "Thompson sampling, Beta-Bernoulli posterior (rewards 0 or 1)",
                        ThompsonBeta.Settings.class, banditOnly(ThompsonBeta::new)),
                new AgentType<>(ThompsonGaussian.TYPE, "Thompson sampling, normal posterior with known reward variance",
                        ThompsonGaussian.Settings.class, banditOnly(ThompsonGaussian::new)));
    }
}
