package dev.jgym.agents.mc;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.agents.tabular.TabularAgent;
import dev.jgym.core.config.Check;
import dev.jgym.core.sim.Transition;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * On-policy first-visit Monte Carlo control for ε-soft policies (Sutton &amp; Barto, 2nd ed.,
 * section 5.4): act ε-greedily (or by softmax) with respect to Q; at the end of each episode move
 * Q(S_t, A_t) toward the return G_t on the first visit of each pair, by sample averages
 * (1/N) or by a constant α:
 * <pre>  G ← γ G + R_{t+1};   Q(S_t, A_t) ← Q(S_t, A_t) + (G − Q(S_t, A_t)) / N(S_t, A_t)</pre>
 * The policy stays ε-soft, so it converges to the best ε-soft policy. An episode cut by a time
 * limit teaches nothing (its return is incomplete).
 * <p>Type name {@value #TYPE}.
 */
public final class OnPolicyMonteCarlo extends TabularAgent {
    public static final String TYPE = "mc-on-policy";

    /** Settings, as a config gives them; every field may be left out. */
    public record Settings(
            @JsonProperty("alpha") Double alpha,                                   // constant step in (0, 1]; absent = sample averages
            @JsonProperty("gamma") Double gamma,                                   // discount γ in [0, 1] (default 1)
            @JsonProperty("visits") String visits,                                 // "first" (default) or "every"
            @JsonProperty("epsilon") Double epsilon,                               // ε of the ε-soft policy (default 0.1)
            @JsonProperty("epsilon_end") Double epsilonEnd,                        // with a schedule: the final ε
            @JsonProperty("epsilon_decay_episodes") Integer epsilonDecayEpisodes,  // with a schedule: episodes to reach it
            @JsonProperty("epsilon_schedule") String epsilonSchedule,              // "linear" (default) or "exponential"
            @JsonProperty("temperature") Double temperature,                       // softmax τ instead of ε-greedy
            @JsonProperty("initial_value") Double initialValue) {                  // Q before learning (default 0)
        public Settings {
            if (alpha != null) TabularAgent.checkAlpha(alpha);
            gamma = gamma == null ? 1.0 : gamma;
            Check.inRange("gamma", gamma, 0, 1);
            visits = Returns.visits(visits);
            initialValue = initialValue == null ? 0.0 : initialValue;
            Check.finite("initial_value", initialValue);
            explore(epsilon, epsilonEnd, epsilonDecayEpisodes, epsilonSchedule, temperature);
        }
    }

    private final Returns returns;

    public OnPolicyMonteCarlo(Settings s, AgentContext context) {
        super(TYPE, context, explore(s.epsilon(), s.epsilonEnd(), s.epsilonDecayEpisodes(), s.epsilonSchedule(), s.temperature()),
                s.initialValue());
        this.returns = new Returns(q, nA, s.gamma(), s.visits().equals("first"), s.alpha());
    }

    @Override
    protected void episodeStarted() {
        returns.episode.clear();
    }

    @Override
    public void observe(Transition<Object, Integer> t) {
        returns.episode.add(state(t.state()), action(t.action()), t.reward(), 1);
        if (t.terminated()) returns.learn();
    }

    @Override
    protected Map<String, double[]> tables() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("q", q);
        m.put("n", returns.counts);
        return m;
    }
}
