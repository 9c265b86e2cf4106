package dev.jgym.agents.linear;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.core.config.Check;
import dev.jgym.core.sim.Transition;

/**
 * The off-line λ-return algorithm (Sutton &amp; Barto, 2nd ed., section 12.1, Figure 12.3): w is
 * left alone during an episode; at its end every visited state moves toward its λ-return,
 * <pre>
 *   G^λ_t = R_{t+1} + γ [(1 − λ) v̂(S_{t+1}, w) + λ G^λ_{t+1}],   G^λ_{T−1} = R_T (+ γ v̂(S_T) if cut)
 *   w ← w + α [G^λ_t − v̂(S_t, w)] ∇v̂(S_t, w),   t = 0, ..., T − 1
 * </pre>
 * (the recursive form of (12.3), all returns from the episode's final w; the updates in order).
 * λ = 0 is one-step TD's target, λ = 1 the Monte Carlo return. Type name {@value #TYPE}.
 */
public final class OfflineLambdaReturn extends LinearPrediction {
    public static final String TYPE = "offline-lambda-return";

    /** Settings, as a config gives them; every field but {@code lambda} may be left out. */
    public record Settings(
            @JsonProperty("alpha") Double alpha,                  // step size α in (0, 1] (default 0.1)
            @JsonProperty("alpha_schedule") String alphaSchedule, // constant (default) or harmonic: α/k in episode k (StepSize)
            @JsonProperty("gamma") Double gamma,                  // discount γ in [0, 1] (default 1)
            @JsonProperty(value = "lambda", required = true) Double lambda, // λ in [0, 1]
            @JsonProperty("initial_value") Double initialValue,   // every weight before learning (default 0)
            @JsonProperty("features") Features.Settings features) { // x(s) (default one_hot)
        public Settings {
            alpha = stepSize(alpha, 0.1);
            alphaSchedule = StepSize.of(alpha, alphaSchedule).schedule();
            gamma = fraction("gamma", gamma, 1);
            Check.present("lambda", lambda);
            lambda = fraction("lambda", lambda, 0);
            initialValue = finiteOrZero(initialValue);
            features = oneHotIfAbsent(features);
        }
    }

    private final double gamma, lambda;
    private final EpisodeBuffer episode;

    public OfflineLambdaReturn(Settings s, AgentContext context) {
        super(TYPE, s.features(), s.initialValue(), StepSize.of(s.alpha(), s.alphaSchedule()), context);
        this.gamma = s.gamma();
        this.lambda = s.lambda();
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
        double[] target = new double[n];
        double g = episode.rewards.get(n - 1) + gamma * episode.tail(w);
        target[n - 1] = g;
        for (int k = n - 2; k >= 0; k--) {
            g = episode.rewards.get(k) + gamma * ((1 - lambda) * episode.x.get(k + 1).dot(w) + lambda * g);
            target[k] = g;
        }
        episode.moveToward(target, w, alpha);
    }
}
