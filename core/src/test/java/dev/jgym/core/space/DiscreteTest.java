package dev.jgym.core.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.rng.Rng;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Discrete(n, start): Gymnasium's gymnasium/spaces/discrete.py, masks included. */
class DiscreteTest {

    @Test
    @DisplayName("Discrete(3, start=-1) samples exactly {-1, 0, 1} (all seen in 300 draws)")
    void sampleWithStartOffset() {
        Discrete space = new Discrete(3, -1);
        Rng rng = new Rng(1);
        Set<Integer> seen = new TreeSet<>();
        for (int i = 0; i < 300; i++) {
            int x = space.sample(rng);
            assertTrue(space.contains(x), "sample " + x + " not in " + space);
            seen.add(x);
        }
        assertEquals(Set.of(-1, 0, 1), seen);
    }

    @Test
    @DisplayName("contains: Integer and Long in range; out of range, fractional and other types rejected")
    void containsTypesAndRange() {
        Discrete space = new Discrete(4, 10);
        assertTrue(space.contains(10));
        assertTrue(space.contains(13));
        assertTrue(space.contains(12L));
        assertFalse(space.contains(9));
        assertFalse(space.contains(14));
        assertFalse(space.contains(14L));
        assertFalse(space.contains(10L + (1L << 32)), "a long that wraps to 10 as an int");
        assertFalse(space.contains(11.0));
        assertFalse(space.contains(11.0f));
        assertFalse(space.contains("11"));
        assertFalse(space.contains(null));
        assertFalse(space.contains(new int[] {11}));
    }

    @Test
    @DisplayName("contains at the int limit: Discrete(2, MAX_VALUE - 1) holds MAX_VALUE - 1 and MAX_VALUE only")
    void containsNearIntLimit() {
        Discrete space = new Discrete(2, Integer.MAX_VALUE - 1);
        assertTrue(space.contains(Integer.MAX_VALUE));
        assertTrue(space.contains(Integer.MAX_VALUE - 1));
        assertFalse(space.contains((long) Integer.MAX_VALUE + 1));
        assertFalse(space.contains(Integer.MIN_VALUE));
    }

    @Test
    @DisplayName("masked sampling picks only allowed actions, each of them (2000 draws)")
    void maskedSamplingOnlyAllowed() {
        Discrete space = new Discrete(5, 1);
        byte[] mask = {0, 1, 0, 1, 1};
        Rng rng = new Rng(2);
        int[] counts = new int[5];
        for (int i = 0; i < 3000; i++) counts[space.sample(rng, mask) - 1]++;
        assertEquals(0, counts[0]);
        assertEquals(0, counts[2]);
        for (int i : new int[] {1, 3, 4}) assertEquals(1000, counts[i], 100, "allowed action " + (i + 1) + " share");
    }

    @Test
    @DisplayName("an all-zero mask returns start, as Gymnasium does")
    void allZeroMaskReturnsStart() {
        assertEquals(7, new Discrete(3, 7).sample(new Rng(3), new byte[3]));
    }

    @Test
    @DisplayName("a mask of the wrong length or with entries other than 0/1 throws")
    void badMaskThrows() {
        Discrete space = new Discrete(3);
        Rng rng = new Rng(4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> space.sample(rng, new byte[2]));
        assertEquals("action mask has length 2, expected 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> space.sample(rng, new byte[] {0, 2, 1}));
    }

    @Test
    @DisplayName("n <= 0 is rejected; shape is scalar; toString shows start only when non-zero")
    void constructionAndShape() {
        assertThrows(IllegalArgumentException.class, () -> new Discrete(0));
        assertEquals(0, new Discrete(3).shape().length);
        assertEquals("Discrete(3)", new Discrete(3).toString());
        assertEquals("Discrete(3, start=-1)", new Discrete(3, -1).toString());
    }
}
