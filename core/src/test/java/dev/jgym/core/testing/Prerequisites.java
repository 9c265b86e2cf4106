package dev.jgym.core.testing;

import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine that the setup provides: the data sets
 * ({@code scripts/fetch-data.sh}, run by {@code ./jgym test}), a display or {@code xvfb-run}, an
 * OpenCL platform (PoCL), the last two from {@code scripts/setup.sh}. When one is missing the test
 * is skipped with the reason; under {@code CI=true} it fails with the same reason instead, since
 * there the setup has run and a skip would hide that part of the suite.
 *
 * <p>Other modules' tests reach this class through jgym-core's test jar.
 */
public final class Prerequisites {
    private Prerequisites() {}

    /**
     * Skips the test (fails it under {@code CI=true}) unless {@code present}.
     *
     * @param missing what is missing and how to get it, e.g. "MNIST is not in ... (fetch it with: ...)"
     */
    public static void require(boolean present, String missing) {
        require(present, missing, System.getenv());
    }

    /** As {@link #require(boolean, String)}, with {@code CI} read from {@code env} (the rule's own tests pass theirs). */
    public static void require(boolean present, String missing, Map<String, String> env) {
        if (present) return;
        if (ci(env)) Assertions.fail("CI=true, where the setup provides it, and it is missing: " + missing);
        Assumptions.abort(missing);
    }

    /** True when {@code env} says the tests run under CI ({@code CI=true}). */
    public static boolean ci(Map<String, String> env) {
        return "true".equals(env.get("CI"));
    }
}
