package dev.jgym.agents.pg;

import dev.jgym.agents.AgentContext;
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

    private final ValueSettings settings;
    private double discount; // I

    public OneStepActorCritic(ValueSettings settings, AgentContext context) {
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
