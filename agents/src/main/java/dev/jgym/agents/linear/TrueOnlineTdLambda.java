package dev.jgym.agents.linear;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.core.config.Check;
import dev.jgym.core.sim.Transition;
import java.util.Arrays;

/**
 * True online TD(λ) (Sutton &amp; Barto, 2nd ed., section 12.5, Figure 12.8; van Seijen et al.
 * 2016): the on-line λ-return algorithm exactly, with a dutch trace. Per step, with x = x(S),
 * x' = x(S') (zero when S' is terminal), and z and V_old zero at each episode's start:
 * <pre>
 *   V ← wᵀx,  V' ← wᵀx',  δ ← R + γV' − V
 *   z ← γλ z + (1 − αγλ zᵀx) x
 *   w ← w + α (δ + V − V_old) z − α (V − V_old) x
 *   V_old ← V'
 * </pre>
 * Type name {@value #TYPE}.
 */
public final class TrueOnlineTdLambda extends LinearPrediction {
    public static final String TYPE = "true-online-td-lambda";

    /** Settings, as a config gives them; every field but {@code lambda} may be left out. */
    public record Settings(
            @JsonProperty("alpha") Double alpha,                  // step size α in (0, 1] (default 0.1)
            @JsonProperty("alpha_schedule") String alphaSchedule, // constant (default) or harmonic: α/k in episode k (StepSize)
            @JsonProperty("gamma") Double gamma,                  // discount γ in [0, 1] (default 1)
            @JsonProperty(value = "lambda", required = true) Double lambda, // trace decay λ in [0, 1]
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
    private final double[] z;
    private final FeatureVector x, next;
    private double vOld;

    public TrueOnlineTdLambda(Settings s, AgentContext context) {
        super(TYPE, s.features(), s.initialValue(), StepSize.of(s.alpha(), s.alphaSchedule()), context);
        this.gamma = s.gamma();
        this.lambda = s.lambda();
        this.z = new double[w.length];
        this.x = newVector();
        this.next = newVector();
    }

    @Override
    protected void episodeStarted() {
        Arrays.fill(z, 0);
        vOld = 0;
    }

    @Override
    public void observe(Transition<Object, Integer> t) {
        features.encode(t.state(), x);
        double v = x.dot(w);
        double vNext = 0;
        if (!t.terminated()) {
            features.encode(t.next(), next);
            vNext = next.dot(w);
        }
        double delta = t.reward() + gamma * vNext - v;
        double decay = gamma * lambda;
        double zx = x.dot(z);
        for (int i = 0; i < z.length; i++) z[i] *= decay;
        x.addTo(z, 1 - alpha * decay * zx);
        double a = alpha * (delta + v - vOld);
        for (int i = 0; i < w.length; i++) w[i] += a * z[i];
        x.addTo(w, -alpha * (v - vOld));
        vOld = vNext;
    }
}
