package dev.jgym.agents.bandit;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.core.config.Check;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Transition;
import dev.jgym.core.space.Discrete;
import java.nio.file.Path;

/**
 * Upper-confidence-bound action selection (Sutton &amp; Barto, 2nd ed., section 2.7, eq. 2.10).
 *
 * <p>Act: an arm never tried yet, if any (uniformly at random among the untried: "if N(a) = 0,
 * a is considered a maximizing action"); otherwise
 * <pre>  A_t = argmax_a [ Q(a) + c · sqrt( ln t / N(a) ) ]</pre>
 * with t the number of the current step (1 for the first pull) and ties broken uniformly at random.
 * <p>Learn: as ε-greedy, Q(A) ← Q(A) + step · (R − Q(A)) with step 1 / N(A) or a constant α.
 * <p>c = sqrt(2) with sample averages is UCB1 of Auer, Cesa-Bianchi and Fischer (2002), whose
 * t counts the pulls made so far (ours is one more: the book's convention); the book's
 * Figure 2.4 uses c = 2, our default.
 * <p>Type name {@value #TYPE}. Logarithms go through {@link StrictMath}, so runs repeat bit for
 * bit on every JVM.
 */
public final class UpperConfidenceBound implements Agent<Integer, Integer> {
    public static final String TYPE = "ucb";

    /** Settings, as a config gives them. */
    public record Settings(
            @JsonProperty("c") Double c,          // exploration weight, >= 0 (default 2; sqrt(2) is UCB1)
            @JsonProperty("alpha") Double alpha) { // constant step size in (0, 1]; absent = sample averages 1/n

        public Settings {
            c = c == null ? 2.0 : c;
            Check.nonNegative("c", c);
            if (alpha != null) Arms.stepSize("alpha", alpha);
        }
    }

    private final Settings settings;
    private final Discrete space;
    private final Integer[] actions;
    private final Rng rng;
    private final double c;
    private final ActionValues values;
    private final double[] q; // values.q, read when acting
    private final double[] upper;
    private final int[] ties;

    public UpperConfidenceBound(Settings settings, AgentContext context) {
        this.settings = settings;
        this.space = context.discreteActions();
        this.actions = Arms.actions(space);
        this.rng = context.rng();
        this.c = settings.c();
        int k = space.n();
        this.values = new ActionValues(k, 0, settings.alpha());
        this.q = values.q;
        this.upper = new double[k];
        this.ties = new int[k];
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public Integer act(Integer observation) {
        int untried = 0;
        for (int a = 0; a < q.length; a++) {
            if (values.n[a] == 0) ties[untried++] = a;
        }
        if (untried > 0) return actions[untried == 1 ? ties[0] : ties[rng.nextInt(untried)]];
        double logT = StrictMath.log(values.steps + 1);
        for (int a = 0; a < q.length; a++) upper[a] = q[a] + c * Math.sqrt(logT / values.n[a]);
        return actions[Arms.argmax(upper, ties, rng)];
    }

    @Override
    public void observe(Transition<Integer, Integer> t) {
        values.update(Arms.index(TYPE, space, t.action()), t.reward());
    }

    @Override
    public Annotations annotations() {
        return Annotations.vector(Annotations.ACTION_VALUES, q);
    }

    /** Writes Q, N and the step count as JSON ({@link ActionValues#save}). */
    @Override
    public void save(Path file) {
        values.save(file, TYPE);
    }

    @Override
    public void load(Path file) {
        values.load(file, TYPE);
    }
}
