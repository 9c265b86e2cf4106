package dev.jgym.envs.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.env.TabularModel;
import dev.jgym.core.env.TabularModel.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Windy Gridworld against Sutton &amp; Barto (2nd ed.), Example 6.5 and Exercises 6.9-6.10. */
class WindyGridworldTest {
    private static final int[] WIND = {0, 0, 0, 1, 1, 1, 2, 2, 1, 0}; // the book's figure, by column

    private static TabularModel model(String id, Map<String, Object> options) {
        return (TabularModel) EnvRegistry.make(id, options).unwrapped();
    }

    @Test
    @DisplayName("S&B Example 6.5: the optimal episode takes 15 steps (return -15); with king's moves 7 (Exercise 6.9)")
    void shortestEpisodes() {
        assertEquals(-15, Planning.optimalValues(model("WindyGridworld-v0", Map.of()), 100)[WindyGridworld.START], 0);
        assertEquals(-7, Planning.optimalValues(model("WindyGridworldKings-v0", Map.of()), 100)[WindyGridworld.START], 0);
        assertEquals(-7, Planning.optimalValues(model("WindyGridworldKings-v0", Map.of("stay", true)), 100)[WindyGridworld.START], 0);
    }

    @Test
    @DisplayName("every deterministic row: wind of the column left, added to the move, clamped; computed here from the book")
    void everyRowFromTheBook() {
        int[][] moves = {{-1, 0}, {0, 1}, {1, 0}, {0, -1}, {-1, 1}, {1, 1}, {1, -1}, {-1, -1}, {0, 0}};
        TabularModel m = model("WindyGridworldKings-v0", Map.of("stay", true));
        assertEquals(9, m.actionCount());
        for (int row = 0; row < 7; row++) {
            for (int col = 0; col < 10; col++) {
                int s = row * 10 + col;
                for (int a = 0; a < 9; a++) {
                    List<Outcome> got = m.transitions(s, a);
                    if (s == 37) {
                        assertEquals(List.of(new Outcome(1, 37, 0, true)), got);
                        continue;
                    }
                    int r = Math.min(6, Math.max(0, row + moves[a][0] - WIND[col]));
                    int c = Math.min(9, Math.max(0, col + moves[a][1]));
                    assertEquals(List.of(new Outcome(1, r * 10 + c, -1, r * 10 + c == 37)), got, "s=" + s + " a=" + a);
                }
            }
        }
    }

    @Test
    @DisplayName("Exercise 6.10: in windy columns the wind is w-1, w, w+1 with 1/3 each (60000 draws, +-0.01); calm columns stay calm")
    void stochasticWind() {
        TabularModel m = model("WindyGridworldStochastic-v0", Map.of());
        assertEquals(8, m.actionCount());
        assertEquals(1, m.transitions(3 * 10 + 1, 1).size(), "column 1 has no wind");
        assertEquals(3, m.transitions(4 * 10 + 6, 1).size(), "column 6 has wind 2");
        Env<Integer, Integer> env = EnvRegistry.make("WindyGridworldStochastic-v0");
        env.reset(9L, Map.of());
        // from the start (3,0) go right three times to (3,3), then right: wind 1 -> rows 3-{0,1,2}
        int[] counts = new int[7];
        int n = 60000;
        for (int i = 0; i < n; i++) {
            env.reset();
            for (int k = 0; k < 3; k++) assertEquals(31 + k, env.step(1).observation());
            Step<Integer> s = env.step(1);
            assertEquals(4, s.observation() % 10);
            counts[s.observation() / 10]++;
        }
        for (int row = 1; row <= 3; row++) assertEquals(1.0 / 3, counts[row] / (double) n, 0.01, "row " + row);
        assertEquals(n, counts[1] + counts[2] + counts[3]);
    }

    @Test
    @DisplayName("an episode ends at the goal with -1 for every step, the last included")
    void episode() {
        Env<Integer, Integer> env = EnvRegistry.make("WindyGridworld-v0");
        env.reset(0L, Map.of());
        // the book's optimal path: right x9 (pushed up to the top), down x4, left x2
        int[] path = {1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3};
        double total = 0;
        Step<Integer> s = null;
        for (int a : path) {
            s = env.step(a);
            total += s.reward();
        }
        assertEquals(37, s.observation());
        assertTrue(s.terminated());
        assertEquals(-15, total);
    }
}
