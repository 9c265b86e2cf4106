package dev.jgym.replays;

import java.nio.file.Path;

/**
 * Checks a replay by re-simulating every episode ({@link Resimulation}) and comparing each step
 * with what was recorded. It stops at the first difference and reports it with the expected and
 * found values. A truncated file is verified as far as it goes, and the report says so first; a
 * damaged one (a chunk or the header fails its checksum) is refused by {@link ReplayReader#read}
 * before anything is re-simulated.
 */
public final class ReplayVerifier {
    private ReplayVerifier() {}

    /**
     * What verification found.
     *
     * @param replay the replay checked
     * @param episodes episodes re-simulated (the diverging one counted)
     * @param steps steps re-simulated and matched
     * @param divergence the first difference, or {@code null}
     * @param nanos time spent re-simulating
     */
    public record Report(Replay replay, int episodes, long steps, Divergence divergence, long nanos) {
        /** Every recorded step matched (a truncated file can still be ok as far as it goes). */
        public boolean ok() {
            return divergence == null;
        }

        /**
         * One line for people. A file that ends early says so first, then what of it re-simulated:
         * {@code replay a.jgr: truncated after step 213 of episode 0 (...); the 213 steps before it re-simulated bit for bit}.
         */
        public String summary() {
            String name = "replay " + replay.file();
            if (!ok()) return name + ": diverges at " + divergence.message();
            String rate = nanos > 0 ? String.format(java.util.Locale.ROOT, ", %.0f steps/s", steps / (nanos / 1e9)) : "";
            String what = steps + " steps in " + episodes + " episode(s) re-simulated bit for bit (" + replay.header().envId() + rate + ")";
            if (!replay.complete()) return name + ": " + replay.problem() + "; the " + what.replace("re-simulated", "before it re-simulated");
            return name + ": ok, " + what;
        }
    }

    public static Report verify(Path file) {
        return verify(ReplayReader.read(file));
    }

    public static Report verify(Replay replay) {
        long start = System.nanoTime();
        if (replay.episodes().isEmpty()) return new Report(replay, 0, 0, null, 0);
        try (dev.jgym.core.env.Env<Object, Object> env = Resimulation.makeEnv(replay)) {
            return verify(replay, env, start);
        }
    }

    private static Report verify(Replay replay, dev.jgym.core.env.Env<Object, Object> env, long start) {
        long steps = 0;
        int episodes = 0;
        for (ReplayEpisode e : replay.episodes()) {
            episodes++;
            try (Resimulation sim = new Resimulation(e, env)) {
                Divergence d = sim.start();
                while (d == null && sim.hasNext()) {
                    d = sim.step();
                    if (d == null) steps++;
                }
                if (d != null) return new Report(replay, episodes, steps, d, System.nanoTime() - start);
            }
        }
        return new Report(replay, episodes, steps, null, System.nanoTime() - start);
    }
}
