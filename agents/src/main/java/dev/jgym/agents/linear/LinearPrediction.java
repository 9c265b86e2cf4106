package dev.jgym.agents.linear;

import dev.jgym.agents.AgentContext;
import dev.jgym.agents.tabular.StateIndex;
import dev.jgym.agents.tabular.ValueEstimates;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.UserError;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.space.Discrete;
import java.nio.file.Path;

/**
 * What every linear prediction agent shares: it follows the uniformly random policy and learns
 * v̂(s, w) = wᵀx(s) of that policy over its {@link Features}; subclasses say how an episode's
 * steps update w. On a Discrete observation space it reports v̂ of every state
 * ({@link ValueEstimates}), so {@code values.csv} and {@code true_values} work as for tables.
 * Saved as JSON ({@link LinearWeights}).
 */
public abstract class LinearPrediction implements Agent<Object, Integer>, ValueEstimates {
    protected final Features features;
    /** The weights w. */
    protected final double[] w;
    private final String type;
    private final Discrete actions;
    private final Rng rng;
    private final StateIndex states;
    private final FeatureVector probe;
    private final StepSize stepSize;
    /** α of the current episode ({@link StepSize}). */
    protected double alpha;
    private long episodes;

    protected LinearPrediction(String type, Features.Settings settings, double initialWeight, StepSize stepSize, AgentContext context) {
        this.type = type;
        this.stepSize = stepSize;
        this.alpha = stepSize.alpha(1);
        this.features = Features.create(settings, context.observationSpace(), type);
        this.w = new double[features.size()];
        java.util.Arrays.fill(w, initialWeight);
        this.actions = context.discreteActions();
        this.rng = context.rng();
        this.states = context.observationSpace() instanceof Discrete ? StateIndex.of(context.observationSpace(), type) : null;
        this.probe = new FeatureVector(features.active());
    }

    /** Sets α for the episode that starts (the schedule's α_k, k = 1, 2, ...), then {@link #episodeStarted}. */
    @Override
    public final void onEpisodeStart(Object observation) {
        alpha = stepSize.alpha(++episodes);
        episodeStarted();
    }

    /** What a learner clears at an episode's start. */
    protected abstract void episodeStarted();

    /** A new feature vector big enough for one observation. */
    protected FeatureVector newVector() {
        return new FeatureVector(features.active());
    }

    @Override
    public Integer act(Object observation) {
        return actions.start() + rng.nextInt(actions.n());
    }

    /** v̂(s, w). */
    public double value(Object observation) {
        return features.dot(observation, w, probe);
    }

    @Override
    public StateIndex states() {
        if (states == null) throw new UserError("agent type \"" + type + "\" reports state values only on a Discrete observation space");
        return states;
    }

    @Override
    public double stateValue(int row) {
        return value(states().observation(row));
    }

    /** A copy of w. */
    public double[] weights() {
        return w.clone();
    }

    @Override
    public Annotations annotations() {
        if (states == null) return Annotations.NONE;
        double[] v = new double[states.size()];
        for (int s = 0; s < v.length; s++) v[s] = stateValue(s);
        return Annotations.vector("state_values", v);
    }

    @Override
    public void save(Path file) {
        LinearWeights.save(file, type, w, features, null);
    }

    @Override
    public void load(Path file) {
        LinearWeights.load(file, type, w, features);
    }

    static void checkAlpha(double alpha) {
        Check.that(alpha > 0 && alpha <= 1, "alpha", "expected a number in (0, 1], found " + alpha);
    }

    /** The shared settings checks: α in (0, 1], γ and λ in [0, 1], a finite initial weight; absent features are one-hot. */
    static double stepSize(Double alpha, double otherwise) {
        double a = alpha == null ? otherwise : alpha;
        checkAlpha(a);
        return a;
    }

    static double fraction(String field, Double value, double otherwise) {
        double v = value == null ? otherwise : value;
        Check.inRange(field, v, 0, 1);
        return v;
    }

    static double finiteOrZero(Double value) {
        double v = value == null ? 0 : value;
        Check.finite("initial_value", v);
        return v;
    }

    static Features.Settings oneHotIfAbsent(Features.Settings features) {
        return features == null ? new Features.Settings("one_hot", null, null, null, null, null, null, null) : features;
    }
}
