package dev.jgym.envs.games.minatar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.Step;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Breakout's rules as the class comment states them (after the MinAtar README's description). */
class BreakoutTest {
    /** A game without sticky actions, reset, with the ball placed by hand and one brick left far away. */
    private static Breakout game(int row, int col, int dRow, int dCol) {
        Breakout g = new Breakout(new Breakout.Settings(0.0));
        g.reset(1L, Map.of());
        g.ballRow = row;
        g.ballCol = col;
        g.dRow = dRow;
        g.dCol = dCol;
        Arrays.fill(g.bricks, false);
        g.bricks[1 * 10 + 9] = true;
        g.bricksLeft = 1;
        return g;
    }

    private static void assertBall(Breakout g, int row, int col, int dRow, int dCol) {
        assertEquals(row + "," + col + " moving " + dRow + "," + dCol, g.ballRow + "," + g.ballCol + " moving " + g.dRow + "," + g.dCol);
    }

    @Test
    @DisplayName("start: 30 bricks in rows 1-3, paddle in column 4, ball in row 4 at column 0 or 9 heading down to the middle")
    void start() {
        Set<Integer> columns = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            Breakout g = new Breakout();
            int[] obs = g.reset(seed, Map.of()).observation();
            int bricks = 0;
            for (int i = 0; i < 100; i++) bricks += obs[i * 4 + Breakout.BRICK];
            assertEquals(30, bricks);
            assertEquals(1, obs[(9 * 10 + 4) * 4 + Breakout.PADDLE]);
            assertEquals(4, g.ballRow);
            assertEquals(g.ballCol == 0 ? 1 : -1, g.dCol);
            assertEquals(1, g.dRow);
            columns.add(g.ballCol);
        }
        assertEquals(Set.of(0, 9), columns, "both start columns occur");
    }

    @Test
    @DisplayName("the ball reflects off the side walls and the top, and leaves a trail where it was")
    void wallBounces() {
        Breakout g = game(5, 0, -1, -1);
        g.step(Breakout.NOOP);
        assertBall(g, 4, 1, -1, 1);
        int[] obs = g.observation();
        assertEquals(1, obs[(5 * 10 + 0) * 4 + Breakout.TRAIL], "trail at the previous cell");
        assertEquals(1, obs[(4 * 10 + 1) * 4 + Breakout.BALL]);

        g = game(3, 9, -1, 1);
        g.step(Breakout.NOOP);
        assertBall(g, 2, 8, -1, -1);

        g = game(0, 5, -1, 1);
        g.step(Breakout.NOOP);
        assertBall(g, 1, 6, 1, 1);
    }

    @Test
    @DisplayName("a brick hit scores +1, removes the brick and turns the ball back vertically")
    void brickScoring() {
        Breakout g = game(4, 5, -1, 1);
        g.bricks[3 * 10 + 6] = true;
        g.bricksLeft = 2;
        Step<int[]> s = g.step(Breakout.NOOP);
        assertEquals(1.0, s.reward());
        assertFalse(g.bricks[3 * 10 + 6]);
        assertBall(g, 4, 6, 1, 1);
        assertEquals(0, s.observation()[(3 * 10 + 6) * 4 + Breakout.BRICK]);
        assertEquals(1, g.score());
    }

    @Test
    @DisplayName("breaking the last brick lays three fresh rows")
    void refill() {
        Breakout g = game(4, 5, -1, 1);
        g.bricks[19] = false;
        g.bricks[3 * 10 + 6] = true;
        Step<int[]> s = g.step(Breakout.NOOP);
        assertEquals(1.0, s.reward());
        assertEquals(30, g.bricksLeft);
    }

    @Test
    @DisplayName("the paddle bounces the ball up; clipping the paddle's edge sends it back the way it came")
    void paddle() {
        Breakout g = game(8, 3, 1, 1);
        g.paddle = 4;
        assertFalse(g.step(Breakout.NOOP).terminated());
        assertBall(g, 8, 4, -1, 1);
        g.step(Breakout.NOOP);
        assertBall(g, 7, 5, -1, 1);

        g = game(8, 3, 1, 1);
        g.paddle = 2;
        g.step(Breakout.RIGHT); // the paddle moves under the ball's column: an edge hit
        assertBall(g, 8, 3, -1, -1);
    }

    @Test
    @DisplayName("a ball that reaches the bottom row past the paddle ends the game")
    void miss() {
        Breakout g = game(8, 5, 1, 1);
        g.paddle = 0;
        Step<int[]> s = g.step(Breakout.LEFT);
        assertTrue(s.terminated());
        assertEquals(0.0, s.reward());
        assertEquals(9, g.ballRow);
    }

    @Test
    @DisplayName("the paddle moves one cell per frame and stops at the walls")
    void paddleMoves() {
        Breakout g = game(2, 2, 1, 1);
        g.paddle = 1;
        g.step(Breakout.LEFT);
        assertEquals(0, g.paddle);
        g.step(Breakout.LEFT);
        assertEquals(0, g.paddle);
        g.step(Breakout.RIGHT);
        assertEquals(1, g.paddle);
    }
}
