package dev.jgym.core.space;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.rng.Rng;

/**
 * A set of values an observation or an action may take (Gymnasium's {@code Space}).
 *
 * <p>Value types: {@link Discrete} gives {@code Integer}, {@link Box} gives {@code float[]},
 * {@link MultiDiscrete} and {@link MultiBinary} give {@code int[]}, {@link TupleSpace} gives a
 * {@code List<Object>} and {@link DictSpace} a {@code Map<String, Object>} in key order.
 *
 * <p>Sampling always takes the stream to draw from, so every sample is reproducible; an env
 * offers {@code env.sampleAction()}, drawn from a stream derived from its reset seed.
 *
 * @param <T> the type of the values in this space
 */
public interface Space<T> {

    /** A value drawn from the space's default distribution (see each space). */
    T sample(Rng rng);

    /** True when {@code value} is a member of this space (type, shape and bounds). */
    boolean contains(Object value);

    /** The shape of one value: {@code []} for a scalar; composites report {@code []}. */
    int[] shape();

    /** The JSON form, for example {@code {"type":"Discrete","n":2,"start":0}}. */
    JsonNode toJson();

    /** Two values of this space are equal (deep equality for arrays and composites). */
    default boolean valuesEqual(T a, T b) {
        return Spaces.deepEquals(a, b);
    }
}
