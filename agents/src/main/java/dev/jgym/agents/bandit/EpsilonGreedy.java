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
 * ε-greedy action-value method (Sutton &amp; Barto, 2nd ed., sections 2.2 to 2.6).
 *
 * <p>Act: with probability ε an arm uniformly at random (any arm, the greedy one included),
 * otherwise A = argmax_a Q(a), ties broken uniformly at random.
 * <p>Learn, after reward R for arm A (eq. 2.3 / 2.5):
 * <pre>  N(A) ← N(A) + 1;   Q(A) ← Q(A) + step · (R − Q(A))</pre>
 * with step = 1 / N(A) (sample averages) or a constant α (a recency-weighted average, for
 * nonstationary arms, section 2.5). Q starts at {@code initial_value} (optimistic initial
 * values, section 2.6, when it is above the true values).
 * <p>Type name {@value #TYPE}. Every random number comes from the context's stream.
 */
public final class EpsilonGreedy implements Agent<Integer, Integer> {
    public static final String TYPE = "epsilon-greedy";

    /** Settings, as a config gives them. */
    public record Settings(
            @JsonProperty(value = "epsilon", required = true) Double epsilon, // chance of a uniformly random arm, in [0, 1]; 0 = greedy
            @JsonProperty("alpha") Double alpha,                              // constant step size in (0, 1]; absent = sample averages 1/n
            @JsonProperty("initial_value") Double initialValue) {             // Q of every arm before any reward (default 0)

        public Settings {
            Check.present("epsilon", epsilon);
            Check.inRange("epsilon", epsilon, 0, 1);
            if (alpha != null) Arms.stepSize("alpha", alpha);
            initialValue = initialValue == null ? 0.0 : initialValue;
            Check.finite("initial_value", initialValue);
        }
    }

    private final Settings settings;
    private final Discrete space;
    private final Integer[] actions;
    private final Rng rng;
    private final double epsilon;
    private final ActionValues values;
    private final double[] q; // values.q, read when acting
    private final int[] ties;

    public EpsilonGreedy(Settings settings, AgentContext context) {
        this.settings = settings;
        this.space = context.discreteActions();
        this.actions = Arms.actions(space);
        this.rng = context.rng();
        this.epsilon = settings.epsilon();
        int k = space.n();
        this.values = new ActionValues(k, settings.initialValue(), settings.alpha());
        this.q = values.q;
        this.ties = new int[k];
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public Integer act(Integer observation) {
        int a = epsilon > 0 && rng.nextDouble() < epsilon ? rng.nextInt(q.length) : Arms.argmax(q, ties, rng);
        return actions[a];
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
