package dev.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.rng.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Sequence sampling on hand-made episodes whose observations name their step: step i of the run
 * has observation {i, episode} and next observation {i + 0.5, episode}, so every window and mask
 * can be read off exactly.
 */
class SequenceReplayTest {
    static final float GAMMA = 0.9f;

    /** Episodes of the given lengths; each ends terminated, or truncated where {@code truncated[e]}. */
    static SequenceReplay filled(int capacity, int[] lengths, boolean[] truncated) {
        SequenceReplay r = new SequenceReplay(capacity, 2, GAMMA);
        int i = 0;
        for (int e = 0; e < lengths.length; e++) {
            for (int k = 0; k < lengths[e]; k++, i++) {
                boolean last = k == lengths[e] - 1;
                r.add(new float[] {i, e}, i % 3, i * 10, new float[] {i + 0.5f, e}, last && !truncated[e], last && truncated[e]);
            }
        }
        return r;
    }

    private static float[] row(float[] data, int row, int cols) {
        return Arrays.copyOfRange(data, row * cols, (row + 1) * cols);
    }

    @Test
    @DisplayName("A window inside one episode: burn-in s_{p-B}..s_{p-1}, unroll s_p, s'_p.., every step real")
    void windowInsideAnEpisode() {
        SequenceReplay r = filled(100, new int[] {20}, new boolean[] {false});
        SequenceReplay.Batch b = new SequenceReplay.Batch(1, 3, 4, 2);
        r.fill(b, 0, 10);
        assertArrayEquals(new float[] {7, 0, 8, 0, 9, 0}, row(b.burnX.data(), 0, 6));
        assertArrayEquals(new float[] {1, 1, 1}, b.burnMask.data());
        assertArrayEquals(new float[] {10, 0, 10.5f, 0, 11.5f, 0, 12.5f, 0, 13.5f, 0}, b.x.data());
        assertArrayEquals(new float[] {1, 1, 1, 1, 1}, b.mask.data());
        assertArrayEquals(new float[] {1, 1, 1, 1}, b.lossMask);
        assertArrayEquals(new int[] {10 % 3, 11 % 3, 12 % 3, 13 % 3}, b.actions);
        assertArrayEquals(new float[] {100, 110, 120, 130}, b.rewards);
        assertArrayEquals(new float[] {GAMMA, GAMMA, GAMMA, GAMMA}, b.discounts);
    }

