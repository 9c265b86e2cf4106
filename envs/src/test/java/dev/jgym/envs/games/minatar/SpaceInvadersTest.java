package dev.jgym.envs.games.minatar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.Step;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Space Invaders' rules as the class comment states them (after the MinAtar README's description). */
class SpaceInvadersTest {
    private static SpaceInvaders game(boolean ramping) {
        SpaceInvaders g = new SpaceInvaders(new SpaceInvaders.Settings(0.0, ramping));
        g.reset(3L, Map.of());
        return g;
    }

    private static int count(boolean[] grid) {
        int n = 0;
        for (boolean b : grid) n += b ? 1 : 0;
        return n;
    }

    @Test
    @DisplayName("a shot rises one cell per frame and removes the first alien it meets for +1")
    void shotKillsAlien() {
        SpaceInvaders g = game(true);
        double total = 0;
        Step<int[]> s = g.step(SpaceInvaders.FIRE);
        assertTrue(g.friendly[8 * 10 + 5], "the bullet appears just above the cannon");
        total += s.reward();
        for (int i = 0; i < 4; i++) total += g.step(SpaceInvaders.NOOP).reward();
        assertEquals(0.0, total, "still rising after 5 frames (row 4)");
        s = g.step(SpaceInvaders.NOOP);
        assertEquals(1.0, s.reward(), "meets the alien in row 3 on frame 6");
        assertFalse(g.aliens[3 * 10 + 5]);
        assertEquals(23, g.aliensLeft);
        assertEquals(0, count(g.friendly));
    }

    @Test
    @DisplayName("the gun fires at most once every 5 frames")
    void cooldown() {
        SpaceInvaders g = game(true);
        g.cannon = 0; // no alien above column 0 yet
        int[] bullets = new int[6];
        for (int i = 0; i < 6; i++) {
            g.step(SpaceInvaders.FIRE);
            bullets[i] = count(g.friendly);
        }
        assertEquals("[1, 1, 1, 1, 1, 2]", Arrays.toString(bullets));
    }

    @Test
    @DisplayName("an alien bullet reaching the cannon ends the game")
    void enemyBulletKillsCannon() {
        SpaceInvaders g = game(true);
        g.enemy[8 * 10 + g.cannon] = true;
        Step<int[]> s = g.step(SpaceInvaders.NOOP);
        assertTrue(s.terminated());
        assertEquals(1, s.observation()[(9 * 10 + g.cannon) * 6 + SpaceInvaders.ENEMY]);
    }

    @Test
    @DisplayName("the lowest alien of the column nearest the cannon fires every 10 frames")
    void aliensShoot() {
        SpaceInvaders g = game(true);
        g.cannon = 0; // nearest column with aliens is 2 (after no march yet)
        for (int i = 0; i < 10; i++) g.step(SpaceInvaders.NOOP);
        // the block has not moved yet (first march at frame 12); the bullet drops below row 3
        assertTrue(g.enemy[4 * 10 + 2], Arrays.toString(g.enemy));
        assertEquals(1, count(g.enemy));
    }

    @Test
    @DisplayName("the block marches sideways every interval, and down with a turn at the edge")
    void march() {
        SpaceInvaders g = game(true);
        for (int i = 0; i < 11; i++) g.step(SpaceInvaders.NOOP);
        assertTrue(g.aliens[2], "not moved after 11 frames");
        g.step(SpaceInvaders.NOOP);
        assertTrue(g.aliens[1] && !g.aliens[7], "one cell left at frame 12");
        int[] obs = g.observation();
        assertEquals(1, obs[(0 * 10 + 1) * 6 + SpaceInvaders.ALIEN_LEFT]);
        assertEquals(0, obs[(0 * 10 + 1) * 6 + SpaceInvaders.ALIEN_RIGHT]);

        Arrays.fill(g.aliens, false);
        g.aliens[2 * 10 + 0] = true;
        g.aliensLeft = 1;
        g.alienTimer = 1;
        g.step(SpaceInvaders.NOOP);
        assertTrue(g.aliens[3 * 10 + 0], "down a row at the left edge");
        assertEquals(1, g.alienDir, "and now marching right");
        g.step(SpaceInvaders.NOOP);
        assertTrue(g.aliens[3 * 10 + 1], "the last alien moves every frame");
    }

    @Test
    @DisplayName("an alien reaching the bottom row ends the game")
    void alienLands() {
        SpaceInvaders g = game(true);
        Arrays.fill(g.aliens, false);
        g.aliens[8 * 10 + 0] = true;
        g.aliensLeft = 1;
        g.alienTimer = 1;
        g.cannon = 9;
        assertTrue(g.step(SpaceInvaders.NOOP).terminated());
    }

    @Test
    @DisplayName("clearing a wave brings a new one; with the ramp it marches one frame faster")
    void waves() {
        for (boolean ramping : new boolean[] {true, false}) {
            SpaceInvaders g = game(ramping);
            Arrays.fill(g.aliens, false);
            g.aliens[8 * 10 + 5] = true; // right above the cannon
            g.aliensLeft = 1;
            g.alienTimer = 100;
            g.step(SpaceInvaders.FIRE);
            assertEquals(1.0, g.score());
            assertEquals(24, g.aliensLeft);
            assertEquals(ramping ? 11 : 12, g.waveInterval);
            assertEquals(1, g.wave);
        }
    }
}
