package dev.jgym.agents.linear;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.core.config.Check;
import dev.jgym.core.sim.Transition;

/**
 * n-step semi-gradient TD prediction (Sutton &amp; Barto, 2nd ed., section 9.4 and the box of
 * section 7.1 with function approximation; Figure 9.2): once R_{τ+n} is known,
 * <pre>
 *   G ← Σ_{i=τ+1}^{min(τ+n, T)} γ^{i−τ−1} R_i  (+ γ^n v̂(S_{τ+n}, w) if τ + n &lt; T)
 *   w ← w + α [G − v̂(S_τ, w)] ∇v̂(S_τ, w)
 * </pre>
 * n = 1 is semi-gradient TD(0) (9.15). Type name {@value #TYPE}.
 */
public final class SemiGradientTd extends LinearPrediction {
    public static final String TYPE = "semi-gradient-td";

    /** Settings, as a config gives them; every field may be left out. */
    public record Settings(
            @JsonProperty("alpha") Double alpha,                  // step size α in (0, 1] (default 0.1)
            @JsonProperty("alpha_schedule") String alphaSchedule, // constant (default) or harmonic: α/k in episode k (StepSize)
            @JsonProperty("gamma") Double gamma,                  // discount γ in [0, 1] (default 1)
            @JsonProperty("n") Integer n,                         // steps before bootstrapping (default 1)
            @JsonProperty("initial_value") Double initialValue,   // every weight before learning (default 0)
            @JsonProperty("features") Features.Settings features) { // x(s) (default one_hot)
        public Settings {
            alpha = stepSize(alpha, 0.1);
            alphaSchedule = StepSize.of(alpha, alphaSchedule).schedule();
            gamma = fraction("gamma", gamma, 1);
            n = n == null ? 1 : n;
            Check.that(n >= 1 && n <= 1_000_000, "n", "expected an integer in [1, 1000000], found " + n);
            initialValue = finiteOrZero(initialValue);
            features = oneHotIfAbsent(features);
        }
    }

    private final double gamma;
    private final int n;
    private final EpisodeBuffer episode;
    private final FeatureVector next;

    public SemiGradientTd(Settings s, AgentContext context) {
        super(TYPE, s.features(), s.initialValue(), StepSize.of(s.alpha(), s.alphaSchedule()), context);
        this.gamma = s.gamma();
        this.n = s.n();
        this.episode = new EpisodeBuffer(features);
        this.next = newVector();
    }

    @Override
    protected void episodeStarted() {
        episode.clear();
    }

    @Override
    public void observe(Transition<Object, Integer> t) {
        boolean done = episode.add(t);
        int steps = episode.length(); // t + 1: R_1..R_{t+1} known
        if (!done) {
            int tau = steps - n;
            if (tau >= 0) {
                features.encode(t.next(), next);
                update(tau, steps, next.dot(w));
            }
            return;
        }
        double tail = episode.tail(w);
        for (int tau = Math.max(0, steps - n); tau < steps; tau++) update(tau, steps, tail);
    }

    /** The update of S_τ from the rewards up to step {@code end} and the value of S_end. */
    private void update(int tau, int end, double valueAtEnd) {
        double g = 0, discount = 1;
        for (int i = tau; i < end; i++) {
            g += discount * episode.rewards.get(i);
            discount *= gamma;
        }
        g += discount * valueAtEnd;
        FeatureVector x = episode.x.get(tau);
        x.addTo(w, alpha * (g - x.dot(w)));
    }
}
