package dev.jgym.core.env;

import java.util.Map;

/**
 * The legal actions an env reports in its reset and step info under {@code "action_mask"}
 * (Gymnasium's convention, as Taxi-v3 does): a {@code byte[n]} over a {@code Discrete(n)} action
 * space, 1 where the action is legal, 0 where it is not. Agents that act on it read it with
 * {@link #copy}; an observation with every entry 0 is one nothing can be done in.
 */
public final class ActionMask {
    private ActionMask() {}

    /** The info key. */
    public static final String KEY = "action_mask";

    /** The info's mask when it holds one of {@code n} bytes, else null. */
    public static byte[] of(Map<String, ?> info, int n) {
        return info.get(KEY) instanceof byte[] mask && mask.length == n ? mask : null;
    }

    /**
     * Copies the info's mask of {@code n} bytes into {@code out[offset .. offset + n)}; an info
     * without one is an {@link IllegalArgumentException} naming what it holds instead.
     */
    public static void copy(Map<String, ?> info, int n, byte[] out, int offset) {
        byte[] mask = of(info, n);
        if (mask == null) {
            Object found = info.get(KEY);
            throw new IllegalArgumentException("expected an info \"" + KEY + "\" of " + n + " bytes, found "
                    + (found == null ? "none (info keys " + info.keySet() + ")" : found instanceof byte[] b ? b.length + " bytes" : found.getClass().getSimpleName()));
        }
        System.arraycopy(mask, 0, out, offset, n);
    }
}
