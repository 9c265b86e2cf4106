package dev.jgym.envs.games.minatar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.Step;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Freeway's rules as the class comment states them (after the MinAtar README's description). */
class FreewayTest {
    /** No sticky actions; every car parked in column 0 moving once every 5 frames. */
    private static Freeway quietRoad() {
        Freeway g = new Freeway(new Freeway.Settings(0.0));
        g.reset(5L, Map.of());
        Arrays.fill(g.carCol, 0);
        Arrays.fill(g.carPeriod, 5);
        Arrays.fill(g.carTimer, 5);
        return g;
    }

    @Test
    @DisplayName("the chicken moves at most once every 3 frames")
    void moveEveryThirdFrame() {
        Freeway g = quietRoad();
        int[] rows = new int[7];
        for (int i = 0; i < 7; i++) {
            g.step(Freeway.UP);
            rows[i] = g.chickenRow;
        }
        assertEquals("[8, 8, 8, 7, 7, 7, 6]", Arrays.toString(rows));
    }

    @Test
    @DisplayName("walking into a car sends the chicken back to the bottom row")
    void walkingIntoACar() {
        Freeway g = quietRoad();
        g.chickenRow = 5;
        g.carCol[3] = Freeway.COLUMN; // lane 3 is row 4
        Step<int[]> s = g.step(Freeway.UP);
        assertEquals(9, g.chickenRow);
        assertEquals(0.0, s.reward());
        assertEquals(1, s.observation()[(9 * 10 + 4) * 7 + Freeway.CHICKEN]);
    }

    @Test
    @DisplayName("a car driving into the chicken sends it back to the bottom row")
    void carDrivesIntoTheChicken() {
        Freeway g = quietRoad();
        g.chickenRow = 6; // lane 5 drives right
        g.carCol[5] = Freeway.COLUMN - 1;
        g.carTimer[5] = 1;
        g.step(Freeway.NOOP);
        assertEquals(Freeway.COLUMN, g.carCol[5]);
        assertEquals(9, g.chickenRow);
    }

    @Test
    @DisplayName("reaching the top scores +1, restarts at the bottom and redraws every lane's speed in 1-5")
    void crossing() {
        Freeway g = quietRoad();
        g.chickenRow = 1;
        Step<int[]> s = g.step(Freeway.UP);
        assertEquals(1.0, s.reward());
        assertEquals(9, g.chickenRow);
        boolean anyChanged = false;
        for (int lane = 0; lane < Freeway.LANES; lane++) {
            assertTrue(g.carPeriod[lane] >= 1 && g.carPeriod[lane] <= 5);
            anyChanged |= g.carPeriod[lane] != 5;
        }
        assertTrue(anyChanged, "speeds were redrawn");
    }

    @Test
    @DisplayName("cars wrap around, with their speed channel set on the cell behind them")
    void carsWrapAndShowSpeed() {
        Freeway g = quietRoad();
        g.carTimer[0] = 1; // lane 0 (row 1) drives left from column 0
        g.carPeriod[0] = 2;
        int[] obs = g.step(Freeway.NOOP).observation();
        assertEquals(9, g.carCol[0]);
        assertEquals(1, obs[(1 * 10 + 9) * 7 + Freeway.CAR]);
        assertEquals(1, obs[(1 * 10 + 0) * 7 + Freeway.SPEED + 1], "speed-2 trail to the right of a left-driving car");
    }

    @Test
    @DisplayName("the game ends after exactly 2500 frames")
    void clock() {
        Freeway g = new Freeway(new Freeway.Settings(0.0));
        g.reset(7L, Map.of());
        for (int i = 1; i < 2500; i++) assertFalse(g.step(Freeway.NOOP).terminated(), "frame " + i);
        assertTrue(g.step(Freeway.NOOP).terminated());
    }
}
