package dev.jgym.agents.tabular;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.core.config.Check;
import dev.jgym.core.sim.Transition;

/**
 * Q-learning (Sutton &amp; Barto, 2nd ed., section 6.5): off-policy TD control. It acts by its
 * exploration rule and learns the greedy policy's values:
 * <pre>  Q(S, A) ← Q(S, A) + α [R + γ max_a Q(S', a) − Q(S, A)]</pre>
 * with max_a Q(S', a) = 0 when S' is terminal (a time limit is not: it bootstraps).
 * <p>Type name {@value #TYPE}.
 */
public final class QLearning extends TabularAgent {
    public static final String TYPE = "q-learning";

    /** Settings, as a config gives them; every field may be left out. */
    public record Settings(
            @JsonProperty("alpha") Double alpha,                                   // step size α in (0, 1] (default 0.1)
            @JsonProperty("gamma") Double gamma,                                   // discount γ in [0, 1] (default 1, the book's episodic tasks)
            @JsonProperty("epsilon") Double epsilon,                               // ε of ε-greedy (default 0.1)
            @JsonProperty("epsilon_end") Double epsilonEnd,                        // with a schedule: the final ε
            @JsonProperty("epsilon_decay_episodes") Integer epsilonDecayEpisodes,  // with a schedule: episodes to reach it
            @JsonProperty("epsilon_schedule") String epsilonSchedule,              // "linear" (default) or "exponential"
            @JsonProperty("temperature") Double temperature,                       // softmax τ instead of ε-greedy
            @JsonProperty("initial_value") Double initialValue) {                  // Q before learning (default 0)
        public Settings {
            alpha = alpha == null ? 0.1 : alpha;
            checkAlpha(alpha);
            gamma = gamma == null ? 1.0 : gamma;
            Check.inRange("gamma", gamma, 0, 1);
            initialValue = initialValue == null ? 0.0 : initialValue;
            Check.finite("initial_value", initialValue);
            explore(epsilon, epsilonEnd, epsilonDecayEpisodes, epsilonSchedule, temperature);
        }
    }

    private final double alpha;
    private final double gamma;

    public QLearning(Settings s, AgentContext context) {
        super(TYPE, context, explore(s.epsilon(), s.epsilonEnd(), s.epsilonDecayEpisodes(), s.epsilonSchedule(), s.temperature()),
                s.initialValue());
        this.alpha = s.alpha();
        this.gamma = s.gamma();
    }

    @Override
    public void observe(Transition<Object, Integer> t) {
        int sa = state(t.state()) * nA + action(t.action());
        double target = t.reward() + (t.terminated() ? 0 : gamma * max(q, state(t.next())));
        q[sa] += alpha * (target - q[sa]);
    }
}
