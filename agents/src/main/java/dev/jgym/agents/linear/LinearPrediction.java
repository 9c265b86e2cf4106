package dev.jgym.agents.linear;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.agents.tabular.StateIndex;
import dev.jgym.agents.tabular.ValueEstimates;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.space.Discrete;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What every linear prediction agent shares: it follows the uniformly random policy and learns
 * v̂(s, w) = wᵀx(s) of that policy over its {@link Features}; subclasses say how an episode's
 * steps update w. On a Discrete observation space it reports v̂ of every state
 * ({@link ValueEstimates}), so {@code values.csv} and {@code true_values} work as for tables.
 * Saved as JSON: the type, the weights and, for tile coding, the hash table's tuples.
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

    protected LinearPrediction(String type, Features.Settings settings, double initialWeight, AgentContext context) {
        this.type = type;
        this.features = Features.create(settings, context.observationSpace(), type);
        this.w = new double[features.size()];
        java.util.Arrays.fill(w, initialWeight);
        this.actions = context.discreteActions();
        this.rng = context.rng();
        this.states = context.observationSpace() instanceof Discrete ? StateIndex.of(context.observationSpace(), type) : null;
        this.probe = new FeatureVector(features.active());
    }

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

    /** The saved file. */
    public record Saved(@JsonProperty(required = true) String type, @JsonProperty(required = true) double[] weights,
                        List<int[]> tiles) {
        public Saved {
            Check.present("type", type);
            Check.present("weights", weights);
        }
    }

    @Override
    public void save(Path file) {
        TileCoder coder = tileCoder();
        List<int[]> tiles = coder == null ? null : coder.entries();
        Json.write(file, new Saved(type, w, tiles));
    }

    @Override
    public void load(Path file) {
        Saved s = Json.read(file, Saved.class);
        if (!type.equals(s.type())) throw new UserError(file + ": $.type: expected \"" + type + "\", found \"" + s.type() + "\"");
        if (s.weights().length != w.length) throw new UserError(file + ": $.weights: expected " + w.length + " weights, found " + s.weights().length);
        for (double v : s.weights()) if (!Double.isFinite(v)) throw new UserError(file + ": $.weights: expected finite numbers, found " + v);
        TileCoder coder = tileCoder();
        if (coder != null) {
            if (s.tiles() == null) throw new UserError(file + ": $.tiles: missing (the features are tile coded)");
            coder.restore(new ArrayList<>(s.tiles()));
            if (features instanceof Features.Cached c) c.refresh();
        }
        System.arraycopy(s.weights(), 0, w, 0, w.length);
    }

    private TileCoder tileCoder() {
        Features f = features instanceof Features.Cached c ? c.inner : features;
        return f instanceof Features.Tiles t ? t.coder : null;
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
        return features == null ? new Features.Settings("one_hot", null, null, null, null, null, null) : features;
    }
}
