package dev.jgym.agents.mc;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.agents.tabular.Exploration;
import dev.jgym.agents.tabular.TabularAgent;
import dev.jgym.core.config.Check;
import dev.jgym.core.sim.Transition;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Off-policy Monte Carlo control with weighted importance sampling (Sutton &amp; Barto, 2nd ed.,
 * section 5.7). The target policy π is greedy in Q (lowest action on ties, so it is
 * deterministic); the behaviour policy b is ε-greedy (or softmax) in Q, and b(A_t|S_t) is kept as
 * the action is taken. At the end of each episode, from the last step back, with W = 1 at first:
 * <pre>  G ← γ G + R_{t+1};   C(S_t, A_t) ← C(S_t, A_t) + W
 *  Q(S_t, A_t) ← Q(S_t, A_t) + W / C(S_t, A_t) · (G − Q(S_t, A_t))
 *  stop if A_t ≠ π(S_t);   W ← W / b(A_t|S_t)</pre>
 * An episode cut by a time limit teaches nothing.
 * <p>Type name {@value #TYPE}.
 */
public final class OffPolicyMonteCarlo extends TabularAgent {
    public static final String TYPE = "mc-off-policy";

    /** Settings, as a config gives them; every field may be left out. */
    public record Settings(
            @JsonProperty("gamma") Double gamma,                                   // discount γ in [0, 1] (default 1)
            @JsonProperty("epsilon") Double epsilon,                               // ε of the behaviour policy, > 0 (default 0.1)
            @JsonProperty("epsilon_end") Double epsilonEnd,                        // with a schedule: the final ε
            @JsonProperty("epsilon_decay_episodes") Integer epsilonDecayEpisodes,  // with a schedule: episodes to reach it
            @JsonProperty("epsilon_schedule") String epsilonSchedule,              // "linear" (default) or "exponential"
            @JsonProperty("temperature") Double temperature,                       // softmax τ instead of ε-greedy
            @JsonProperty("initial_value") Double initialValue) {                  // Q before learning (default 0)
        public Settings {
            gamma = gamma == null ? 1.0 : gamma;
            Check.inRange("gamma", gamma, 0, 1);
            initialValue = initialValue == null ? 0.0 : initialValue;
            Check.finite("initial_value", initialValue);
            Exploration.Settings b = explore(epsilon, epsilonEnd, epsilonDecayEpisodes, epsilonSchedule, temperature);
            Check.that(b.temperature() != null || (b.epsilon() > 0 && (b.epsilonEnd() == null || b.epsilonEnd() > 0)), "epsilon",
                    "expected a number in (0, 1]: the behaviour policy must try every action (coverage)");
        }
    }

    private final double gamma;
    private final Episode episode = new Episode();
    private final double[] c;
    private double lastProbability;

    public OffPolicyMonteCarlo(Settings s, AgentContext context) {
        super(TYPE, context, explore(s.epsilon(), s.epsilonEnd(), s.epsilonDecayEpisodes(), s.epsilonSchedule(), s.temperature()),
                s.initialValue());
        this.gamma = s.gamma();
        this.c = new double[q.length];
    }

    @Override
    protected void episodeStarted() {
        episode.clear();
    }

    @Override
    protected int chooseAction(int s) {
        int a = exploration.select(q, s * nA, rng);
        lastProbability = exploration.probability(q, s * nA, a);
        return a;
    }

    @Override
    public void observe(Transition<Object, Integer> t) {
        episode.add(state(t.state()), action(t.action()), t.reward(), lastProbability);
        if (!t.terminated()) return;
        double g = 0, w = 1;
        for (int i = episode.length - 1; i >= 0; i--) {
            int s = episode.states[i], sa = s * nA + episode.actions[i];
            g = gamma * g + episode.rewards[i];
            c[sa] += w;
            q[sa] += w / c[sa] * (g - q[sa]);
            if (episode.actions[i] != Exploration.firstArgmax(q, s * nA, nA)) break;
            w /= episode.behaviour[i];
        }
    }

    @Override
    protected Map<String, double[]> tables() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("q", q);
        m.put("c", c);
        return m;
    }
}
