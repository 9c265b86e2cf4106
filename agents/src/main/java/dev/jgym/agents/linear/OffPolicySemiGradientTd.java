package dev.jgym.agents.linear;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.UserError;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.sim.Transition;
import java.util.List;

/**
 * Semi-gradient off-policy TD(0) (Sutton &amp; Barto, 2nd ed., section 11.1, equation 11.2; Figure
 * 11.2 left): it acts by a behaviour policy b and learns v̂ of a target policy π, weighting each
 * update by the importance-sampling ratio of the action taken:
 * <pre>
 *   ρ ← π(A | S) / b(A | S),   δ ← R + γ v̂(S', w) − v̂(S, w)
 *   w ← w + α ρ δ ∇v̂(S, w)
 * </pre>
 * Both policies are fixed action probabilities, the same in every state (Baird's counterexample:
 * b = (6/7, 1/7), π = (0, 1)). Type name {@value #TYPE}.
 */
public final class OffPolicySemiGradientTd extends LinearPrediction {
    public static final String TYPE = "off-policy-semi-gradient-td";

    /** Settings, as a config gives them; {@code behavior} and {@code target} are required. */
    public record Settings(
            @JsonProperty("alpha") Double alpha,                  // step size α in (0, 1] (default 0.01, Figure 11.2's)
            @JsonProperty("alpha_schedule") String alphaSchedule, // constant (default) or harmonic: α/k in episode k (StepSize)
            @JsonProperty("gamma") Double gamma,                  // discount γ in [0, 1] (default 0.99, Baird's)
            @JsonProperty(value = "behavior", required = true) List<Double> behavior, // b(a), the policy it acts by
            @JsonProperty(value = "target", required = true) List<Double> target,     // π(a), the policy it evaluates
            @JsonProperty("initial_weights") List<Double> initialWeights,             // w before learning (default all 0)
            @JsonProperty("features") Features.Settings features) { // x(s) (default one_hot)
        public Settings {
            alpha = stepSize(alpha, 0.01);
            alphaSchedule = StepSize.of(alpha, alphaSchedule).schedule();
            gamma = fraction("gamma", gamma, 0.99);
            probabilities("behavior", behavior);
            probabilities("target", target);
            Check.that(behavior.size() == target.size(), "target", "expected " + behavior.size() + " probabilities, as behavior has, found " + target.size());
            for (int a = 0; a < target.size(); a++) {
                Check.that(target.get(a) == 0 || behavior.get(a) > 0, "behavior", "the behaviour policy must take every action the target policy takes (coverage), found b(" + a + ") = 0");
            }
            if (initialWeights != null) {
                for (Double v : initialWeights) Check.that(v != null && Double.isFinite(v), "initial_weights", "expected finite numbers, found " + initialWeights);
            }
            features = oneHotIfAbsent(features);
        }

        private static void probabilities(String field, List<Double> p) {
            Check.present(field, p);
            double total = 0;
            for (Double v : p) {
                Check.that(v != null && v >= 0 && v <= 1, field, "expected probabilities in [0, 1], found " + p);
                total += v;
            }
            Check.that(Math.abs(total - 1) < 1e-9, field, "expected probabilities summing to 1, found " + p + " (sum " + total + ")");
        }
    }

    private final double gamma;
    private final double[] behavior, target;
    private final Rng rng;
    private final int start;
    private final FeatureVector x, next;

    public OffPolicySemiGradientTd(Settings s, AgentContext context) {
        super(TYPE, s.features(), 0, StepSize.of(s.alpha(), s.alphaSchedule()), context);
        int actions = context.discreteActions().n();
        if (s.behavior().size() != actions) {
            throw new UserError("agent type \"" + TYPE + "\": behavior and target give " + s.behavior().size() + " action probabilities, the env has " + actions + " actions");
        }
        if (s.initialWeights() != null) {
            if (s.initialWeights().size() != w.length) {
                throw new UserError("agent type \"" + TYPE + "\": initial_weights: expected " + w.length + " numbers, one per feature, found " + s.initialWeights().size());
            }
            for (int i = 0; i < w.length; i++) w[i] = s.initialWeights().get(i);
        }
        this.gamma = s.gamma();
        this.behavior = s.behavior().stream().mapToDouble(Double::doubleValue).toArray();
        this.target = s.target().stream().mapToDouble(Double::doubleValue).toArray();
        this.rng = context.rng();
        this.start = context.discreteActions().start();
        this.x = newVector();
        this.next = newVector();
    }

    /** An action drawn from b. */
    @Override
    public Integer act(Object observation) {
        double u = rng.nextDouble(), cumulative = 0;
        int a = 0;
        while (a < behavior.length - 1 && u >= (cumulative += behavior[a])) a++;
        return start + a;
    }

    @Override
    protected void episodeStarted() {}

    @Override
    public void observe(Transition<Object, Integer> t) {
        int a = t.action() - start;
        double rho = target[a] / behavior[a];
        features.encode(t.state(), x);
        double vNext = 0;
        if (!t.terminated()) {
            features.encode(t.next(), next);
            vNext = next.dot(w);
        }
        double delta = t.reward() + gamma * vNext - x.dot(w);
        x.addTo(w, alpha * rho * delta);
    }
}
