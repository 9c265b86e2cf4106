package dev.jgym.agents.linear;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.core.config.Check;
import dev.jgym.core.sim.Transition;
import java.util.Arrays;

/**
 * Semi-gradient TD(λ) (Sutton &amp; Barto, 2nd ed., section 12.2, Figure 12.6): the backward view
 * of the λ-return with an eligibility trace z, zero at each episode's start:
 * <pre>
 *   z ← γλ z + ∇v̂(S, w)                 (accumulating; replacing: z_i ← 1 for the active x_i(S))
 *   δ ← R + γ v̂(S', w) − v̂(S, w)         (v̂(S') = 0 when S' is terminal)
 *   w ← w + α δ z
 * </pre>
 * Figure 12.6 uses accumulating traces. Type name {@value #TYPE}.
 */
public final class TdLambda extends LinearPrediction {
    public static final String TYPE = "td-lambda";

    /** Settings, as a config gives them; every field but {@code lambda} may be left out. */
    public record Settings(
            @JsonProperty("alpha") Double alpha,                  // step size α in (0, 1] (default 0.1)
            @JsonProperty("alpha_schedule") String alphaSchedule, // constant (default) or harmonic: α/k in episode k (StepSize)
            @JsonProperty("gamma") Double gamma,                  // discount γ in [0, 1] (default 1)
            @JsonProperty(value = "lambda", required = true) Double lambda, // trace decay λ in [0, 1]
            @JsonProperty("trace") String trace,                  // accumulating (default) or replacing
            @JsonProperty("initial_value") Double initialValue,   // every weight before learning (default 0)
            @JsonProperty("features") Features.Settings features) { // x(s) (default one_hot)
        public Settings {
            alpha = stepSize(alpha, 0.1);
            alphaSchedule = StepSize.of(alpha, alphaSchedule).schedule();
            gamma = fraction("gamma", gamma, 1);
            Check.present("lambda", lambda);
            lambda = fraction("lambda", lambda, 0);
            trace = trace == null ? "accumulating" : trace;
            Check.that(trace.equals("accumulating") || trace.equals("replacing"), "trace",
                    "expected accumulating or replacing, found \"" + trace + "\"");
            initialValue = finiteOrZero(initialValue);
            features = oneHotIfAbsent(features);
        }
    }

    private final double gamma, lambda;
    private final boolean replacing;
    private final double[] z;
    private final FeatureVector x, next;

    public TdLambda(Settings s, AgentContext context) {
        super(TYPE, s.features(), s.initialValue(), StepSize.of(s.alpha(), s.alphaSchedule()), context);
        this.gamma = s.gamma();
        this.lambda = s.lambda();
        this.replacing = s.trace().equals("replacing");
        this.z = new double[w.length];
        this.x = newVector();
        this.next = newVector();
    }

    @Override
    protected void episodeStarted() {
        Arrays.fill(z, 0);
    }

    @Override
    public void observe(Transition<Object, Integer> t) {
        features.encode(t.state(), x);
        double decay = gamma * lambda;
        for (int i = 0; i < z.length; i++) z[i] *= decay;
        if (replacing) {
            for (int k = 0; k < x.n; k++) z[x.index[k]] = x.value[k];
        } else {
            x.addTo(z, 1);
        }
        double vNext = 0;
        if (!t.terminated()) {
            features.encode(t.next(), next);
            vNext = next.dot(w);
        }
        double delta = t.reward() + gamma * vNext - x.dot(w);
        double step = alpha * delta;
        for (int i = 0; i < w.length; i++) w[i] += step * z[i];
    }
}
