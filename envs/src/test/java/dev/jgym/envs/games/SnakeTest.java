package dev.jgym.envs.games;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.Step;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Snake's rules as its class comment states them. */
class SnakeTest {
    /** A snake laid out by hand: cells head first on a width x height board, food at a cell. */
    private static Snake laid(int width, int height, int food, int direction, int... headFirst) {
        Snake s = new Snake(new Snake.Settings(width, height));
        s.reset(1L, Map.of());
        Arrays.fill(s.occupied, false);
        for (int i = 0; i < headFirst.length; i++) {
            s.ring[i] = headFirst[headFirst.length - 1 - i];
            s.occupied[headFirst[i]] = true;
        }
        s.head = headFirst.length - 1;
        s.length = headFirst.length;
        s.food = food;
        s.direction = direction;
        return s;
    }

    @Test
    @DisplayName("start: length 3 in the middle row heading right, food on a free cell")
    void start() {
        Snake s = new Snake();
        int[] obs = s.reset(2L, Map.of()).observation();
        assertEquals(3, s.length());
        assertEquals(1, obs[(5 * 10 + 5) * 5 + Snake.HEAD]);
        assertEquals(1, obs[(5 * 10 + 4) * 5 + Snake.NECK]);
        assertEquals(1, obs[(5 * 10 + 3) * 5 + Snake.TAIL]);
        assertFalse(s.occupied[s.food]);
    }

    @Test
    @DisplayName("eating grows the snake by one and scores +1; new food lands on a free cell")
    void grows() {
        Snake s = laid(10, 10, 56, Snake.RIGHT, 55, 54, 53);
        Step<int[]> step = s.step(Snake.RIGHT);
        assertEquals(1.0, step.reward());
        assertEquals(4, s.length());
        assertTrue(s.occupied[53], "the tail stayed");
        assertFalse(s.occupied[s.food]);
        step = s.step(Snake.UP);
        assertEquals(0.0, step.reward());
        assertEquals(4, s.length());
        assertFalse(s.occupied[53], "the tail moved up");
    }

    @Test
    @DisplayName("leaving the grid kills: -1, terminated")
    void diesOnWall() {
        Snake s = laid(10, 10, 0, Snake.RIGHT, 55, 54, 53);
        for (int i = 0; i < 4; i++) assertFalse(s.step(Snake.RIGHT).done());
        Step<int[]> step = s.step(Snake.RIGHT);
        assertTrue(step.terminated());
        assertEquals(-1.0, step.reward());
        assertThrows(IllegalStateException.class, () -> s.step(Snake.RIGHT));
    }

    @Test
    @DisplayName("running into the body kills; entering the cell the tail is leaving does not")
    void selfCollision() {
        // head (4,4), then (4,5), (5,5), (5,4), (5,3): going down hits segment 3
        Snake s = laid(10, 10, 0, Snake.LEFT, 44, 45, 55, 54, 53);
        Step<int[]> step = s.step(Snake.DOWN);
        assertTrue(step.terminated());
        assertEquals(-1.0, step.reward());

        // without the last segment, (5,4) is the tail and moves away in the same step
        Snake chase = laid(10, 10, 0, Snake.LEFT, 44, 45, 55, 54);
        step = chase.step(Snake.DOWN);
        assertFalse(step.done());
        assertEquals(4, chase.length());
        assertEquals(1, step.observation()[54 * 5 + Snake.HEAD]);
    }

    @Test
    @DisplayName("turning straight back is ignored: the snake keeps its heading")
    void noReverse() {
        Snake s = laid(10, 10, 0, Snake.RIGHT, 55, 54, 53);
        s.step(Snake.LEFT);
        assertEquals(1, s.observation()[56 * 5 + Snake.HEAD]);
    }

    @Test
    @DisplayName("filling the grid wins: the last food scores +1 and ends the episode")
    void win() {
        int[] path = {0, 1, 2, 3, 7, 6, 5, 4, 8, 9, 10, 11, 15, 14, 13}; // boustrophedon; 12 is free
        int[] headFirst = new int[path.length];
        for (int i = 0; i < path.length; i++) headFirst[i] = path[path.length - 1 - i];
        Snake s = laid(4, 4, 12, Snake.LEFT, headFirst);
        Step<int[]> step = s.step(Snake.LEFT);
        assertTrue(step.terminated());
        assertEquals(1.0, step.reward());
        assertEquals(16, s.length());
    }
}
