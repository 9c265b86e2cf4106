package dev.jgym.agents.pg;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.agents.bandit.GradientBandit;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.sim.Agent;
import java.nio.file.Path;

/**
 * What the book's policy-gradient agents of chapter 13 share: a {@link SoftmaxPolicy} they act
 * by, an optional {@link LinearValue}, the annotations (π at the last observation, as
 * {@code action_probabilities}) and save/load of θ and w. Subclasses only say how they learn
 * ({@link #observe}).
 */
abstract class LinearPolicyAgent implements Agent<Object, Integer> {

    /** What {@link #save} writes. */
    record Saved(@JsonProperty(required = true) String type, @JsonProperty(required = true) double[] theta,
                 @JsonProperty("w") double[] w) {
        Saved {
            Check.present("type", type);
            Check.present("theta", theta);
        }
    }

    private final String type;
    protected final SoftmaxPolicy policy;
    protected final LinearValue value; // null without a baseline or critic
    private Object last;

    protected LinearPolicyAgent(String type, String features, double[] initialTheta, double floor, boolean withValue, AgentContext context) {
        this.type = type;
        LinearFeatures x = new LinearFeatures(features, context);
        if (initialTheta != null && initialTheta.length != x.policySize()) {
            throw new UserError("agent type \"" + type + "\": initial_theta: expected " + x.policySize() + " numbers (features \"" + features
                    + "\" with " + x.actions() + " actions), found " + initialTheta.length);
        }
        if (floor * x.actions() >= 1) {
            throw new UserError("agent type \"" + type + "\": min_probability: expected a number below 1/" + x.actions() + " (one per action), found " + floor);
        }
        this.policy = new SoftmaxPolicy(x, initialTheta, floor, context.rng());
        this.value = withValue ? new LinearValue(x) : null;
    }

    /** The settings' check of {@code initial_theta}: finite numbers (the length is checked against the env). */
    static double[] checkTheta(double[] theta) {
        if (theta != null) for (int i = 0; i < theta.length; i++) Check.finite("initial_theta[" + i + "]", theta[i]);
        return theta;
    }

    /** The settings' check of a step size (α, α^θ, α^w): present and positive. */
    static Double stepSize(String field, Double alpha) {
        Check.present(field, alpha);
        Check.positive(field, alpha);
        return alpha;
    }

    /** The settings' check of {@code gamma}: in [0, 1] (1 when absent, the book's episodic tasks). */
    static Double discount(Double gamma) {
        if (gamma == null) return 1.0;
        Check.inRange("gamma", gamma, 0, 1);
        return gamma;
    }

    /** The settings' check of {@code min_probability}: in [0, 0.5) (0 when absent). */
    static double checkFloor(Double floor) {
        if (floor == null) return 0;
        Check.that(floor >= 0 && floor < 0.5, "min_probability", "expected a number in [0, 0.5), found " + floor);
        return floor;
    }

    /** A ~ π(· | S, θ). */
    @Override
    public Integer act(Object observation) {
        last = observation;
        return policy.sample(observation);
    }

    /** π(· | s, θ), a copy. */
    public double[] probabilities(Object s) {
        return policy.probabilities(s).clone();
    }

    /** A copy of θ. */
    public double[] theta() {
        return policy.theta.clone();
    }

    @Override
    public Annotations annotations() {
        if (last == null) return Annotations.NONE;
        return Annotations.vector(GradientBandit.ACTION_PROBABILITIES, probabilities(last));
    }

    /** Writes θ (and w) as JSON. The random stream is not saved: it belongs to the run. */
    @Override
    public void save(Path file) {
        Json.write(file, new Saved(type, policy.theta.clone(), value == null ? null : value.w.clone()));
    }

    @Override
    public void load(Path file) {
        Saved saved = Json.read(file, Saved.class);
        if (!type.equals(saved.type())) {
            throw new UserError(file + ": $.type: expected \"" + type + "\" (a file saved by that agent type), found \"" + saved.type() + "\"");
        }
        copy(file, "theta", saved.theta(), policy.theta);
        if (value != null) copy(file, "w", saved.w(), value.w);
    }

    private static void copy(Path file, String field, double[] from, double[] to) {
        if (from == null || from.length != to.length) {
            throw new UserError(file + ": $." + field + ": expected " + to.length + " numbers, found " + (from == null ? "none" : from.length));
        }
        System.arraycopy(from, 0, to, 0, to.length);
    }

    /** One episode's S_t, A_t and R_{t+1}, for the Monte Carlo methods that learn when it is over. */
    static final class Episode {
        Object[] states = new Object[64];
        int[] actions = new int[64];
        double[] rewards = new double[64];
        int length;

        void add(Object s, int a, double r) {
            if (length == states.length) {
                states = java.util.Arrays.copyOf(states, 2 * length);
                actions = java.util.Arrays.copyOf(actions, 2 * length);
                rewards = java.util.Arrays.copyOf(rewards, 2 * length);
            }
            states[length] = s;
            actions[length] = a;
            rewards[length] = r;
            length++;
        }

        /** G_t = Σ_{k=t+1}^{T} γ^{k−t−1} R_k for every t, into {@code g} (grown as needed). */
        double[] returns(double gamma, double[] g) {
            if (g.length < length) g = new double[states.length];
            double sum = 0;
            for (int t = length - 1; t >= 0; t--) {
                sum = rewards[t] + gamma * sum;
                g[t] = sum;
            }
            return g;
        }

        void clear() {
            java.util.Arrays.fill(states, 0, length, null);
            length = 0;
        }

        /**
         * Adds a step; true when it ended the episode (terminated) and the episode is there to learn
         * from. A time-limit truncation forgets the episode (its returns are not known).
         */
        boolean record(dev.jgym.core.sim.Transition<Object, Integer> t) {
            add(t.state(), t.action(), t.reward());
            if (!t.terminated() && t.truncated()) clear();
            return t.terminated();
        }
    }
}
