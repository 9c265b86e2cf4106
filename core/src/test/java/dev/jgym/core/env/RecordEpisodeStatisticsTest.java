package dev.jgym.core.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.wrappers.RecordEpisodeStatistics;
import dev.jgym.core.env.wrappers.TimeLimit;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** info["episode"] = {r, l, t} on the last step only (gymnasium/wrappers/common.py RecordEpisodeStatistics). */
class RecordEpisodeStatisticsTest {

    @Test
    @DisplayName("episode r and l match the summed rewards and step count, on the final step only, for 20 episodes")
    void episodeOnFinalStepOnly() {
        RecordEpisodeStatistics<Integer, Integer> env = new RecordEpisodeStatistics<>(new TimeLimit<>(new RandomWalk(5), 8));
        assertNull(env.lastEpisode());
        env.reset(4L, Map.of());
        int terminatedEpisodes = 0, truncatedEpisodes = 0;
        for (int episode = 0; episode < 20; episode++) {
            if (episode > 0) env.reset();
            double sum = 0;
            int length = 0;
            while (true) {
                Step<Integer> s = env.step(env.sampleAction());
                sum += s.reward();
                length++;
                if (!s.done()) {
                    assertFalse(s.info().containsKey("episode"), "episode info before the end, step " + length);
                    continue;
                }
                RecordEpisodeStatistics.Episode e = assertInstanceOf(RecordEpisodeStatistics.Episode.class, s.info().get("episode"));
                assertEquals(sum, e.r());
                assertEquals(length, e.l());
                assertTrue(e.t() >= 0);
                assertEquals(e, env.lastEpisode());
                if (s.terminated()) terminatedEpisodes++;
                else truncatedEpisodes++;
                break;
            }
        }
        assertTrue(terminatedEpisodes > 0 && truncatedEpisodes > 0,
                "both kinds of ending covered: " + terminatedEpisodes + " terminated, " + truncatedEpisodes + " truncated");
    }
}
