package dev.jgym.agents.mc;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.agents.tabular.TabularAgent;
import dev.jgym.agents.tabular.ValuePrediction;
import dev.jgym.agents.tabular.ValueTable;
import dev.jgym.core.config.Check;
import dev.jgym.core.sim.Transition;

/**
 * Monte Carlo prediction (Sutton &amp; Barto, 2nd ed., section 5.1; constant-α MC, section 6.1):
 * the value of the policy it follows from complete episodes: the uniformly random policy, or the
 * deterministic {@code policy} given ({@link TargetPolicy}; Example 5.1 evaluates "stick only on
 * 20 or 21" on Blackjack, Figure 5.1). When an episode ends, from
 * the last step back with G ← γ G + R_{t+1}, on the first visit of S_t (or every visit):
 * <pre>  V(S_t) ← V(S_t) + (G − V(S_t)) / N(S_t)     (sample averages)
 *  V(S_t) ← V(S_t) + α (G − V(S_t))             (constant α, Example 6.2)</pre>
 * An episode cut by a time limit teaches nothing.
 * <p>Type name {@value #TYPE}.
 */
public final class MonteCarloPrediction extends ValuePrediction {
    public static final String TYPE = "mc-prediction";

    /** Settings, as a config gives them; every field may be left out. */
    public record Settings(
            @JsonProperty("alpha") Double alpha,                  // constant step in (0, 1]; absent = sample averages
            @JsonProperty("gamma") Double gamma,                  // discount γ in [0, 1] (default 1)
            @JsonProperty("visits") String visits,                // "first" (default) or "every"
            @JsonProperty("initial_value") Double initialValue,   // V before learning (default 0.5, as Example 6.2)
            @JsonProperty("policy") TargetPolicy policy) {        // π, the policy followed and evaluated (default: uniformly random)
        public Settings {
            if (alpha != null) TabularAgent.checkAlpha(alpha);
            gamma = gamma == null ? 1.0 : gamma;
            Check.inRange("gamma", gamma, 0, 1);
            visits = Returns.visits(visits);
            initialValue = initialValue == null ? 0.5 : initialValue;
            Check.finite("initial_value", initialValue);
        }
    }

    private final Settings settings;
    private final double[] counts;
    /** π(s) by row with a given policy (env actions), or null for the uniformly random one. */
    private final int[] policy;
    private final Episode episode = new Episode();

    public MonteCarloPrediction(Settings s, AgentContext context) {
        super(new ValueTable(TYPE, context, s.initialValue()));
        this.settings = s;
        this.counts = new double[table.v.length];
        this.policy = s.policy() == null ? null : s.policy().byRow(table.states(), context.discreteActions(), "policy");
    }

    @Override
    public Integer act(Object observation) {
        return policy == null ? super.act(observation) : policy[table.index(observation)];
    }

    @Override
    public void onEpisodeStart(Object observation) {
        super.onEpisodeStart(observation);
        episode.clear();
    }

    @Override
    public void observe(Transition<Object, Integer> t) {
        episode.add(table.index(t.state()), 0, t.reward(), 1);
        if (!t.terminated()) return;
        boolean firstVisit = settings.visits().equals("first");
        if (firstVisit) episode.markFirstVisits(table.v.length, 0);
        double[] v = table.v;
        double g = 0;
        for (int i = episode.length - 1; i >= 0; i--) {
            g = settings.gamma() * g + episode.rewards[i];
            if (firstVisit && !episode.isFirst(i)) continue;
            int s = episode.states[i];
            counts[s]++;
            v[s] += (settings.alpha() == null ? 1 / counts[s] : settings.alpha()) * (g - v[s]);
        }
    }
}
