package dev.jgym.envs.games.board;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.multi.Match;
import dev.jgym.core.multi.RandomPlayer;
import dev.jgym.core.multi.TwoPlayerEnv;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.scene.Annotations;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The two-player contract (TwoPlayerEnv, PettingZoo's AEC in spirit) on tic-tac-toe and Connect Four. */
class BoardGameTest {
    @Test
    @DisplayName("turns alternate; the winning move gives +1 to the mover and -1 to the other; the mask empties at the end")
    void turnsAndRewards() {
        BoardGame g = BoardGame.ticTacToe();
        g.reset(1);
        assertEquals(0, g.currentPlayer());
        assertArrayEquals(new byte[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, g.actionMask());
        for (int a : new int[] {0, 3, 1, 4}) {
            int mover = g.currentPlayer();
            g.step(a);
            assertEquals(1 - mover, g.currentPlayer());
            assertEquals(0.0, g.reward(0));
            assertEquals(0.0, g.reward(1));
            assertEquals(-2, g.winner());
        }
        g.step(2);
        assertTrue(g.terminated());
        assertEquals(0, g.winner());
        assertEquals(1.0, g.reward(0));
        assertEquals(-1.0, g.reward(1));
        assertArrayEquals(new byte[9], g.actionMask());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.step(8));
        assertEquals("TicTacToe: action 8 is illegal now (the game is over)", e.getMessage());
        assertEquals("TicTacToe: X wins", g.scene(Annotations.NONE).caption());
    }

    @Test
    @DisplayName("each player observes its own pieces in channel 0")
    void perspective() {
        BoardGame g = BoardGame.connectFour();
        g.reset(0);
        g.step(3); // red (0) at the bottom of column 3
        g.step(4); // yellow (1) at the bottom of column 4
        int red = (5 * 7 + 3) * 2, yellow = (5 * 7 + 4) * 2;
        int[] mine = g.observe(0), theirs = g.observe(1);
        assertEquals(1, mine[red]);
        assertEquals(1, mine[yellow + 1]);
        assertEquals(1, theirs[yellow]);
        assertEquals(1, theirs[red + 1]);
        assertTrue(g.observationSpace().contains(mine));
    }

    @Test
    @DisplayName("an illegal move throws with the legal actions and changes nothing")
    void illegal() {
        BoardGame g = BoardGame.connectFour();
        g.reset(0);
        for (int i = 0; i < 6; i++) g.step(0);
        String before = g.toString();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.step(0));
        assertEquals("ConnectFour: action 0 is illegal now (column full); legal actions: [1, 2, 3, 4, 5, 6]", e.getMessage());
        assertEquals(before, g.toString());
        assertEquals(0, g.currentPlayer());
        assertFalse(g.legal(0));
    }

    @Test
    @DisplayName("a copy is independent: moves on it leave the original as it was, and vice versa")
    void copyIsIndependent() {
        BoardGame g = BoardGame.connectFour();
        g.reset(0);
        g.step(3);
        TwoPlayerEnv<int[]> c = g.copy();
        assertEquals(g.toString(), c.toString());
        c.step(3);
        c.step(2);
        assertEquals(1, g.moves());
        assertEquals(3, c.moves());
        g.step(6);
        assertEquals(0, c.observe(0)[(5 * 7 + 6) * 2 + 1]);
    }

    @Test
    @DisplayName("random self-play: 1000 Connect Four games all end by the rules; the same seeds replay the same games")
    void randomGames() {
        BoardGame g = BoardGame.connectFour();
        int[] results = new int[3];
        for (int i = 0; i < 1000; i++) {
            int w = Match.play(g, i, new RandomPlayer(new Rng(i).child("a")), new RandomPlayer(new Rng(i).child("b")));
            assertTrue(g.terminated());
            assertTrue(g.moves() >= 7 && g.moves() <= 42, "moves " + g.moves());
            results[w + 1]++;
        }
        int[] again = new int[3];
        for (int i = 0; i < 1000; i++) again[Match.play(g, i, new RandomPlayer(new Rng(i).child("a")), new RandomPlayer(new Rng(i).child("b"))) + 1]++;
        assertArrayEquals(results, again);
        System.out.printf("Connect Four, random vs random, 1000 games: first wins %d, second wins %d, draws %d%n", results[1], results[2], results[0]);
        assertTrue(results[1] > results[2], "the first player wins more often between random players");
    }
}
