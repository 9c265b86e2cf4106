package dev.jgym.envs.control;

import dev.jgym.core.config.UserError;
import java.util.Map;
import java.util.Set;

/**
 * Reset options of the classic-control envs, read as Gymnasium's {@code maybe_parse_reset_bounds}
 * does: optional numbers under known keys, anything else rejected with one clear line.
 */
final class ResetOptions {
    private ResetOptions() {}

    /** Rejects keys other than {@code allowed}. */
    static void expectOnly(String env, Map<String, ?> options, Set<String> allowed) {
        for (String key : options.keySet()) {
            if (!allowed.contains(key)) {
                throw new UserError(env + ": reset options: unknown key \"" + key + "\" (expected one of: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    /** The number under {@code key}, or {@code fallback} when absent. */
    static double number(String env, Map<String, ?> options, String key, double fallback) {
        Object v = options.get(key);
        if (v == null) return fallback;
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new UserError(env + ": reset options." + key + ": expected a finite number, found " + v);
        }
        return n.doubleValue();
    }

    /** {@code [low, high]} from options {@code low} and {@code high}; low must not exceed high. */
    static double[] bounds(String env, Map<String, ?> options, double defaultLow, double defaultHigh) {
        expectOnly(env, options, Set.of("low", "high"));
        double low = number(env, options, "low", defaultLow), high = number(env, options, "high", defaultHigh);
        if (low > high) throw new UserError(env + ": reset options: expected low <= high, found low " + low + " > high " + high);
        return new double[] {low, high};
    }

    /** The error for an action outside the action space: names the action and the space. */
    static IllegalArgumentException badAction(String env, Object action, Object space) {
        String shown = action instanceof float[] f ? java.util.Arrays.toString(f) : String.valueOf(action);
        return new IllegalArgumentException(env + ": action " + shown + " is not in the action space " + space);
    }
}
