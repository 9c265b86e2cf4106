package dev.jgym.envs.box2d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each reset disposes the old Box2D world (native memory the JVM's heap does not see) and builds a
 * new one; {@code close()} disposes the last. Measured in a child JVM with a fixed 64 MB heap:
 * resident memory (VmRSS) after a warm-up against the end, and the world's body count at every
 * reset. One leaked b2World of LunarLander is over 100 kB, of BipedalWalker (200-odd bodies) far
 * more, so a leak of one world a reset would grow by gigabytes where the bound is 32 MB.
 */
class Box2DResetsTest {

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"LunarLander-v3, 100000", "BipedalWalkerHardcore-v3, 5000"})
    @DisplayName("resets in a JVM with a fixed 64 MB heap: the world's bodies each time, resident memory flat (< 32 MB after the first 10%), close frees the world")
    void resetsDoNotLeak(String id, int resets) throws Exception {
        check(id, resets);
    }

    /** The million: a documented run (minutes), left out of CI. */
    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"LunarLander-v3, 1000000", "BipedalWalkerHardcore-v3, 1000000"})
    @Tag("documented")
    @DisplayName("a million resets: the world's bodies each time, resident memory flat (< 32 MB over the last 900,000), close frees the world (seen at load 24: LunarLander-v3 -3.9 MB, 1.7k resets/s; BipedalWalkerHardcore-v3 +2.6 MB, between 145.5 and 150.6 MB all along, 283 resets/s)")
    void millionResetsDoNotLeak(String id, int resets) throws Exception {
        check(id, resets);
    }

    private static void check(String id, int resets) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Xms64m", "-Xmx64m", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), ResetLoop.class.getName(), id, Integer.toString(resets))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        System.out.print(out);
        String[] last = out.strip().lines().reduce((a, b) -> b).orElseThrow().split(" ");
        long grown = Long.parseLong(last[1]);
        if (Long.parseLong(last[0]) > 0) assertTrue(grown < 32_000_000, "resident memory grew by " + grown + " bytes:\n" + out);
    }

    /** The child JVM: resets, checks body counts, prints resident memory. */
    public static final class ResetLoop {
        public static void main(String[] args) throws Exception {
            String id = args[0];
            int resets = Integer.parseInt(args[1]);
            boolean lander = id.startsWith("LunarLander");
            try (Env<?, ?> env = EnvRegistry.make(id, lander ? Map.of("enable_wind", true) : Map.of())) {
                Object unwrapped = env.unwrapped();
                int warmup = Math.max(1, resets / 10);
                for (int i = 0; i < warmup; i++) env.reset((long) i); // JIT, allocator, heap touched
                long before = residentBytes();
                long t0 = System.nanoTime();
                int report = Math.max(1, (resets - warmup) / 5);
                for (int i = 0; i < resets - warmup; i++) {
                    env.reset();
                    int bodies = bodies(unwrapped);
                    // LunarLander: moon, lander, 2 legs; BipedalWalker: hull, 4 leg parts, 199 terrain edges, up to 60 obstacles
                    boolean ok = lander ? bodies == 4 : bodies >= 5 + 199 && bodies < 5 + 199 + 60;
                    if (!ok) throw new AssertionError("reset " + i + ": " + bodies + " bodies");
                    if (i % report == 0) System.out.printf(Locale.ROOT, "reset %d: resident %.1f MB%n", warmup + i, residentBytes() / 1e6);
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                long grown = residentBytes() - before;
                env.close();
                if (bodies(unwrapped) != 0) throw new AssertionError("close left the world");
                System.out.printf(Locale.ROOT, "%s: %d resets (%.0f/s), resident memory over the last %d: %+.1f MB%n",
                        id, resets, (resets - warmup) / secs, resets - warmup, grown / 1e6);
                System.out.println(before + " " + grown);
            }
        }

        private static int bodies(Object env) {
            return env instanceof LunarLander l ? l.bodyCount() : ((BipedalWalker) env).bodyCount();
        }
    }

    /** VmRSS from /proc/self/status, or 0 where there is none. */
    static long residentBytes() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) return 0;
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
        return 0;
    }
}
