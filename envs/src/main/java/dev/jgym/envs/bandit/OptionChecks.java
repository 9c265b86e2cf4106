package dev.jgym.envs.bandit;

import dev.jgym.core.config.Check;
import java.util.List;

/** Checks shared by the bandits' option records (each throws a {@link Check.FieldError}). */
final class OptionChecks {
    /** The most arms a bandit takes (each has its own mean and the agents' tables are k long). */
    static final int MAX_ARMS = 1_000_000;

    private OptionChecks() {}

    /** The number of arms: {@code k} if given, else the length of a per-arm list, else 10. */
    static int arms(Integer k, String listField, List<Double> list) {
        if (k != null) Check.size("k", k, MAX_ARMS);
        if (list == null) return k == null ? 10 : k;
        Check.that(!list.isEmpty(), listField, "expected at least one value, found an empty list");
        Check.that(k == null || list.size() == k, listField, "expected " + k + " values (one per arm, k = " + k + "), found " + list.size());
        return list.size();
    }

    /** A per-arm list as an array, every entry checked to lie in [low, high]. */
    static double[] values(String field, List<Double> list, int k, double low, double high) {
        Check.that(list.size() == k, field, "expected " + k + " values (one per arm), found " + list.size());
        double[] values = new double[k];
        for (int a = 0; a < k; a++) {
            Double v = list.get(a);
            Check.that(v != null, field + "[" + a + "]", "expected a number, found null");
            if (Double.isInfinite(low) && Double.isInfinite(high)) Check.finite(field + "[" + a + "]", v);
            else if (Double.isInfinite(high)) Check.nonNegative(field + "[" + a + "]", v);
            else Check.inRange(field + "[" + a + "]", v, low, high);
            values[a] = v;
        }
        return values;
    }

    /** Rejects an option that the other options make meaningless (never a silent default). */
    static void unused(String field, Object value, String because) {
        Check.that(value == null, field, "not used " + because + " (leave it out)");
    }

    /** Rejects an action outside {@code Discrete(k)} with the env's id. */
    static int arm(String id, Integer action, int k) {
        if (action == null || action < 0 || action >= k) {
            throw new IllegalArgumentException(id + ": action " + action + " is not in Discrete(" + k + ")");
        }
        return action;
    }
}
