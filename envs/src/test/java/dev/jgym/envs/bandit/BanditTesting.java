package dev.jgym.envs.bandit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import java.util.Map;

/** Shared helpers of the bandit tests. */
final class BanditTesting {
    private BanditTesting() {}

    static <E> E make(String id, Map<String, ?> options, Class<E> type) {
        Env<Integer, Integer> env = EnvRegistry.make(id, options);
        return type.cast(env.unwrapped());
    }

    /** Making {@code id} with {@code options} fails with exactly {@code message}. */
    static void rejects(String id, Map<String, ?> options, String message) {
        UserError e = assertThrows(UserError.class, () -> EnvRegistry.make(id, options));
        assertEquals(message, e.getMessage());
    }

    /** Making {@code id} with {@code options} fails with a message containing every part. */
    static void rejectsMentioning(String id, Map<String, ?> options, String... parts) {
        UserError e = assertThrows(UserError.class, () -> EnvRegistry.make(id, options));
        for (String part : parts) assertTrue(e.getMessage().contains(part), "\"" + e.getMessage() + "\" should mention " + part);
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    static double variance(double[] x) {
        double m = mean(x), s = 0;
        for (double v : x) s += (v - m) * (v - m);
        return s / (x.length - 1);
    }
}
