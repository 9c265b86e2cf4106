package dev.jgym.envs.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvChecker;
import dev.jgym.core.env.EnvRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The mazes of S&amp;B chapter 8 (Examples 8.1-8.4): shortest paths by breadth-first search on the model. */
class DynaMazeTest {

    @Test
    @DisplayName("EnvChecker finds no problem in the three mazes")
    void checker() {
        for (String id : List.of("DynaMaze-v0", "BlockingMaze-v0", "ShortcutMaze-v0")) assertEquals(List.of(), EnvChecker.check(id), id);
        assertEquals(List.of(), EnvChecker.check(() -> EnvRegistry.make("DynaMaze-v0", Map.of("resolution", 3))), "resolution 3");
    }

    @Test
    @DisplayName("S&B Example 8.1: the Dyna maze's shortest path is 14 steps (the figure's optimum); a wall bump stays put")
    void dynaMaze() {
        Env<Object, Object> env = EnvRegistry.make("DynaMaze-v0");
        assertEquals(18, env.reset(0L, Map.of()).observation());
        DynaMaze maze = (DynaMaze) (Object) env.unwrapped();
        assertEquals(14, maze.shortestPath());
        assertEquals(19, env.step(DynaMaze.RIGHT).observation());
        assertEquals(19, env.step(DynaMaze.RIGHT).observation()); // (2, 2) is a wall
    }

    @Test
    @DisplayName("S&B Examples 8.2/8.3: blocking maze 10 steps, 16 after step 1000; shortcut maze 16, 10 after step 3000; a seeded reset restores the first maze")
    void changingMazes() {
        for (String id : List.of("BlockingMaze-v0", "ShortcutMaze-v0")) {
            Env<Object, Object> env = EnvRegistry.make(id);
            env.reset(0L, Map.of());
            DynaMaze maze = (DynaMaze) (Object) env.unwrapped();
            boolean blocking = id.startsWith("Blocking");
            int change = blocking ? 1000 : 3000;
            assertEquals(blocking ? 10 : 16, maze.shortestPath(), id + " before");
            for (int i = 0; i < change - 1; i++) {
                if (env.step(DynaMaze.LEFT).done()) env.reset();
            }
            assertEquals(blocking ? 10 : 16, maze.shortestPath(), id + " one step before the change");
            env.step(DynaMaze.LEFT);
            assertEquals(change, maze.steps());
            assertEquals(blocking ? 16 : 10, maze.shortestPath(), id + " after");
            env.reset(1L, Map.of());
            assertEquals(blocking ? 10 : 16, maze.shortestPath(), id + " after a seeded reset");
        }
    }

    @Test
    @DisplayName("S&B Example 8.4 / Zhang's extend_maze: resolution k gives a 6k x 9k maze with 47 k^2 open cells (47, 188, 423, 752, 1175, 1692), S at (2k, 0), G the k x k block at the top right, and a shortest path of 13k + 1 steps, walked here move by move")
    void scaledMaze() {
        for (int k = 1; k <= 6; k++) {
            Env<Object, Object> env = EnvRegistry.make("DynaMaze-v0", Map.of("resolution", k));
            assertEquals(2 * k * 9 * k, env.reset(0L, Map.of()).observation(), "start, k = " + k);
            DynaMaze maze = (DynaMaze) (Object) env.unwrapped();
            assertEquals(54 * k * k, maze.observationSpace().n());
            assertEquals(47 * k * k, maze.openCells(), "open cells, k = " + k);
            assertEquals(13 * k + 1, maze.shortestPath(), "shortest path, k = " + k);
            for (int r = 0; r < k; r++) for (int c = 8 * k; c < 9 * k; c++) assertTrue(maze.isGoal(r * 9 * k + c));
            assertTrue(maze.wall(k, 2 * k) && maze.wall(4 * k - 1, 3 * k - 1) && !maze.wall(4 * k, 2 * k) && maze.wall(4 * k, 5 * k) && !maze.wall(3 * k, 7 * k));
            // the path: down 2k, right 3k, up 1, right 5k, up 3k; the last step enters G
            int[][] legs = {{DynaMaze.DOWN, 2 * k}, {DynaMaze.RIGHT, 3 * k}, {DynaMaze.UP, 1}, {DynaMaze.RIGHT, 5 * k}, {DynaMaze.UP, 3 * k}};
            int steps = 0;
            dev.jgym.core.env.Step<Object> last = null;
            for (int[] leg : legs) {
                for (int i = 0; i < leg[1]; i++, steps++) {
                    assertTrue(last == null || !last.terminated(), "ended early, k = " + k);
                    last = env.step(leg[0]);
                }
            }
            assertEquals(13 * k + 1, steps);
            assertTrue(last.terminated() && last.reward() == 1, "the walk reaches G, k = " + k);
            assertEquals(Boolean.TRUE, last.info().get(Env.IS_SUCCESS), "is_success on entering G's block, k = " + k);
        }
    }

    @Test
    @DisplayName("resolution is the Dyna maze's only and within [1, 32]; change_at is only for the changing mazes: a one-line UserError")
    void badOptions() {
        UserError e = assertThrows(UserError.class, () -> EnvRegistry.make("DynaMaze-v0", Map.of("change_at", 5)));
        assertTrue(e.getMessage().contains("change_at"), e.getMessage());
        e = assertThrows(UserError.class, () -> EnvRegistry.make("BlockingMaze-v0", Map.of("resolution", 2)));
        assertTrue(e.getMessage().contains("resolution"), e.getMessage());
        e = assertThrows(UserError.class, () -> EnvRegistry.make("DynaMaze-v0", Map.of("resolution", 0)));
        assertTrue(e.getMessage().contains("resolution") && e.getMessage().contains("found 0"), e.getMessage());
    }
}
