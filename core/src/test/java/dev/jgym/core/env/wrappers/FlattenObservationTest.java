package dev.jgym.core.env.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jgym.core.env.RandomWalk;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.space.Box;
import dev.jgym.core.space.Discrete;
import dev.jgym.core.space.MultiBinary;
import dev.jgym.core.space.MultiDiscrete;
import dev.jgym.core.space.TupleSpace;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** FlattenObservation against Gymnasium's {@code spaces.flatten} / {@code flatten_space} (gymnasium/spaces/utils.py). */
class FlattenObservationTest {

    private static float[] flat(dev.jgym.core.space.Space<?> space, Object x) {
        float[] out = new float[FlattenObservation.size(space)];
        java.util.Arrays.fill(out, 7f); // every entry must be written
        FlattenObservation.flatten(space, x, out);
        return out;
    }

    @Test
    @DisplayName("gymnasium spaces.flatten: Discrete(5, start 2) -> one-hot of x - start; MultiDiscrete([3, 2]) -> concatenated one-hots; MultiBinary and Box -> their values row-major")
    void flattensAsGymnasium() {
        assertArrayEquals(new float[] {0, 0, 1, 0, 0}, flat(new Discrete(5, 2), 4));
        assertArrayEquals(new float[] {0, 0, 1, 1, 0}, flat(new MultiDiscrete(3, 2), new int[] {2, 0}));
        assertArrayEquals(new float[] {0, 1, 0, 1, 0, 1}, flat(new MultiDiscrete(new int[] {2, 2, 2}, new int[] {5, 5, 5}), new int[] {6, 6, 6}));
        assertArrayEquals(new float[] {1, 0, 1, 1, 0, 0}, flat(new MultiBinary(3, 2), new int[] {1, 0, 1, 1, 0, 0}));
        assertArrayEquals(new float[] {0.5f, -1f, 2f, 3f}, flat(Box.uniform(-5f, 5f, 2, 2), new float[] {0.5f, -1f, 2f, 3f}));
    }

    @Test
    @DisplayName("gymnasium flatten_space: Box(0, 1, [n]) for Discrete(n), MultiBinary, MultiDiscrete (sum of nvec); a Box keeps its bounds, flat; Tuple refused")
    void flatSpaces() {
        assertEquals(Box.uniform(0f, 1f, 5), FlattenObservation.flatSpace(new Discrete(5, 2)));
        assertEquals(Box.uniform(0f, 1f, 6), FlattenObservation.flatSpace(new MultiBinary(3, 2)));
        assertEquals(Box.uniform(0f, 1f, 5), FlattenObservation.flatSpace(new MultiDiscrete(3, 2)));
        Box flatBox = FlattenObservation.flatSpace(new Box(new float[] {-1, -2, -3, -4}, new float[] {1, 2, 3, 4}, new int[] {2, 2}));
        assertArrayEquals(new int[] {4}, flatBox.shape());
        assertArrayEquals(new float[] {-1, -2, -3, -4}, flatBox.low());
        TupleSpace tuple = TupleSpace.of(new Discrete(2), new Discrete(3));
        assertFalse(FlattenObservation.flattens(tuple));
        assertThrows(IllegalArgumentException.class, () -> FlattenObservation.flatSpace(tuple));
    }

    @Test
    @DisplayName("the wrapper: a Discrete random walk's reset and step observations become one-hot vectors of the cell, reward and info untouched")
    void wrapsAnEnv() {
        RandomWalk inner = new RandomWalk(5), twin = new RandomWalk(5);
        FlattenObservation<Integer> env = new FlattenObservation<>(inner);
        assertEquals(Box.uniform(0f, 1f, 5), env.observationSpace());
        Reset<float[]> r = env.reset(3L, Map.of());
        Reset<Integer> t = twin.reset(3L, Map.of());
        assertArrayEquals(flat(new Discrete(5), t.observation()), r.observation());
        for (int k = 0; k < 20; k++) {
            Step<float[]> s = env.step(1);
            Step<Integer> u = twin.step(1);
            assertArrayEquals(flat(new Discrete(5), u.observation()), s.observation());
            assertEquals(u.reward(), s.reward());
            assertEquals(u.info(), s.info());
            if (s.done()) {
                assertArrayEquals(flat(new Discrete(5), twin.reset(null, Map.of()).observation()), env.reset(null, Map.of()).observation());
            }
        }
    }
}
