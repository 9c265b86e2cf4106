package dev.jgym.core.env;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a person plays an env from the keyboard: Gymnasium's {@code play} utility's
 * {@code keys_to_action}, {@code noop} and {@code fps}, declared by the env's spec.
 *
 * <p>Keys are named as on the keyboard, case-insensitively: {@code Left}, {@code Right},
 * {@code Up}, {@code Down}, {@code Space}, the letters {@code A}-{@code Z} and the digits
 * {@code 0}-{@code 9}; a combination is written {@code "Up+Left"}. While keys are held, the
 * action is that of the mapped combination with the most keys that are all held (the first
 * such in declaration order on a tie).
 *
 * @param keysToAction key combinations to actions, in declaration order
 * @param noop the action of every tick with no mapped key held (a real-time env), or
 *     {@code null} for a turn-based env, which waits for a key
 * @param fps steps per second (Gymnasium's {@code render_fps}): the clock of a real-time env, and
 *     the repeat rate of a held key in a turn-based one
 */
public record KeyControls(Map<String, Object> keysToAction, Object noop, int fps) {
    /** The key names a combination may use. */
    public static final Set<String> KEYS;

    static {
        Set<String> k = new TreeSet<>(List.of("LEFT", "RIGHT", "UP", "DOWN", "SPACE"));
        for (char c = 'A'; c <= 'Z'; c++) k.add(String.valueOf(c));
        for (char c = '0'; c <= '9'; c++) k.add(String.valueOf(c));
        KEYS = Collections.unmodifiableSet(k);
    }

    public KeyControls {
        if (keysToAction == null || keysToAction.isEmpty()) throw new IllegalArgumentException("keys: at least one key is needed");
        if (fps < 1 || fps > 240) throw new IllegalArgumentException("keys: fps must be in [1, 240], found " + fps);
        Map<String, Object> normal = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : keysToAction.entrySet()) {
            String combo = String.join("+", keysOf(e.getKey()));
            if (e.getValue() == null) throw new IllegalArgumentException("keys: " + e.getKey() + " has no action");
            if (normal.put(combo, e.getValue()) != null) throw new IllegalArgumentException("keys: " + combo + " is mapped twice");
        }
        keysToAction = Collections.unmodifiableMap(normal);
    }

    /** A turn-based env: each key press is one step; {@code pairs} alternate a combination and its action. */
    public static KeyControls turnBased(int fps, Object... pairs) {
        return new KeyControls(map(pairs), null, fps);
    }

    /** A real-time env: a step every {@code 1/fps} seconds, {@code noop} when no mapped key is held. */
    public static KeyControls realTime(int fps, Object noop, Object... pairs) {
        if (noop == null) throw new IllegalArgumentException("keys: a real-time env needs a no-op action");
        return new KeyControls(map(pairs), noop, fps);
    }

    /** Whether the env steps on its own clock (with {@link #noop()} when no key is held). */
    public boolean realTime() {
        return noop != null;
    }

    /** The action of the held keys (upper-case names), or {@code null} when no mapped combination is held. */
    public Object action(Set<String> held) {
        Object best = null;
        int bestKeys = 0;
        for (Map.Entry<String, Object> e : keysToAction.entrySet()) {
            List<String> keys = Arrays.asList(e.getKey().split("\\+"));
            if (keys.size() > bestKeys && held.containsAll(keys)) {
                best = e.getValue();
                bestKeys = keys.size();
            }
        }
        return best;
    }

    /** Whether {@code key} (upper-case) takes part in some combination. */
    public boolean uses(String key) {
        for (String combo : keysToAction.keySet()) if (Arrays.asList(combo.split("\\+")).contains(key)) return true;
        return false;
    }

    /** One line for a help banner: {@code "Left: push left, Right: push right"}, naming actions through {@code names}. */
    public String help(java.util.function.Function<Object, String> names) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : keysToAction.entrySet()) parts.add(e.getKey() + ": " + names.apply(e.getValue()));
        return String.join(", ", parts);
    }

    /** The upper-case key names of a combination such as {@code "Up+left"}, checked. */
    public static List<String> keysOf(String combo) {
        List<String> keys = new ArrayList<>();
        for (String k : combo.split("\\+")) {
            String key = k.trim().toUpperCase(Locale.ROOT);
            if (!KEYS.contains(key)) throw new IllegalArgumentException("keys: unknown key \"" + k.trim() + "\" in \"" + combo + "\" (expected one of " + KEYS + ")");
            if (keys.contains(key)) throw new IllegalArgumentException("keys: " + key + " twice in \"" + combo + "\"");
            keys.add(key);
        }
        return keys;
    }

    private static Map<String, Object> map(Object... pairs) {
        if (pairs.length == 0 || pairs.length % 2 != 0) throw new IllegalArgumentException("keys: expected combination, action pairs");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (m.put((String) pairs[i], pairs[i + 1]) != null) throw new IllegalArgumentException("keys: " + pairs[i] + " is mapped twice");
        }
        return m;
    }
}
