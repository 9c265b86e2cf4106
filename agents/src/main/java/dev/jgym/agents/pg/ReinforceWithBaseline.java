package dev.jgym.agents.pg;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.core.config.Check;
import dev.jgym.core.sim.Transition;

/**
 * REINFORCE with baseline, episodic (Sutton &amp; Barto, 2nd ed., section 13.4): a learned
 * state-value v̂(s, w) = wᵀ x(s) ({@link LinearValue}) is subtracted from the return:
 * <pre>
 *   Generate an episode S_0, A_0, R_1, ..., S_{T−1}, A_{T−1}, R_T, following π(· | ·, θ)
 *   Loop for each step of the episode t = 0, 1, ..., T − 1:
 *     G ← Σ_{k=t+1}^{T} γ^{k−t−1} R_k
 *     δ ← G − v̂(S_t, w)
 *     w ← w + α^w δ ∇v̂(S_t, w)
 *     θ ← θ + α^θ γ^t δ ∇ ln π(A_t | S_t, θ)
 * </pre>
 * With the features {@code action}, x(s) = [1] and v̂ is one number for every state (Figure
 * 13.2). An episode cut by a time limit teaches nothing.
 * <p>Type name {@value #TYPE}.
 */
public final class ReinforceWithBaseline extends LinearPolicyAgent {
    public static final String TYPE = "reinforce-baseline";

    /** Settings, as a config gives them. */
    public record Settings(
            @JsonProperty(value = "alpha_theta", required = true) Double alphaTheta, // policy step α^θ > 0 (Figure 13.2: 2^-9)
            @JsonProperty(value = "alpha_w", required = true) Double alphaW,         // baseline step α^w > 0 (Figure 13.2: 2^-6)
            @JsonProperty("gamma") Double gamma,                                      // discount γ in [0, 1] (default 1)
            @JsonProperty("features") String features,                               // "action" (default), "state-action" or "observation"
            @JsonProperty("initial_theta") double[] initialTheta,                   // θ before learning (default 0: π uniform)
            @JsonProperty("min_probability") Double minProbability) { // floor ε on every π(a) (default 0: none)
        public Settings {
            Check.present("alpha_theta", alphaTheta);
            Check.positive("alpha_theta", alphaTheta);
            Check.present("alpha_w", alphaW);
            Check.positive("alpha_w", alphaW);
            gamma = gamma == null ? 1.0 : gamma;
            Check.inRange("gamma", gamma, 0, 1);
            features = LinearFeatures.check("features", features);
            initialTheta = checkTheta(initialTheta);
            minProbability = checkFloor(minProbability);
        }
    }

    private final Settings settings;
    private final Episode episode = new Episode();
    private double[] g = new double[64];

    public ReinforceWithBaseline(Settings settings, AgentContext context) {
        super(TYPE, settings.features(), settings.initialTheta(), settings.minProbability(), true, context);
        this.settings = settings;
    }

    /** v̂(s, w), the baseline. */
    public double baseline(Object s) {
        return value.value(s);
    }

    @Override
    public void onEpisodeStart(Object observation) {
        episode.clear();
    }

    @Override
    public void observe(Transition<Object, Integer> t) {
        episode.add(t.state(), t.action(), t.reward());
        if (!t.terminated()) {
            if (t.truncated()) episode.clear();
            return;
        }
        double gamma = settings.gamma();
        g = episode.returns(gamma, g);
        double discount = 1; // γ^t
        for (int i = 0; i < episode.length; i++) {
            Object s = episode.states[i];
            double delta = g[i] - value.value(s);
            value.ascend(s, settings.alphaW() * delta);
            policy.ascend(s, episode.actions[i], settings.alphaTheta() * discount * delta);
            discount *= gamma;
        }
        episode.clear();
    }
}
