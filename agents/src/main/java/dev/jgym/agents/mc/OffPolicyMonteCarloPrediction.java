package dev.jgym.agents.mc;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.agents.tabular.ValuePrediction;
import dev.jgym.agents.tabular.ValueTable;
import dev.jgym.core.config.Check;
import dev.jgym.core.sim.Transition;

/**
 * Off-policy Monte Carlo prediction (Sutton &amp; Barto, 2nd ed., sections 5.5-5.6): estimate
 * v_π of a deterministic target policy π ({@link TargetPolicy}) from episodes of the uniformly
 * random behaviour policy b, b(a|s) = 1/|A|, by importance sampling. With the importance-sampling
 * ratio ρ_{t:T−1} = Π_{k=t}^{T−1} π(A_k|S_k) / b(A_k|S_k) of the rest of the episode:
 * <pre>  ordinary (5.5):  V(s) = Σ_{t∈T(s)} ρ_{t:T−1} G_t / |T(s)|
 *  weighted (5.6):  V(s) = Σ_{t∈T(s)} ρ_{t:T−1} G_t / Σ_{t∈T(s)} ρ_{t:T−1}   (0 while the sum is 0)</pre>
 * both kept incrementally, as the book's box "Off-policy MC prediction" (section 5.6, there for
 * Q): when an episode ends, with G ← 0 and W ← 1, for t = T−1, T−2, ..., 0:
 * <pre>  G ← γ G + R_{t+1}
 *  W ← W π(A_t|S_t) / b(A_t|S_t)                       (V(S_t) needs ρ_{t:T−1}, A_t's ratio included)
 *  ordinary:  N(S_t) ← N(S_t) + 1;   V(S_t) ← V(S_t) + (W G − V(S_t)) / N(S_t)
 *  weighted:  if W = 0: exit the loop
 *             C(S_t) ← C(S_t) + W;   V(S_t) ← V(S_t) + W / C(S_t) (G − V(S_t))</pre>
 * With first visits (the default, as Example 5.4 and Figure 5.4) only the first occurrence of
 * S_t in the episode updates. The weighted estimator stops at W = 0 as the box does (nothing
 * earlier can change, so V keeps its initial value until a state's first nonzero ratio); the
 * ordinary one cannot, since a zero-ratio return still counts in |T(s)|.
 * An episode cut by a time limit teaches nothing.
 * <p>Type name {@value #TYPE}.
 */
public final class OffPolicyMonteCarloPrediction extends ValuePrediction {
    public static final String TYPE = "mc-off-policy-prediction";

    /** Settings, as a config gives them; only {@code target} is required. */
    public record Settings(
            @JsonProperty("target") TargetPolicy target,          // π, the policy evaluated (required)
            @JsonProperty("sampling") String sampling,            // "ordinary" or "weighted" (default)
            @JsonProperty("gamma") Double gamma,                  // discount γ in [0, 1] (default 1)
            @JsonProperty("visits") String visits,                // "first" (default) or "every"
            @JsonProperty("initial_value") Double initialValue) { // V before any update (default 0)
        public Settings {
            Check.present("target", target);
            sampling = sampling == null ? "weighted" : sampling;
            Check.that(sampling.equals("ordinary") || sampling.equals("weighted"), "sampling",
                    "expected \"ordinary\" or \"weighted\", found \"" + sampling + "\"");
            gamma = gamma == null ? 1.0 : gamma;
            Check.inRange("gamma", gamma, 0, 1);
            visits = Returns.visits(visits);
            initialValue = initialValue == null ? 0.0 : initialValue;
            Check.finite("initial_value", initialValue);
        }
    }

    private final Settings settings;
    private final boolean weighted;
    private final boolean firstVisit;
    /** π(s) by row, worked out once from the target policy's rules. */
    private final int[] target;
    private final int actionStart;
    private final double behaviour;
    /** N(s) for ordinary importance sampling, C(s) (the sum of ratios) for weighted. */
    private final double[] counts;
    private final Episode episode = new Episode();

    public OffPolicyMonteCarloPrediction(Settings s, AgentContext context) {
        super(new ValueTable(TYPE, context, s.initialValue()));
        this.settings = s;
        this.weighted = s.sampling().equals("weighted");
        this.firstVisit = s.visits().equals("first");
        var actions = context.discreteActions();
        this.actionStart = actions.start();
        this.target = s.target().byRow(table.states(), actions, "target");
        for (int row = 0; row < target.length; row++) target[row] -= actionStart;
        this.behaviour = 1.0 / actions.n();
        this.counts = new double[table.v.length];
    }

    @Override
    public void onEpisodeStart(Object observation) {
        super.onEpisodeStart(observation);
        episode.clear();
    }

    @Override
    public void observe(Transition<Object, Integer> t) {
        int s = table.index(t.state());
        episode.add(s, t.action() - actionStart, t.reward(), behaviour);
        if (t.terminated()) learn();
    }

    private void learn() {
        Episode e = episode;
        if (firstVisit) e.markFirstVisits(table.v.length, 0);
        double[] v = table.v;
        double g = 0, w = 1;
        for (int i = e.length - 1; i >= 0; i--) {
            int s = e.states[i];
            g = settings.gamma() * g + e.rewards[i];
            w *= (e.actions[i] == target[s] ? 1.0 : 0.0) / e.behaviour[i];
            if (weighted && w == 0) break; // W = 0 from here back: the weighted estimates cannot change
            if (firstVisit && !e.isFirst(i)) continue;
            if (weighted) {
                counts[s] += w;
                v[s] += w / counts[s] * (g - v[s]);
            } else {
                counts[s]++;
                v[s] += (w * g - v[s]) / counts[s];
            }
        }
    }
}
