package dev.jgym.core.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.rng.Rng;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Box sampling follows gymnasium/spaces/box.py per coordinate: bounded uniform, unbounded N(0, 1),
 * lower-bounded low + Exp(1), upper-bounded high - Exp(1). Means over 50k draws, tolerance 0.03
 * (standard error about 0.0045 for both N(0,1) and Exp(1)).
 */
class BoxTest {
    private static final float INF = Float.POSITIVE_INFINITY;
    private static final int N = 50_000;

    /** One box whose four coordinates show the four sampling cases. */
    private static final Box MIXED = new Box(new float[] {-2, -INF, 3, -INF}, new float[] {5, INF, INF, -1});

    @Test
    @DisplayName("the four coordinate kinds: bounded uniform (mean 1.5), N(0,1), 3 + Exp(1) (mean 4), -1 - Exp(1) (mean -2)")
    void samplingPerCoordinateKind() {
        Rng rng = new Rng(1);
        double[] sum = new double[4], sumSq = new double[4];
        for (int i = 0; i < N; i++) {
            float[] x = MIXED.sample(rng);
            assertTrue(MIXED.contains(x), "sample outside the box");
            for (int j = 0; j < 4; j++) {
                sum[j] += x[j];
                sumSq[j] += x[j] * (double) x[j];
            }
        }
        assertEquals(1.5, sum[0] / N, 0.03, "uniform in [-2, 5]");
        assertEquals(0.0, sum[1] / N, 0.03, "N(0, 1) mean");
        assertEquals(1.0, sumSq[1] / N - Math.pow(sum[1] / N, 2), 0.03, "N(0, 1) variance");
        assertEquals(4.0, sum[2] / N, 0.03, "low + Exp(1) with low = 3");
        assertEquals(-2.0, sum[3] / N, 0.03, "high - Exp(1) with high = -1");
    }

    @Test
    @DisplayName("bounded samples stay within [low, high], also for a float32 range that rounds at the top")
    void boundedSamplesWithinBounds() {
        Box box = new Box(new float[] {0f, 1e7f, -1f}, new float[] {1e-7f, 1e7f + 1, -1f});
        Rng rng = new Rng(2);
        for (int i = 0; i < 10_000; i++) {
            float[] x = box.sample(rng);
            for (int j = 0; j < 3; j++) {
                assertTrue(x[j] >= box.low()[j] && x[j] <= box.high()[j], "coordinate " + j + " = " + x[j]);
            }
        }
    }

    @Test
    @DisplayName("contains rejects NaN, wrong length, wrong element type and values just outside")
    void containsRejects() {
        Box box = Box.uniform(-1, 1, 2);
        assertTrue(box.contains(new float[] {-1, 1}));
        assertFalse(box.contains(new float[] {0, Float.NaN}));
        assertFalse(box.contains(new float[] {0}));
        assertFalse(box.contains(new float[] {0, 0, 0}));
        assertFalse(box.contains(new double[] {0, 0}));
        assertFalse(box.contains(new float[] {Math.nextUp(1f), 0}));
        assertFalse(box.contains(null));
        Box open = new Box(new float[] {-INF}, new float[] {INF});
        assertTrue(open.contains(new float[] {INF}), "an infinite bound includes infinity, as numpy's <= does");
        assertFalse(open.contains(new float[] {Float.NaN}));
    }

    @Test
    @DisplayName("shape: given shape kept, [n] by default; bounds must match the shape and be ordered")
    void shapeAndValidation() {
        Box grid = Box.uniform(0, 255, 2, 3);
        assertArrayEquals(new int[] {2, 3}, grid.shape());
        assertEquals(6, grid.size());
        assertArrayEquals(new int[] {4}, MIXED.shape());
        assertTrue(grid.isBounded());
        assertFalse(MIXED.isBounded());
        assertThrows(IllegalArgumentException.class, () -> new Box(new float[] {1}, new float[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new Box(new float[] {Float.NaN}, new float[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new Box(new float[] {0, 0}, new float[] {1, 1}, new int[] {3}));
        assertThrows(IllegalArgumentException.class, () -> Box.uniform(0, 1, 2, 0));
    }

    @Test
    @DisplayName("low() and high() are copies: changing them does not change the box")
    void boundsAreCopies() {
        Box box = Box.uniform(0, 1, 2);
        box.low()[0] = 5;
        box.high()[0] = -5;
        assertArrayEquals(new float[] {0, 0}, box.low());
        assertArrayEquals(new float[] {1, 1}, box.high());
    }
}
