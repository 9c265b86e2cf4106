package dev.jgym.core.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.rng.Rng;
import java.util.Arrays;

/**
 * A box in R^n of float32 values, each coordinate between its low and high bound (Gymnasium's
 * {@code Box} with {@code dtype=float32}). Bounds may be infinite.
 *
 * <p>Sampling follows Gymnasium per coordinate: bounded on both sides, uniform in [low, high];
 * unbounded, N(0, 1); bounded below only, {@code low + Exp(1)}; bounded above only,
 * {@code high - Exp(1)}. Values are stored flat, row-major, with the box's {@link #shape()}.
 */
public final class Box implements Space<float[]> {
    private final float[] low;
    private final float[] high;
    private final int[] shape;

    /** A box with per-coordinate bounds; the shape is {@code [low.length]}. */
    public Box(float[] low, float[] high) {
        this(low, high, new int[] {low.length});
    }

    /** A box with per-coordinate bounds (flat, row-major) and an explicit shape. */
    public Box(float[] low, float[] high, int[] shape) {
        int size = 1;
        for (int d : shape) {
            if (d <= 0) throw new IllegalArgumentException("Box shape entries must be positive: " + Arrays.toString(shape));
            size *= d;
        }
        if (low.length != size || high.length != size) {
            throw new IllegalArgumentException("Box bounds have " + low.length + " and " + high.length
                    + " entries, shape " + Arrays.toString(shape) + " needs " + size);
        }
        for (int i = 0; i < size; i++) {
            if (Float.isNaN(low[i]) || Float.isNaN(high[i]) || low[i] > high[i]) {
                throw new IllegalArgumentException("Box bound " + i + ": need low <= high, found [" + low[i] + ", " + high[i] + "]");
            }
        }
        this.low = low.clone();
        this.high = high.clone();
        this.shape = shape.clone();
    }

    /** A box with the same bounds on every coordinate. */
    public static Box uniform(float low, float high, int... shape) {
        int size = 1;
        for (int d : shape) size *= d;
        float[] lo = new float[size], hi = new float[size];
        Arrays.fill(lo, low);
        Arrays.fill(hi, high);
        return new Box(lo, hi, shape);
    }

    public float[] low() {
        return low.clone();
    }

    public float[] high() {
        return high.clone();
    }

    /** Number of coordinates. */
    public int size() {
        return low.length;
    }

    public boolean isBounded() {
        for (int i = 0; i < low.length; i++) {
            if (Float.isInfinite(low[i]) || Float.isInfinite(high[i])) return false;
        }
        return true;
    }

    @Override
    public float[] sample(Rng rng) {
        float[] x = new float[low.length];
        for (int i = 0; i < x.length; i++) {
            boolean lowFinite = !Float.isInfinite(low[i]), highFinite = !Float.isInfinite(high[i]);
            double v;
            if (lowFinite && highFinite) v = rng.uniform(low[i], high[i]);
            else if (lowFinite) v = low[i] + rng.exponential();
            else if (highFinite) v = high[i] - rng.exponential();
            else v = rng.gaussian();
            float f = (float) v;
            // rounding to float32 may step just past a bound: clip as Gymnasium's cast does in effect
            x[i] = Math.min(Math.max(f, low[i]), high[i]);
        }
        return x;
    }

    @Override
    public boolean contains(Object value) {
        if (!(value instanceof float[] x) || x.length != low.length) return false;
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= low[i] && x[i] <= high[i])) return false; // NaN fails too
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
        node.put("type", "Box");
        ArrayNode s = node.putArray("shape");
        for (int d : shape) s.add(d);
        node.set("low", Spaces.floatsToJson(low));
        node.set("high", Spaces.floatsToJson(high));
        node.put("dtype", "float32");
        return node;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high) && Arrays.equals(shape, b.shape);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(low) + Arrays.hashCode(high)) + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        boolean same = true;
        for (int i = 1; i < low.length; i++) same &= low[i] == low[0] && high[i] == high[0];
        String bounds = same ? low[0] + ", " + high[0] : Arrays.toString(low) + ", " + Arrays.toString(high);
        return "Box(" + bounds + ", " + Arrays.toString(shape) + ", float32)";
    }
}
