package dev.jgym.agents.linear;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.core.sim.Transition;

/**
 * Gradient Monte Carlo prediction (Sutton &amp; Barto, 2nd ed., section 9.3, Figures 9.1 and 9.5):
 * at each episode's end, in order t = 0, ..., T − 1,
 * <pre>  w ← w + α [G_t − v̂(S_t, w)] ∇v̂(S_t, w)</pre>
 * with G_t the discounted return that followed S_t. Type name {@value #TYPE}.
 */
public final class GradientMonteCarlo extends LinearPrediction {
    public static final String TYPE = "gradient-mc";

    /** Settings, as a config gives them; every field may be left out. */
    public record Settings(
            @JsonProperty("alpha") Double alpha,                  // step size α in (0, 1] (default 2e-5, Figure 9.1's)
            @JsonProperty("alpha_schedule") String alphaSchedule, // constant (default) or harmonic: α/k in episode k (StepSize)
            @JsonProperty("gamma") Double gamma,                  // discount γ in [0, 1] (default 1)
            @JsonProperty("initial_value") Double initialValue,   // every weight before learning (default 0)
            @JsonProperty("features") Features.Settings features) { // x(s) (default one_hot)
        public Settings {
            alpha = stepSize(alpha, 2e-5);
            alphaSchedule = StepSize.of(alpha, alphaSchedule).schedule();
            gamma = fraction("gamma", gamma, 1);
            initialValue = finiteOrZero(initialValue);
            features = oneHotIfAbsent(features);
        }
    }

    private final double gamma;
    private final EpisodeBuffer episode;

    public GradientMonteCarlo(Settings s, AgentContext context) {
        super(TYPE, s.features(), s.initialValue(), StepSize.of(s.alpha(), s.alphaSchedule()), context);
        this.gamma = s.gamma();
        this.episode = new EpisodeBuffer(features);
    }

    @Override
    protected void episodeStarted() {
        episode.clear();
    }

    @Override
    public void observe(Transition<Object, Integer> t) {
        if (!episode.add(t)) return;
        int n = episode.length();
        double[] g = new double[n];
        double ret = episode.tail(w);
        for (int k = n - 1; k >= 0; k--) {
            ret = episode.rewards.get(k) + gamma * ret;
            g[k] = ret;
        }
        episode.moveToward(g, w, alpha);
    }
}
