package dev.jgym.envs.games.minatar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.Step;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Asterix's rules as the class comment states them (after the MinAtar README's description). */
class AsterixTest {
    private static Asterix game(boolean ramping) {
        Asterix g = new Asterix(new Asterix.Settings(0.0, ramping));
        g.reset(8L, Map.of());
        return g;
    }

    @Test
    @DisplayName("walking onto treasure scores +1 and removes it")
    void treasure() {
        Asterix g = game(true);
        g.laneCol[3] = 4; // row 4
        g.laneDir[3] = 1;
        g.laneGold[3] = true;
        g.playerRow = 4;
        g.playerCol = 5;
        Step<int[]> s = g.step(Asterix.LEFT);
        assertEquals(1.0, s.reward());
        assertEquals(-1, g.laneCol[3]);
        assertFalse(s.terminated());
    }

    @Test
    @DisplayName("an enemy moving into the player ends the game")
    void enemy() {
        Asterix g = game(true);
        g.laneCol[4] = 3; // row 5, moving right into the player at column 4
        g.laneDir[4] = 1;
        g.laneGold[4] = false;
        g.playerCol = 4;
        g.moveTimer = 1;
        g.spawnTimer = 100;
        assertTrue(g.step(Asterix.NOOP).terminated());
    }

    @Test
    @DisplayName("objects enter at an edge moving inwards and leave a trail; the player stays inside rows 1-8")
    void spawnsAndBounds() {
        Asterix g = game(true);
        for (int i = 0; i < Asterix.SPAWN_INTERVAL; i++) g.step(Asterix.NOOP);
        int lanes = 0;
        for (int lane = 0; lane < Asterix.LANES; lane++) {
            if (g.laneCol[lane] < 0) continue;
            lanes++;
            int edge = g.laneDir[lane] > 0 ? 0 : 9;
            // it entered at the edge on frame 10, and frame 10 is also a move frame: one cell in
            assertEquals(edge + g.laneDir[lane], g.laneCol[lane]);
            assertEquals(1, g.observation()[((lane + 1) * 10 + edge) * 4 + Asterix.TRAIL], "trail at the edge");
        }
        assertEquals(1, lanes, "one object after one spawn interval");
        Asterix h = game(true);
        h.spawnTimer = 1000;
        for (int i = 0; i < 10; i++) h.step(Asterix.UP);
        assertEquals(1, h.playerRow);
        for (int i = 0; i < 10; i++) h.step(Asterix.DOWN);
        assertEquals(8, h.playerRow);
    }

    @Test
    @DisplayName("the ramp shortens the move and spawn intervals every 100 frames; without it they stay")
    void ramp() {
        for (boolean ramping : new boolean[] {true, false}) {
            Asterix g = game(ramping);
            for (int i = 0; i < 100; i++) {
                g.playerRow = 1; // keep out of harm's way: lanes are entered and crossed, contact ends nothing here
                g.playerCol = 0;
                g.laneCol[0] = -1;
                Step<int[]> s = g.step(Asterix.NOOP);
                assertFalse(s.terminated());
            }
            assertEquals(ramping ? 4 : 5, g.moveInterval);
            assertEquals(ramping ? 9 : 10, g.spawnInterval);
        }
    }
}
