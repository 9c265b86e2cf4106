package dev.jgym.agents.pg;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.core.config.Check;
import dev.jgym.core.sim.Transition;

/**
 * One-step actor-critic, episodic (Sutton &amp; Barto, 2nd ed., section 13.5): the critic
 * v̂(s, w) = wᵀ x(s) ({@link LinearValue}) learns by TD(0), and its TD error δ is the actor's
 * reinforcement, step by step:
 * <pre>
 *   I ← 1                                  (at the start of every episode)
 *   Loop while S is not terminal:
 *     A ~ π(· | S, θ); take A, observe S', R
 *     δ ← R + γ v̂(S', w) − v̂(S, w)          (v̂(S', w) = 0 if S' is terminal)
 *     w ← w + α^w δ ∇v̂(S, w)
 *     θ ← θ + α^θ I δ ∇ ln π(A | S, θ)
 *     I ← γ I;  S ← S'
 * </pre>
 * On a time-limit truncation S' is not terminal: δ bootstraps from v̂(S', w).
 * <p>Type name {@value #TYPE}.
 */
public final class OneStepActorCritic extends LinearPolicyAgent {
    public static final String TYPE = "actor-critic";

    /** Settings, as a config gives them. */
    public record Settings(
            @JsonProperty(value = "alpha_theta", required = true) Double alphaTheta, // actor step α^θ > 0
            @JsonProperty(value = "alpha_w", required = true) Double alphaW,         // critic step α^w > 0
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
    private double discount; // I

    public OneStepActorCritic(Settings settings, AgentContext context) {
        super(TYPE, settings.features(), settings.initialTheta(), settings.minProbability(), true, context);
        this.settings = settings;
    }

    /** v̂(s, w), the critic. */
    public double critic(Object s) {
        return value.value(s);
    }

    @Override
    public void onEpisodeStart(Object observation) {
        discount = 1;
    }

    @Override
    public void observe(Transition<Object, Integer> t) {
        double next = t.terminated() ? 0 : value.value(t.next());
        double delta = t.reward() + settings.gamma() * next - value.value(t.state());
        value.ascend(t.state(), settings.alphaW() * delta);
        policy.ascend(t.state(), t.action(), settings.alphaTheta() * discount * delta);
        discount *= settings.gamma();
    }
}
