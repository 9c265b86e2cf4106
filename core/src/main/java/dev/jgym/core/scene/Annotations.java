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

    public boolean isEmpty() {
        return vectors.isEmpty() && scalars.isEmpty();
    }
}
