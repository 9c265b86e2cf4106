package dev.jgym.core.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.rng.Rng;
import java.util.Arrays;

/**
 * Binary vectors of a given shape (Gymnasium's {@code MultiBinary}); values are {@code int[]} of
 * zeros and ones, flat and row-major. Sampling draws each entry 0 or 1 with probability 1/2.
 */
public final class MultiBinary implements Space<int[]> {
    private final int[] shape;
    private final int size;

    public MultiBinary(int... shape) {
        if (shape.length == 0) throw new IllegalArgumentException("MultiBinary needs a shape");
        int n = 1;
        for (int d : shape) {
            if (d <= 0) throw new IllegalArgumentException("MultiBinary shape entries must be positive: " + Arrays.toString(shape));
            n *= d;
        }
        this.shape = shape.clone();
        this.size = n;
    }

    public int size() {
        return size;
    }

    @Override
    public int[] sample(Rng rng) {
        int[] x = new int[size];
        for (int i = 0; i < size; i++) x[i] = rng.nextBoolean() ? 1 : 0;
        return x;
    }

    @Override
    public boolean contains(Object value) {
        if (!(value instanceof int[] x) || x.length != size) return false;
        for (int v : x) {
            if (v != 0 && v != 1) return false;
        }
        return true;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public JsonNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", "MultiBinary");
        Arrays.stream(shape).forEach(node.putArray("shape")::add);
        return node;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiBinary m && Arrays.equals(shape, m.shape);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "MultiBinary(" + (shape.length == 1 ? shape[0] : Arrays.toString(shape)) + ")";
    }
}
