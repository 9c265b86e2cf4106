package dev.jgym.core.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.rng.Rng;

/**
 * The integers {@code start, start + 1, ..., start + n - 1} (Gymnasium's {@code Discrete}).
 *
 * <p>Sampling is uniform; {@link #sample(Rng, byte[])} samples uniformly among the actions whose
 * mask entry is 1 and, like Gymnasium, returns {@code start} when the mask allows none.
 */
public record Discrete(int n, int start) implements Space<Integer> {

    public Discrete {
        if (n <= 0) throw new IllegalArgumentException("Discrete needs n > 0, found " + n);
    }

    public Discrete(int n) {
        this(n, 0);
    }

    @Override
    public Integer sample(Rng rng) {
        return start + rng.nextInt(n);
    }

    /** A uniform draw among the values whose mask entry is 1 (mask length n, entries 0 or 1). */
    public Integer sample(Rng rng, byte[] mask) {
        if (mask.length != n) {
            throw new IllegalArgumentException("action mask has length " + mask.length + ", expected " + n);
        }
        int allowed = 0;
        for (byte b : mask) {
            if (b != 0 && b != 1) throw new IllegalArgumentException("action mask entries must be 0 or 1, found " + b);
            allowed += b;
        }
        if (allowed == 0) return start;
        int pick = rng.nextInt(allowed);
        for (int i = 0; i < n; i++) {
            if (mask[i] == 1 && pick-- == 0) return start + i;
        }
        throw new AssertionError("unreachable");
    }

    @Override
    public boolean contains(Object value) {
        if (!(value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte)) {
            return false;
        }
        long v = ((Number) value).longValue();
        return v >= start && v < (long) start + n;
    }

    @Override
    public int[] shape() {
        return new int[0];
    }

    @Override
    public JsonNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", "Discrete");
        node.put("n", n);
        node.put("start", start);
        return node;
    }

    @Override
    public String toString() {
        return start == 0 ? "Discrete(" + n + ")" : "Discrete(" + n + ", start=" + start + ")";
    }
}
