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
import java.util.Map;

/**
 * Gradient bandit algorithm (Sutton &amp; Barto, 2nd ed., section 2.8): stochastic gradient ascent
 * on numerical preferences H(a), acting by their soft-max.
 *
 * <p>Act: A ~ π, with π(a) = e^{H(a)} / Σ_b e^{H(b)} (eq. 2.11), drawn with {@link Rng#choice}.
 * <p>Learn, after reward R_t for arm A_t (eq. 2.12):
 * <pre>
 *   H(A_t) ← H(A_t) + α (R_t − R̄_t) (1 − π_t(A_t))
 *   H(a)   ← H(a)   − α (R_t − R̄_t) π_t(a)          for every a ≠ A_t
 * </pre>
 * where the baseline R̄_t is the average of the rewards up to but not including time t, with
 * R̄_1 = R_1 (the book's final printing; so the first reward changes nothing), kept
 * incrementally (section 2.4). With {@code baseline: false}, R̄_t = 0 (Figure 2.5's lower curves).
 * <p>H starts at 0 for every arm, so all arms are equally likely. Annotations: the preferences
 * H as {@code action_values}, and π as {@code action_probabilities}.
 * <p>Type name {@value #TYPE}. Exponentials go through {@link StrictMath}, so runs repeat bit
 * for bit on every JVM.
 */
public final class GradientBandit implements Agent<Integer, Integer> {
    public static final String TYPE = "gradient";
    /** Annotation key of the soft-max policy π. */
    public static final String ACTION_PROBABILITIES = "action_probabilities";

    /** Settings, as a config gives them. */
    public record Settings(
            @JsonProperty(value = "alpha", required = true) Double alpha, // step size α > 0 (Figure 2.5: 0.1 and 0.4)
            @JsonProperty("baseline") Boolean baseline) {                  // subtract the average reward R̄ (default true)

        public Settings {
            Check.present("alpha", alpha);
            Check.positive("alpha", alpha);
            baseline = baseline == null ? Boolean.TRUE : baseline;
        }
    }

    /** What {@link #save} writes. */
    record Saved(@JsonProperty(required = true) String type, @JsonProperty(required = true) Long steps,
                 @JsonProperty(required = true) double[] preferences,
                 @JsonProperty(value = "average_reward", required = true) Double averageReward) {
        Saved {
            Check.present("type", type);
            Check.present("steps", steps);
            Check.present("preferences", preferences);
            Check.present("average_reward", averageReward);
        }
    }

    private final Settings settings;
    private final Discrete space;
    private final Integer[] actions;
    private final Rng rng;
    private final double alpha;
    private final boolean useBaseline;
    private final double[] h;
    private final double[] pi;
    private double averageReward; // R̄ over every reward so far
    private long steps;

    public GradientBandit(Settings settings, AgentContext context) {
        this.settings = settings;
        this.space = context.discreteActions();
        this.actions = Arms.actions(space);
        this.rng = context.rng();
        this.alpha = settings.alpha();
        this.useBaseline = settings.baseline();
        this.h = new double[space.n()];
        this.pi = new double[space.n()];
    }

    public Settings settings() {
        return settings;
    }

    /** π = soft-max(H), into {@link #pi}. */
    private void softmax() {
        softmax(h, pi);
    }

    /**
     * π = soft-max(h) into {@code pi} (eq. 2.11 and 13.2): the largest h is subtracted first so e^h
     * cannot overflow, and the exponentials go through {@link StrictMath}.
     */
    public static void softmax(double[] h, double[] pi) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : h) max = Math.max(max, v);
        double sum = 0;
        for (int a = 0; a < h.length; a++) {
            pi[a] = StrictMath.exp(h[a] - max);
            sum += pi[a];
        }
        for (int a = 0; a < h.length; a++) pi[a] /= sum;
    }

    @Override
    public Integer act(Integer observation) {
        softmax();
        return actions[rng.choice(pi)];
    }

    @Override
    public void observe(Transition<Integer, Integer> t) {
        int chosen = Arms.index(TYPE, space, t.action());
        double reward = t.reward();
        steps++;
        double baseline = !useBaseline ? 0 : steps == 1 ? reward : averageReward;
        softmax(); // π_t: H has not changed since the action was chosen
        double step = alpha * (reward - baseline);
        for (int a = 0; a < h.length; a++) h[a] += step * ((a == chosen ? 1 : 0) - pi[a]);
        averageReward += (reward - averageReward) / steps;
    }

    @Override
    public Annotations annotations() {
        softmax();
        return new Annotations(Map.of(Annotations.ACTION_VALUES, h.clone(), ACTION_PROBABILITIES, pi.clone()), Map.of());
    }

    /** Writes H, R̄ and the step count as JSON. The random stream is not saved: it belongs to the run. */
    @Override
    public void save(Path file) {
        Json.write(file, new Saved(TYPE, steps, h.clone(), averageReward));
    }

    @Override
    public void load(Path file) {
        Saved saved = Saves.read(file, Saved.class);
        Saves.expectType(file, saved.type(), TYPE);
        Saves.expectArms(file, "preferences", saved.preferences().length, h.length);
        Saves.expectNonNegative(file, "steps", saved.steps());
        System.arraycopy(saved.preferences(), 0, h, 0, h.length);
        averageReward = saved.averageReward();
        steps = saved.steps();
    }
}
