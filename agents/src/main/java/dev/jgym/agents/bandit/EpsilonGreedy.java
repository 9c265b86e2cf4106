package dev.jgym.agents.bandit;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Transition;
import dev.jgym.core.space.Discrete;
import java.nio.file.Path;
import java.util.Arrays;

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

    /** What {@link #save} writes. */
    record Saved(@JsonProperty(required = true) String type, @JsonProperty(required = true) Long steps,
                 @JsonProperty(required = true) double[] estimates, @JsonProperty(required = true) long[] counts) {
        Saved {
            Check.present("type", type);
            Check.present("steps", steps);
            Check.present("estimates", estimates);
            Check.present("counts", counts);
        }
    }

    private final Settings settings;
    private final Discrete space;
    private final Integer[] actions;
    private final Rng rng;
    private final double epsilon;
    private final double alpha; // 0 = sample averages
    private final double[] q;
    private final long[] n;
    private final int[] ties;
    private long steps;

    public EpsilonGreedy(Settings settings, AgentContext context) {
        this.settings = settings;
        this.space = context.discreteActions();
        this.actions = Arms.actions(space);
        this.rng = context.rng();
        this.epsilon = settings.epsilon();
        this.alpha = settings.alpha() == null ? 0 : settings.alpha();
        int k = space.n();
        this.q = new double[k];
        this.n = new long[k];
        this.ties = new int[k];
        Arrays.fill(q, settings.initialValue());
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
        int a = Arms.index(TYPE, space, t.action());
        n[a]++;
        steps++;
        double step = alpha > 0 ? alpha : 1.0 / n[a];
        q[a] += step * (t.reward() - q[a]);
    }

    @Override
    public Annotations annotations() {
        return Annotations.vector(Annotations.ACTION_VALUES, q);
    }

    /** Writes Q, N and the step count as JSON. The random stream is not saved: it belongs to the run. */
    @Override
    public void save(Path file) {
        Json.write(file, new Saved(TYPE, steps, q.clone(), n.clone()));
    }

    @Override
    public void load(Path file) {
        Saved saved = Saves.read(file, Saved.class);
        Saves.expectType(file, saved.type(), TYPE);
        Saves.expectArms(file, "estimates", saved.estimates().length, q.length);
        Saves.expectArms(file, "counts", saved.counts().length, q.length);
        Saves.expectNonNegative(file, "steps", saved.steps());
        System.arraycopy(saved.estimates(), 0, q, 0, q.length);
        System.arraycopy(saved.counts(), 0, n, 0, n.length);
        steps = saved.steps();
    }
}
