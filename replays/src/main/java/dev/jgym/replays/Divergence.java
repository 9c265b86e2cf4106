package dev.jgym.replays;

/**
 * Where a re-simulation first disagreed with its replay.
 *
 * @param episode the episode's index in its run
 * @param step 0 for the reset, then 1 for the first {@code env.step}, 2 for the next...
 * @param field what differed: {@code observation checksum}, {@code reward}, {@code terminated},
 *     {@code truncated}, or {@code action} when the env rejected it
 * @param expected what the replay holds
 * @param found what the env did
 */
public record Divergence(int episode, int step, String field, String expected, String found) {
    /** One line: {@code episode 0, step 17: reward: expected 1.0, found 0.0}. */
    public String message() {
        return "episode " + episode + ", " + (step == 0 ? "reset" : "step " + step) + ": " + field + ": expected " + expected + ", found " + found;
    }
}