    @Test
    @DisplayName("Burn-in before the episode's first step is padding (zeros, mask 0): the state stays zero until the episode starts")
    void burnInStopsAtTheEpisodeStart() {
        SequenceReplay r = filled(100, new int[] {5, 8}, new boolean[] {false, false});
        SequenceReplay.Batch b = new SequenceReplay.Batch(1, 4, 3, 2);
        r.fill(b, 0, 6); // the second step of episode 1 (steps 5..12)
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 5, 1}, b.burnX.data());
        assertArrayEquals(new float[] {0, 0, 0, 1}, b.burnMask.data());
        r.fill(b, 0, 0); // the very first stored step: nothing before it
        assertArrayEquals(new float[] {0, 0, 0, 0}, b.burnMask.data());
        assertArrayEquals(new float[8], b.burnX.data());
    }

    @Test
    @DisplayName("Termination inside the window: discount 0 at the last step, s' the terminal observation, later steps masked out of unroll and loss")
    void terminationPadsTheRest() {
        SequenceReplay r = filled(100, new int[] {5, 8}, new boolean[] {false, false});
        SequenceReplay.Batch b = new SequenceReplay.Batch(1, 2, 4, 2);
        r.fill(b, 0, 3); // steps 3, 4 of episode 0, which terminates at step 4
        assertArrayEquals(new float[] {3, 0, 3.5f, 0, 4.5f, 0, 0, 0, 0, 0}, b.x.data());
        assertArrayEquals(new float[] {1, 1, 1, 0, 0}, b.mask.data());
        assertArrayEquals(new float[] {1, 1, 0, 0}, b.lossMask);
        assertArrayEquals(new float[] {GAMMA, 0, 0, 0}, b.discounts);
        assertArrayEquals(new float[] {30, 40, 0, 0}, b.rewards);
    }

    @Test
    @DisplayName("Truncation inside the window: the last step keeps discount gamma and bootstraps from the final observation")
    void truncationBootstraps() {
        SequenceReplay r = filled(100, new int[] {5, 8}, new boolean[] {true, false});
        SequenceReplay.Batch b = new SequenceReplay.Batch(1, 0, 3, 2);
        r.fill(b, 0, 4);
        assertArrayEquals(new float[] {4, 0, 4.5f, 0, 0, 0, 0, 0}, b.x.data());
        assertArrayEquals(new float[] {1, 1, 0, 0}, b.mask.data());
        assertArrayEquals(new float[] {1, 0, 0}, b.lossMask);
        assertArrayEquals(new float[] {GAMMA, 0, 0}, b.discounts);
    }

    @Test
    @DisplayName("The newest steps of an unfinished episode: the window ends where the stored steps end")
    void unfinishedEpisode() {
        SequenceReplay r = new SequenceReplay(100, 2, GAMMA);
        for (int i = 0; i < 6; i++) r.add(new float[] {i, 0}, 0, 0, new float[] {i + 0.5f, 0}, false, false);
        SequenceReplay.Batch b = new SequenceReplay.Batch(1, 1, 4, 2);
        r.fill(b, 0, 4);
        assertArrayEquals(new float[] {1, 1, 0, 0}, b.lossMask);
        assertArrayEquals(new float[] {1, 1, 1, 0, 0}, b.mask.data());
        assertEquals(2, b.valid());
    }

    @Test
    @DisplayName("Past capacity the oldest steps are gone: a burn-in that would reach them is padding")
    void overwrittenStepsArePadding() {
        SequenceReplay r = filled(10, new int[] {15}, new boolean[] {false}); // steps 0..4 overwritten
        assertEquals(10, r.size());
        SequenceReplay.Batch b = new SequenceReplay.Batch(1, 3, 2, 2);
        r.fill(b, 0, 1); // position 1 from the oldest = run step 6
        assertArrayEquals(new float[] {0, 0, 0, 0, 5, 0}, b.burnX.data());
        assertArrayEquals(new float[] {0, 0, 1}, b.burnMask.data());
        assertEquals(6f, b.x.data()[0]);
    }

    @Test
    @DisplayName("Sampling draws one uniform start per sequence from the replay stream, the same for the same seed")
    void samplingIsSeeded() {
        SequenceReplay r = filled(100, new int[] {7, 9, 4, 12}, new boolean[] {false, true, false, false});
        SequenceReplay.Batch a = new SequenceReplay.Batch(64, 2, 5, 2), c = new SequenceReplay.Batch(64, 2, 5, 2);
        r.sample(new Rng(5), a);
        r.sample(new Rng(5), c);
        assertArrayEquals(a.starts, c.starts);
        assertArrayEquals(a.x.data(), c.x.data());
        Rng rng = new Rng(5);
        for (int n = 0; n < 64; n++) assertEquals(rng.nextInt(32), a.starts[n]);
        for (int n = 0; n < 64; n++) {
            assertEquals(1f, a.lossMask[n * 5], "the drawn step itself always carries loss");
            // a sequence never mixes episodes: every real unroll input has the drawn step's episode
            float ep = a.x.data()[n * 6 * 2 + 1];
            for (int k = 0; k < 6; k++) if (a.mask.data()[n * 6 + k] == 1f) assertEquals(ep, a.x.data()[(n * 6 + k) * 2 + 1]);
            for (int k = 0; k < 2; k++) if (a.burnMask.data()[n * 2 + k] == 1f) assertEquals(ep, a.burnX.data()[(n * 2 + k) * 2 + 1]);
        }
        assertTrue(a.valid() < 64 * 5, "some windows run past their episode's end");
    }
}
