package dev.jgym.core.scene;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An agent's view of the current state, for overlays: named vectors (Q-values, action
 * probabilities, arm estimates) and named scalars (a value estimate, epsilon). Keys sorted.
 */
public record Annotations(Map<String, double[]> vectors, Map<String, Double> scalars) {
    public static final Annotations NONE = new Annotations(Map.of(), Map.of());

    /** Conventional key: an agent's estimate of each action's value. */
    public static final String ACTION_VALUES = "action_values";
    /** Conventional key: a stochastic policy's probability of each action. */
    public static final String ACTION_PROBABILITIES = "action_probabilities";
    /** Conventional key: a search's visit count of each root action (MCTS, AlphaZero). */
    public static final String VISIT_COUNTS = "visit_counts";

    /** A per-action vector a viewer draws as bars, with its title. */
    public record Bars(String key, String title, double[] values) {}

    public Annotations {
        vectors = Collections.unmodifiableMap(new TreeMap<>(vectors));
        scalars = Collections.unmodifiableMap(new TreeMap<>(scalars));
    }

    public static Annotations vector(String name, double[] values) {
        return new Annotations(Map.of(name, values.clone()), Map.of());
    }

    /** The named vector, or {@code null}. */
    public double[] get(String name) {
        return vectors.get(name);
    }

    /**
     * The per-action vector to draw as bars: the first present of {@link #ACTION_VALUES},
     * {@link #ACTION_PROBABILITIES}, {@link #VISIT_COUNTS}; {@code null} when none is.
     */
    public Bars bars() {
        String[][] kinds = {{ACTION_VALUES, "action values"}, {ACTION_PROBABILITIES, "action probabilities"}, {VISIT_COUNTS, "search visit counts"}};
        for (String[] k : kinds) {
            double[] v = vectors.get(k[0]);
            if (v != null && v.length > 0) return new Bars(k[0], k[1], v);
        }
        return null;
    }

    public boolean isEmpty() {
        return vectors.isEmpty() && scalars.isEmpty();
    }
}
