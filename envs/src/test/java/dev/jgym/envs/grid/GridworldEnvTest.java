package dev.jgym.envs.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jgym.core.env.TabularModel.Outcome;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** S&amp;B Example 3.5's dynamics, cell by cell. */
class GridworldEnvTest {
    final Gridworld g = new Gridworld();

    Outcome only(int s, int a) {
        List<Outcome> o = g.transitions(s, a);
        assertEquals(1, o.size());
        return o.get(0);
    }

    @Test
    @DisplayName("A -> A' +10 and B -> B' +5 for every action; -1 and stay off the grid; 0 elsewhere; never terminal")
    void dynamics() {
        for (int a = 0; a < 4; a++) {
            assertEquals(new Outcome(1, Gridworld.A_PRIME, 10, false), only(Gridworld.A, a));
            assertEquals(new Outcome(1, Gridworld.B_PRIME, 5, false), only(Gridworld.B, a));
        }
        assertEquals(new Outcome(1, 0, -1, false), only(0, Gridworld.NORTH));
        assertEquals(new Outcome(1, 0, -1, false), only(0, Gridworld.WEST));
        assertEquals(new Outcome(1, 1, 0, false), only(0, Gridworld.EAST));
        assertEquals(new Outcome(1, 5, 0, false), only(0, Gridworld.SOUTH));
        assertEquals(new Outcome(1, 24, -1, false), only(24, Gridworld.SOUTH));
        assertEquals(new Outcome(1, 12, 0, false), only(13, Gridworld.WEST));
        for (int s = 0; s < 25; s++) for (int a = 0; a < 4; a++) assertFalse(only(s, a).terminated());
        for (double p : g.initialDistribution()) assertEquals(1 / 25.0, p, 0.0);
    }
}
