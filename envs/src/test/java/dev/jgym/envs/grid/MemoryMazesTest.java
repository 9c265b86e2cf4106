package dev.jgym.envs.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** MazeRunner (perfect mazes, two views) and the T-maze memory task. */
class MemoryMazesTest {

    private static MazeRunner maze(Map<String, Object> options) {
        return ToyTextTest.unwrap("MazeRunner-v0", options);
    }

    @Test
    @DisplayName("mazes are perfect: w*h cells joined by exactly w*h-1 openings, all reachable (so no loops)")
    void perfectMazes() {
        for (long seed = 0; seed < 30; seed++) {
            MazeRunner env = maze(Map.of("width", 3 + (int) (seed % 7), "height", 2 + (int) (seed % 5)));
            env.reset(seed, Map.of());
            String[] grid = env.layout();
            int w = env.options().width(), h = env.options().height();
            int floor = 0;
            for (String row : grid) floor += (int) row.chars().filter(c -> c == '.').count();
            assertEquals(w * h + (w * h - 1), floor, "cells plus a spanning tree's openings: " + String.join("\n", grid));
            assertEquals(floor, reachable(grid), "connected");
            for (int c = 0; c < grid[0].length(); c++) assertEquals('#', grid[0].charAt(c), "outer wall");
        }
    }

    private static int reachable(String[] grid) {
        int rows = grid.length, cols = grid[0].length();
        boolean[] seen = new boolean[rows * cols];
        ArrayDeque<Integer> q = new ArrayDeque<>();
        q.add(cols + 1);
        seen[cols + 1] = true;
        int count = 0;
        while (!q.isEmpty()) {
            int p = q.poll();
            count++;
            for (int d : new int[] {-cols, cols, -1, 1}) {
                int n = p + d;
                if (!seen[n] && grid[n / cols].charAt(n % cols) == '.') {
                    seen[n] = true;
                    q.add(n);
                }
            }
        }
        return count;
    }

    @Test
    @DisplayName("seeding: the same reset seed or maze_seed gives the same maze; other seeds other mazes")
    void seededMazes() {
        MazeRunner a = maze(Map.of()), b = maze(Map.of());
        a.reset(5L, Map.of());
        b.reset(5L, Map.of());
        assertArrayEquals(a.layout(), b.layout());
        b.reset(6L, Map.of());
        assertFalse(Arrays.equals(a.layout(), b.layout()));
        MazeRunner fixed = maze(Map.of("maze_seed", 42L));
        fixed.reset(1L, Map.of());
        String[] first = fixed.layout();
        fixed.reset(2L, Map.of());
        assertArrayEquals(first, fixed.layout(), "maze_seed fixes the maze across resets");
    }

    @Test
    @DisplayName("following the shortest path reaches the goal with reward 1 - 0.9 * steps / max_steps")
    void solveByShortestPath() {
        MazeRunner env = maze(Map.of("width", 6, "height", 4));
        Reset<float[]> r = env.reset(3L, Map.of());
        assertEquals(3 * 9 * 13, r.observation().length);
        int[] path = shortestPath(env.layout());
        Step<float[]> s = null;
        for (int i = 0; i < path.length; i++) {
            s = env.step(path[i]);
            assertEquals(i == path.length - 1, s.terminated());
        }
        assertEquals(1 - 0.9 * path.length / 96.0, s.reward(), 1e-12);
        float[] obs = s.observation();
        int n = 9 * 13;
        assertEquals(1f, obs[n + 7 * 13 + 11], "agent channel at the goal");
    }

