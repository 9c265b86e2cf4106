package dev.jgym.envs.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvChecker;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.TabularModel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The mazes of S&amp;B chapter 8 (Examples 8.1-8.3): shortest paths by breadth-first search on the model. */
class DynaMazeTest {

    /** Steps of the shortest path from the start to G under the model, or -1. */
    static int shortest(TabularModel m, int start) {
        int[] dist = new int[m.stateCount()];
        Arrays.fill(dist, -1);
        dist[start] = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int a = 0; a < 4; a++) {
                TabularModel.Outcome o = m.transitions(s, a).get(0);
                if (o.terminated() && o.reward() == 1) return dist[s] + 1;
                if (dist[o.nextState()] < 0) {
                    dist[o.nextState()] = dist[s] + 1;
                    queue.add(o.nextState());
                }
            }
        }
        return -1;
    }

    @Test
    @DisplayName("EnvChecker finds no problem in the three mazes")
    void checker() {
        for (String id : List.of("DynaMaze-v0", "BlockingMaze-v0", "ShortcutMaze-v0")) assertEquals(List.of(), EnvChecker.check(id), id);
    }

    @Test
    @DisplayName("S&B Example 8.1: the Dyna maze's shortest path is 14 steps (the figure's optimum); a wall bump stays put")
    void dynaMaze() {
        Env<Object, Object> env = EnvRegistry.make("DynaMaze-v0");
        assertEquals(18, env.reset(0L, Map.of()).observation());
        DynaMaze maze = (DynaMaze) (Object) env.unwrapped();
        assertEquals(14, shortest(maze, maze.start()));
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
            assertEquals(blocking ? 10 : 16, shortest(maze, maze.start()), id + " before");
            for (int i = 0; i < change - 1; i++) {
                if (env.step(DynaMaze.LEFT).done()) env.reset();
            }
            assertEquals(blocking ? 10 : 16, shortest(maze, maze.start()), id + " one step before the change");
            env.step(DynaMaze.LEFT);
            assertEquals(change, maze.steps());
            assertEquals(blocking ? 16 : 10, shortest(maze, maze.start()), id + " after");
            env.reset(1L, Map.of());
            assertEquals(blocking ? 10 : 16, shortest(maze, maze.start()), id + " after a seeded reset");
        }
    }

    @Test
    @DisplayName("change_at is only for the changing mazes: a one-line UserError")
    void badOptions() {
        UserError e = assertThrows(UserError.class, () -> EnvRegistry.make("DynaMaze-v0", Map.of("change_at", 5)));
        assertTrue(e.getMessage().contains("change_at"), e.getMessage());
    }
}
