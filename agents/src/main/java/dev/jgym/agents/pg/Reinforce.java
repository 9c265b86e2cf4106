package dev.jgym.agents.pg;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.core.sim.Transition;

/**
 * REINFORCE: Monte-Carlo policy-gradient control, episodic (Sutton &amp; Barto, 2nd ed., section
 * 13.3), for a linear soft-max policy π(a | s, θ) ({@link SoftmaxPolicy}):
 * <pre>
 *   Generate an episode S_0, A_0, R_1, ..., S_{T−1}, A_{T−1}, R_T, following π(· | ·, θ)
 *   Loop for each step of the episode t = 0, 1, ..., T − 1:
 *     G ← Σ_{k=t+1}^{T} γ^{k−t−1} R_k
 *     θ ← θ + α γ^t G ∇ ln π(A_t | S_t, θ)
 * </pre>
 * θ moves within the loop, so each step's gradient is taken at the θ the previous steps left. An
 * episode cut by a time limit teaches nothing (its returns are not known).
 * <p>Type name {@value #TYPE}.
 */
public final class Reinforce extends LinearPolicyAgent {
    public static final String TYPE = "reinforce";

    /** Settings, as a config gives them. */
    public record Settings(
            @JsonProperty(value = "alpha", required = true) Double alpha, // step size α > 0 (Figure 13.1: 2^-12, 2^-13, 2^-14)
            @JsonProperty("gamma") Double gamma,                           // discount γ in [0, 1] (default 1)
            @JsonProperty("features") String features,                    // "action" (default), "state-action" or "observation"
            @JsonProperty("initial_theta") double[] initialTheta,        // θ before learning (default 0: π uniform)
            @JsonProperty("min_probability") Double minProbability) { // floor ε on every π(a) (default 0: none)
        public Settings {
            alpha = stepSize("alpha", alpha);
            gamma = discount(gamma);
            features = LinearFeatures.check("features", features);
            initialTheta = checkTheta(initialTheta);
            minProbability = checkFloor(minProbability);
        }
    }

    private final Settings settings;
    private final Episode episode = new Episode();
    private double[] g = new double[64];

    public Reinforce(Settings settings, AgentContext context) {
        super(TYPE, settings.features(), settings.initialTheta(), settings.minProbability(), false, context);
        this.settings = settings;
    }

    @Override
    public void onEpisodeStart(Object observation) {
        episode.clear();
    }

    @Override
    public void observe(Transition<Object, Integer> t) {
        if (!episode.record(t)) return;
        double gamma = settings.gamma(), alpha = settings.alpha();
        g = episode.returns(gamma, g);
        double discount = 1; // γ^t
        for (int i = 0; i < episode.length; i++) {
            policy.ascend(episode.states[i], episode.actions[i], alpha * discount * g[i]);
            discount *= gamma;
        }
        episode.clear();
    }
}
