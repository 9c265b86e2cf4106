package dev.jgym.replays;

import dev.jgym.core.rng.Rng;
import java.util.List;
import java.util.Map;

/**
 * A 64-bit checksum of an observation, exact to the bit: every int, float (raw bits, NaN made
 * canonical) and double goes in with a type tag and the length, so {@code [1, 0]} and
 * {@code [0, 1]}, an {@code int[]} and a {@code float[]} of the same bits, all differ. FNV-1a style
 * over 32-bit words, finished by SplitMix64's mixer. Works on every space value type: Integer,
 * int[], float[], List (Tuple) and Map (Dict, in key order).
 */
public final class ObservationChecksum {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private ObservationChecksum() {}

    public static long of(Object observation) {
        return Rng.mix64(add(OFFSET, observation));
    }

    private static long word(long h, int w) {
        return (h ^ (w & 0xffffffffL)) * PRIME;
    }

    private static long add(long h, Object v) {
        if (v instanceof Integer i) return word(word(h, 1), i);
        if (v instanceof int[] a) {
            h = word(word(h, 2), a.length);
            for (int x : a) h = word(h, x);
            return h;
        }
        if (v instanceof float[] a) {
            h = word(word(h, 3), a.length);
            for (float x : a) h = word(h, Float.floatToIntBits(x));
            return h;
        }
        if (v instanceof double[] a) {
            h = word(word(h, 4), a.length);
            for (double x : a) {
                long bits = Double.doubleToLongBits(x);
                h = word(word(h, (int) bits), (int) (bits >>> 32));
            }
            return h;
        }
        if (v instanceof Long l) return word(word(word(h, 5), (int) (long) l), (int) (l >>> 32));
        if (v instanceof Double d) return add(word(h, 6), new double[] {d});
        if (v instanceof Float f) return word(word(h, 7), Float.floatToIntBits(f));
        if (v instanceof Boolean b) return word(word(h, 8), b ? 1 : 0);
        if (v instanceof byte[] a) {
            h = word(word(h, 9), a.length);
            for (byte x : a) h = word(h, x);
            return h;
        }
        if (v instanceof List<?> list) {
            h = word(word(h, 10), list.size());
            for (Object x : list) h = add(h, x);
            return h;
        }
        if (v instanceof Map<?, ?> map) {
            h = word(word(h, 11), map.size());
            // Dict observations are sorted maps: the iteration order is the key order
            for (Map.Entry<?, ?> e : map.entrySet()) h = add(add(h, String.valueOf(e.getKey())), e.getValue());
            return h;
        }
        if (v instanceof String s) {
            h = word(word(h, 12), s.length());
            for (int i = 0; i < s.length(); i++) h = word(h, s.charAt(i));
            return h;
        }
        if (v == null) return word(h, 13);
        throw new IllegalArgumentException("cannot checksum an observation of type " + v.getClass().getName());
    }

    /** The checksum as 16 hex digits, as reports print it. */
    public static String hex(long checksum) {
        return String.format("%016x", checksum);
    }
}
