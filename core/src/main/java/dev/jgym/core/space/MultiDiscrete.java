package dev.jgym.core.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.rng.Rng;
import java.util.Arrays;

/**
 * A vector of discrete values, coordinate i in {@code start[i] .. start[i] + nvec[i] - 1}
 * (Gymnasium's {@code MultiDiscrete}); values are {@code int[]}. Sampling is uniform per coordinate.
 */
public final class MultiDiscrete implements Space<int[]> {
    private final int[] nvec;
    private final int[] start;

    public MultiDiscrete(int... nvec) {
        this(nvec, new int[nvec.length]);
    }

    public MultiDiscrete(int[] nvec, int[] start) {
        if (nvec.length == 0) throw new IllegalArgumentException("MultiDiscrete needs at least one coordinate");
        if (start.length != nvec.length) {
            throw new IllegalArgumentException("MultiDiscrete start has " + start.length + " entries, nvec " + nvec.length);
        }
        for (int n : nvec) {
            if (n <= 0) throw new IllegalArgumentException("MultiDiscrete nvec entries must be positive: " + Arrays.toString(nvec));
        }
        this.nvec = nvec.clone();
        this.start = start.clone();
    }

    public int[] nvec() {
        return nvec.clone();
    }

    public int[] start() {
        return start.clone();
    }

    @Override
    public int[] sample(Rng rng) {
        int[] x = new int[nvec.length];
        for (int i = 0; i < x.length; i++) x[i] = start[i] + rng.nextInt(nvec[i]);
        return x;
    }

    @Override
    public boolean contains(Object value) {
        if (!(value instanceof int[] x) || x.length != nvec.length) return false;
        for (int i = 0; i < x.length; i++) {
            if (x[i] < start[i] || (long) x[i] >= (long) start[i] + nvec[i]) return false;
        }
        return true;
    }

    @Override
    public int[] shape() {
        return new int[] {nvec.length};
    }

    @Override
    public JsonNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", "MultiDiscrete");
        Arrays.stream(nvec).forEach(node.putArray("nvec")::add);
        Arrays.stream(start).forEach(node.putArray("start")::add);
        return node;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiDiscrete m && Arrays.equals(nvec, m.nvec) && Arrays.equals(start, m.start);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(nvec) + Arrays.hashCode(start);
    }

    @Override
    public String toString() {
        return "MultiDiscrete(" + Arrays.toString(nvec) + ")";
    }
}
