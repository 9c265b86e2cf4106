package dev.jgym.agents.tabular;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.UserError;
import dev.jgym.core.sim.Transition;

/**
 * Tabular Dyna-Q (Sutton &amp; Barto, 2nd ed., section 8.2) and Dyna-Q+ (section 8.3). After every
 * real step:
 * <pre>  (d) Q(S, A) ← Q(S, A) + α [R + γ max_a Q(S', a) − Q(S, A)]
 *  (e) Model(S, A) ← R, S'
 *  (f) n times: S, A ← a pair drawn uniformly from those in the model; R, S' ← Model(S, A);
 *      Q(S, A) ← Q(S, A) + α [R + γ max_a Q(S', a) − Q(S, A)]</pre>
 * The model ({@link LearnedModel}) is learned from experience only. Dyna-Q+ ({@value #TYPE_PLUS})
 * plans with the bonus reward R + κ √τ, τ the time steps since (S, A) was last tried for real, and
 * from its first visit to a state also plans with the actions not tried there yet, modelled as
 * leading back to that state with reward 0 (the book's footnote to Figure 8.4). It acts on the
 * same Q, ε-greedily. {@link #updates()} counts the Q updates, 1 + n per real step.
 * <p>Type names {@value #TYPE} and {@value #TYPE_PLUS}.
 */
public final class DynaQ extends TabularAgent implements CountsUpdates {
    public static final String TYPE = "dyna-q";
    public static final String TYPE_PLUS = "dyna-q-plus";

    /** Settings, as a config gives them; every field may be left out. */
    public record Settings(
            @JsonProperty("alpha") Double alpha,                       // step size α in (0, 1] (default 0.1)
            @JsonProperty("gamma") Double gamma,                       // discount γ in [0, 1] (default 0.95, the book's mazes)
            @JsonProperty("epsilon") Double epsilon,                   // ε of ε-greedy (default 0.1)
            @JsonProperty("initial_value") Double initialValue,        // Q before learning (default 0)
            @JsonProperty("planning_steps") Integer planningSteps,     // n, model updates per real step (default 5; 0 is Q-learning)
            @JsonProperty("kappa") Double kappa) {                     // Dyna-Q+ only: the exploration bonus κ (default 1e-4)
        public Settings {
            TdSettings td = new TdSettings(alpha, gamma == null ? 0.95 : gamma, epsilon, null, null, null, null, initialValue);
            alpha = td.alpha();
            gamma = td.gamma();
            epsilon = td.exploration().epsilon();
            initialValue = td.initialValue();
            planningSteps = planningSteps == null ? 5 : planningSteps;
            Check.that(planningSteps >= 0 && planningSteps <= 1_000_000, "planning_steps",
                    "expected an integer in [0, 1000000], found " + planningSteps);
            if (kappa != null) Check.that(kappa >= 0 && Double.isFinite(kappa), "kappa", "expected a number >= 0, found " + kappa);
        }

        TdSettings td() {
            return new TdSettings(alpha, gamma, epsilon, null, null, null, null, initialValue);
        }
    }

    private final double alpha;
    private final double gamma;
    private final int planningSteps;
    private final double kappa;
    private final boolean plus;
    private final LearnedModel model;
    private long time;
    private long updates;

    private DynaQ(String type, Settings s, AgentContext context, boolean plus) {
        super(type, context, s.td());
        if (!plus && s.kappa() != null) throw new UserError("kappa: only " + TYPE_PLUS + " has an exploration bonus");
        this.alpha = s.alpha();
        this.gamma = s.gamma();
        this.planningSteps = s.planningSteps();
        this.kappa = s.kappa() == null ? 1e-4 : s.kappa();
        this.plus = plus;
        this.model = new LearnedModel(states.size(), nA);
    }

    /** Dyna-Q. */
    public static DynaQ dynaQ(Settings s, AgentContext context) {
        return new DynaQ(TYPE, s, context, false);
    }

    /** Dyna-Q+. */
    public static DynaQ dynaQPlus(Settings s, AgentContext context) {
        return new DynaQ(TYPE_PLUS, s, context, true);
    }

    @Override
    public void observe(Transition<Object, Integer> t) {
        int s = state(t.state()), a = action(t.action()), next = t.terminated() ? -1 : state(t.next());
        time++;
        update(s * nA + a, t.reward(), next);
        if (plus && !model.visited(s)) model.assumeUntried(s);
        model.record(s, a, t.reward(), next, t.terminated(), time);
        for (int i = 0; i < planningSteps; i++) {
            int sa = model.sample(rng);
            double r = model.reward(sa);
            if (plus) r += kappa * Math.sqrt(time - model.lastTried(sa));
            update(sa, r, model.terminal(sa) ? -1 : model.next(sa));
        }
    }

    /** The one-step Q-learning update of pair sa toward r + γ max_a Q(next, a) (next −1: terminal). */
    private void update(int sa, double r, int next) {
        double target = r + (next < 0 ? 0 : gamma * max(q, next));
        q[sa] += alpha * (target - q[sa]);
        updates++;
    }

    @Override
    public long updates() {
        return updates;
    }

    /** The learned model (for tests and overlays). */
    public LearnedModel model() {
        return model;
    }
}
