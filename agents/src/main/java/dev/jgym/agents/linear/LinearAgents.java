package dev.jgym.agents.linear;

import dev.jgym.agents.AgentProvider;
import dev.jgym.agents.AgentType;
import java.util.List;

/**
 * The learners with linear function approximation, by the type names configs use (listed in
 * {@code META-INF/services/dev.jgym.agents.AgentProvider}).
 */
public final class LinearAgents implements AgentProvider {
    @Override
    public List<AgentType<?>> types() {
        return List.of(
                new AgentType<>(GradientMonteCarlo.TYPE, "gradient Monte Carlo prediction, linear features (S&B 9.3)", GradientMonteCarlo.Settings.class, GradientMonteCarlo::new),
                new AgentType<>(SemiGradientTd.TYPE, "n-step semi-gradient TD prediction, linear features (S&B 9.4, 7.1)", SemiGradientTd.Settings.class, SemiGradientTd::new),
                new AgentType<>(OfflineLambdaReturn.TYPE, "the off-line lambda-return algorithm, linear features (S&B 12.1)", OfflineLambdaReturn.Settings.class, OfflineLambdaReturn::new),
                new AgentType<>(TdLambda.TYPE, "semi-gradient TD(lambda), accumulating or replacing traces (S&B 12.2)", TdLambda.Settings.class, TdLambda::new),
                new AgentType<>(TrueOnlineTdLambda.TYPE, "true online TD(lambda), dutch traces (S&B 12.5)", TrueOnlineTdLambda.Settings.class, TrueOnlineTdLambda::new),
                new AgentType<>(OffPolicySemiGradientTd.TYPE, "semi-gradient off-policy TD(0): acts by b, learns v of pi with importance-sampling ratios (S&B 11.1)", OffPolicySemiGradientTd.Settings.class, OffPolicySemiGradientTd::new),
                new AgentType<>(SemiGradientSarsa.TYPE, "n-step semi-gradient SARSA over x(s, a): episodic, or differential with beta (S&B 10.1-10.5)", SemiGradientSarsa.Settings.class, SemiGradientSarsa::new));
    }
}
