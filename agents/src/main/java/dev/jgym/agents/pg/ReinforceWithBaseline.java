package dev.jgym.agents.pg;

import dev.jgym.agents.AgentContext;
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

    private final ValueSettings settings;
    private final Episode episode = new Episode();
    private double[] g = new double[64];

    public ReinforceWithBaseline(ValueSettings settings, AgentContext context) {
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
        if (!episode.record(t)) return;
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
