package dev.jgym.agents.tabular;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.core.config.Check;
import dev.jgym.core.sim.Transition;

/**
 * SARSA (Sutton &amp; Barto, 2nd ed., section 6.4): on-policy TD control. It chooses A' from S' by
 * its exploration rule, learns from the quintuple (S, A, R, S', A') and then takes A':
 * <pre>  Q(S, A) ← Q(S, A) + α [R + γ Q(S', A') − Q(S, A)]</pre>
 * with Q(S', A') = 0 when S' is terminal.
 * <p>Type name {@value #TYPE}.
 */
public final class Sarsa extends TabularAgent {
    public static final String TYPE = "sarsa";

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

    public Sarsa(Settings s, AgentContext context) {
        super(TYPE, context, explore(s.epsilon(), s.epsilonEnd(), s.epsilonDecayEpisodes(), s.epsilonSchedule(), s.temperature()),
                s.initialValue());
        this.alpha = s.alpha();
        this.gamma = s.gamma();
    }

    @Override
    public void observe(Transition<Object, Integer> t) {
        int sa = state(t.state()) * nA + action(t.action());
        double target = t.reward();
        if (!t.terminated()) {
            int next = state(t.next());
            int nextAction = chooseAction(next);
            target += gamma * q[next * nA + nextAction];
            if (!t.truncated()) setNextAction(next, nextAction);
        }
        q[sa] += alpha * (target - q[sa]);
    }
}
