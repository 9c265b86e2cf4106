package dev.jgym.replays;

import java.nio.file.Path;
import java.util.List;

/**
 * A replay as read from a file: its header, its episodes, and, when the file did not end
 * properly, what was wrong with it ({@code problem}). A truncated file still gives every step
 * read before the damage, so it can be verified and played that far.
 *
 * @param file where it was read from
 * @param header the header
 * @param episodes the episodes in file order
 * @param problem {@code null} for a complete file, otherwise one line such as
 *     {@code "truncated after step 213 of episode 0 (the run stopped while writing)"}
 */
public record Replay(Path file, ReplayHeader header, List<ReplayEpisode> episodes, String problem) {
    public Replay {
        episodes = List.copyOf(episodes);
    }

    public boolean complete() {
        return problem == null;
    }

    /** Steps in all episodes. */
    public long totalSteps() {
        long n = 0;
        for (ReplayEpisode e : episodes) n += e.length();
        return n;
    }
}
