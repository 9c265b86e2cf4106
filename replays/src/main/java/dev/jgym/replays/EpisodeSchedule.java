package dev.jgym.replays;

/**
 * Which episodes of a run get recorded. The default is Gymnasium's
 * {@code capped_cubic_video_schedule} ({@code gymnasium/wrappers/rendering.py}): the perfect cubes
 * below 1000 (0, 1, 8, 27, ..., 729), then every 1000th episode (1000, 2000, ...).
 */
@FunctionalInterface
public interface EpisodeSchedule {

    /** True when episode {@code episode} (from 0) is recorded. */
    boolean records(int episode);

    static EpisodeSchedule cappedCubic() {
        return episode -> {
            if (episode < 0) return false;
            if (episode >= 1000) return episode % 1000 == 0;
            long k = Math.round(Math.cbrt(episode));
            return k * k * k == episode;
        };
    }

    /** Episodes 0, n, 2n, ... */
    static EpisodeSchedule every(int n) {
        if (n <= 0) throw new IllegalArgumentException("every: expected a positive period, found " + n);
        return episode -> episode >= 0 && episode % n == 0;
    }

    static EpisodeSchedule all() {
        return episode -> episode >= 0;
    }

    static EpisodeSchedule none() {
        return episode -> false;
    }

    /** The schedule a config names: {@code capped_cubic}, {@code every} (with {@code every}), {@code all}, {@code none}. */
    static EpisodeSchedule named(String name, Integer every) {
        switch (name) {
            case "capped_cubic":
                return cappedCubic();
            case "every":
                return every(every);
            case "all":
                return all();
            case "none":
                return none();
            default:
                throw new IllegalArgumentException("unknown replay schedule \"" + name + "\" (expected capped_cubic, every, all or none)");
        }
    }
}