    /** Actions of a BFS shortest path from (1,1) to the bottom-right cell. */
    static int[] shortestPath(String[] grid) {
        int rows = grid.length, cols = grid[0].length();
        int[] from = new int[rows * cols];
        Arrays.fill(from, -1);
        int start = cols + 1, goal = (rows - 2) * cols + cols - 2;
        ArrayDeque<Integer> q = new ArrayDeque<>();
        q.add(start);
        from[start] = start;
        int[] delta = {-cols, 1, cols, -1};
        while (!q.isEmpty()) {
            int p = q.poll();
            for (int d : delta) {
                int n = p + d;
                if (from[n] < 0 && grid[n / cols].charAt(n % cols) == '.') {
                    from[n] = p;
                    q.add(n);
                }
            }
        }
        ArrayDeque<Integer> actions = new ArrayDeque<>();
        for (int p = goal; p != start; p = from[p]) {
            int d = p - from[p];
            for (int a = 0; a < 4; a++) if (delta[a] == d) actions.push(a);
        }
        return actions.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    @DisplayName("local view: wall and goal channels in a window centred on the agent, outside counts as wall")
    void localView() {
        MazeRunner env = maze(Map.of("observation", "local", "view", 3, "width", 2, "height", 2, "max_steps", 3));
        float[] obs = env.reset(0L, Map.of()).observation();
        assertEquals(2 * 9, obs.length);
        String[] grid = env.layout();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) assertEquals(grid[i].charAt(j) == '#' ? 1f : 0f, obs[i * 3 + j], "(" + i + "," + j + ")");
        }
        assertEquals(0f, obs[4], "the agent's own cell is floor");
        Step<float[]> s = null;
        for (int i = 0; i < 3; i++) s = env.step(3); // left into the wall: nothing moves
        assertTrue(s.truncated() && !s.terminated(), "the env truncates itself at max_steps");
    }

    @Test
    @DisplayName("T-maze (Bakker 2002): the cue shows only at the start; corridor and junction look alike for both cues")
    void tMazeObservations() {
        TMaze env = ToyTextTest.unwrap("TMaze-v0", Map.of("length", 4));
        int up = 0, down = 0;
        for (long seed = 0; seed < 200; seed++) {
            float[] start = env.reset(seed, Map.of()).observation();
            if (env.goalUp()) {
                up++;
                assertArrayEquals(new float[] {0, 1, 1}, start);
            } else {
                down++;
                assertArrayEquals(new float[] {1, 1, 0}, start);
            }
            for (int k = 1; k < 4; k++) assertArrayEquals(new float[] {1, 0, 1}, env.step(TMaze.RIGHT).observation());
            Step<float[]> junction = env.step(TMaze.RIGHT);
            assertArrayEquals(new float[] {0, 1, 0}, junction.observation());
            assertEquals(0, junction.reward());
            Step<float[]> end = env.step(env.goalUp() ? TMaze.UP : TMaze.DOWN);
            assertEquals(4, end.reward());
            assertTrue(end.terminated());
        }
        assertTrue(up > 70 && down > 70, "cues are 50/50: " + up + "/" + down);
        assertNotEquals(0, up);
    }

    @Test
    @DisplayName("T-maze: the wrong arm gives -0.1 and ends; walls give -0.1; a memoryless policy averages (4 - 0.1) / 2")
    void tMazeRewards() {
        TMaze env = ToyTextTest.unwrap("TMaze-v0", Map.of("length", 2));
        env.reset(1L, Map.of());
        assertEquals(-0.1, env.step(TMaze.LEFT).reward(), "wall at the start");
        assertEquals(-0.1, env.step(TMaze.UP).reward(), "wall along the corridor");
        env.step(TMaze.RIGHT);
        env.step(TMaze.RIGHT);
        Step<float[]> wrong = env.step(env.goalUp() ? TMaze.DOWN : TMaze.UP);
        assertEquals(-0.1, wrong.reward());
        assertTrue(wrong.terminated());
        // always turning up, whatever the cue: half the episodes earn 4, half -0.1
        double total = 0;
        int n = 4000;
        for (int i = 0; i < n; i++) {
            env.reset();
            env.step(TMaze.RIGHT);
            env.step(TMaze.RIGHT);
            total += env.step(TMaze.UP).reward();
        }
        assertEquals((4 - 0.1) / 2, total / n, 0.1); // sd of the mean 2.05/sqrt(4000) = 0.032: 3 sigma
    }
}
