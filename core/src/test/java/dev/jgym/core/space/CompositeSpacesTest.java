package dev.jgym.core.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.rng.Rng;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** MultiDiscrete, MultiBinary, Tuple and Dict (gymnasium/spaces/*.py). */
class CompositeSpacesTest {

    @Test
    @DisplayName("MultiDiscrete([2, 3], start [0, -1]): samples in range, every value of each coordinate seen")
    void multiDiscrete() {
        MultiDiscrete space = new MultiDiscrete(new int[] {2, 3}, new int[] {0, -1});
        Rng rng = new Rng(1);
        boolean[][] seen = {new boolean[2], new boolean[3]};
        for (int i = 0; i < 500; i++) {
            int[] x = space.sample(rng);
            assertTrue(space.contains(x));
            seen[0][x[0]] = true;
            seen[1][x[1] + 1] = true;
        }
        for (boolean[] coordinate : seen) for (boolean b : coordinate) assertTrue(b);
        assertTrue(space.contains(new int[] {1, 1}));
        assertFalse(space.contains(new int[] {2, 0}));
        assertFalse(space.contains(new int[] {0, -2}));
        assertFalse(space.contains(new int[] {0}));
        assertFalse(space.contains(new long[] {0, 0}));
        assertArrayEquals(new int[] {2}, space.shape());
        assertThrows(IllegalArgumentException.class, () -> new MultiDiscrete(2, 0));
        assertThrows(IllegalArgumentException.class, () -> new MultiDiscrete(new int[] {2}, new int[] {0, 0}));
    }

    @Test
    @DisplayName("MultiBinary(2, 3): six 0/1 entries, each 1 about half the time (0.5 +- 0.03 over 2000 draws)")
    void multiBinary() {
        MultiBinary space = new MultiBinary(2, 3);
        assertEquals(6, space.size());
        assertArrayEquals(new int[] {2, 3}, space.shape());
        Rng rng = new Rng(2);
        int[] ones = new int[6];
        for (int i = 0; i < 2000; i++) {
            int[] x = space.sample(rng);
            assertTrue(space.contains(x));
            for (int j = 0; j < 6; j++) ones[j] += x[j];
        }
        for (int c : ones) assertEquals(0.5, c / 2000.0, 0.03);
        assertFalse(space.contains(new int[] {0, 1, 0, 1, 0, 2}));
        assertFalse(space.contains(new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, MultiBinary::new);
    }

    @Test
    @DisplayName("Tuple: a List with one member per space; contains checks every member and the size")
    void tuple() {
        TupleSpace space = TupleSpace.of(new Discrete(3), Box.uniform(0, 1, 2));
        List<Object> x = space.sample(new Rng(3));
        assertEquals(2, x.size());
        assertTrue(space.contains(x));
        assertTrue(space.contains(List.of(2, new float[] {0.5f, 1f})));
        assertFalse(space.contains(List.of(3, new float[] {0.5f, 1f})));
        assertFalse(space.contains(List.of(2)));
        assertFalse(space.contains(new Object[] {2, new float[] {0.5f, 1f}}));
        assertThrows(IllegalArgumentException.class, () -> new TupleSpace(List.of()));
    }

    @Test
    @DisplayName("Dict: keys sorted whatever the insertion order; samples hold exactly the keys; contains checks each")
    void dict() {
        Map<String, Space<?>> members = new java.util.LinkedHashMap<>();
        members.put("zeta", new Discrete(2));
        members.put("alpha", new MultiBinary(3));
        members.put("mid", Box.uniform(-1, 1, 1));
        DictSpace space = new DictSpace(members);
        assertEquals(List.of("alpha", "mid", "zeta"), List.copyOf(space.spaces().keySet()));
        Map<String, Object> x = space.sample(new Rng(4));
        assertEquals(List.of("alpha", "mid", "zeta"), List.copyOf(x.keySet()));
        assertTrue(space.contains(x));

        Map<String, Object> good = new TreeMap<>(Map.of("zeta", 1, "alpha", new int[] {1, 0, 1}, "mid", new float[] {0}));
        assertTrue(space.contains(good));
        Map<String, Object> extra = new TreeMap<>(good);
        extra.put("omega", 0);
        assertFalse(space.contains(extra), "an extra key");
        Map<String, Object> missing = new TreeMap<>(good);
        missing.remove("mid");
        assertFalse(space.contains(missing), "a missing key");
        Map<String, Object> wrong = new TreeMap<>(good);
        wrong.put("zeta", 2);
        assertFalse(space.contains(wrong), "a member out of its space");
        assertThrows(IllegalArgumentException.class, () -> new DictSpace(Map.of()));
    }
}
