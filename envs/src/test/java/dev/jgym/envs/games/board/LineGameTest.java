package dev.jgym.envs.games.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Win detection in every direction, draws, gravity and undo for tic-tac-toe and Connect Four. */
class LineGameTest {
    /** Plays the moves in order (X first) and returns the game. */
    private static LineGame play(LineGame g, int... moves) {
        for (int m : moves) g.play(m);
        return g;
    }

    private static final int[][] TTT_LINES = {{0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {0, 3, 6}, {1, 4, 7}, {2, 5, 8}, {0, 4, 8}, {2, 4, 6}};

    private static boolean isLine(int a, int b, int c) {
        for (int[] l : TTT_LINES) {
            if (java.util.Set.of(l[0], l[1], l[2]).equals(java.util.Set.of(a, b, c))) return true;
        }
        return false;
    }

    @Test
    @DisplayName("tic-tac-toe: all 8 lines (3 rows, 3 columns, 2 diagonals) win, for X and for O")
    void ticTacToeLines() {
        for (int[] line : TTT_LINES) {
            java.util.List<Integer> outside = new java.util.ArrayList<>();
            for (int c = 0; c < 9; c++) {
                if (c != line[0] && c != line[1] && c != line[2]) outside.add(c);
            }
            // X takes the line while O plays two cells outside it
            LineGame g = play(LineGame.ticTacToe(), line[0], outside.get(0), line[1], outside.get(1));
            assertEquals(-1, g.winner());
            g.play(line[2]);
            assertEquals(0, g.winner(), "X on " + java.util.Arrays.toString(line) + "\n" + g);
            assertTrue(g.over());

            // O takes the line while X plays three outside cells that make no line of their own
            int[] xs = null;
            search:
            for (int a = 0; a < outside.size(); a++) {
                for (int b = a + 1; b < outside.size(); b++) {
                    for (int c = b + 1; c < outside.size(); c++) {
                        if (!isLine(outside.get(a), outside.get(b), outside.get(c))) {
                            xs = new int[] {outside.get(a), outside.get(b), outside.get(c)};
                            break search;
                        }
                    }
                }
            }
            LineGame h = play(LineGame.ticTacToe(), xs[0], line[0], xs[1], line[1], xs[2]);
            assertEquals(-1, h.winner());
            h.play(line[2]);
            assertEquals(1, h.winner(), "O on " + java.util.Arrays.toString(line) + "\n" + h);
        }
    }

    @Test
    @DisplayName("tic-tac-toe: a full board with no line is a draw")
    void draw() {
        LineGame g = play(LineGame.ticTacToe(), 0, 1, 2, 4, 3, 5, 7, 6, 8);
        assertEquals("XOX\nXOO\nOXX\n", g.toString());
        assertTrue(g.over());
        assertEquals(-1, g.winner());
    }

    @Test
    @DisplayName("Connect Four: horizontal, vertical and both diagonal fours win, anywhere on the board")
    void connectFourLines() {
        LineGame e = LineGame.connectFour();
        String[][] positions = {
            {".......", ".......", ".......", ".......", "OOO....", "XXX...."}, // X plays 3: horizontal, bottom row
            {".......", ".......", ".......", "X......", "XO.....", "XOO...."}, // X plays 0: vertical, rows 2-5
            {".......", ".......", ".......", "..XO...", ".XOO...", "XOXO..X"}, // X plays 3 (lands row 2): rising diagonal
            {".......", ".......", ".......", "...OX..", "...OOX.", "X..OXOX"}, // X plays 3 (lands row 2): falling diagonal
            {".......", "......X", "......X", "......X", "......O", "O.....O"}, // X plays 6 (lands row 0): vertical at the top
        };
        int[] winning = {3, 0, 3, 3, 6};
        for (int i = 0; i < winning.length; i++) {
            LineGame g = LineGame.parse(e, positions[i]);
            assertEquals(-1, g.winner(), "no winner before\n" + g);
            assertEquals(0, g.toMove());
            g.play(winning[i]);
            assertEquals(0, g.winner(), "case " + i + "\n" + g);
        }
        // O wins too: X makes a harmless move, O completes four in the bottom row
        LineGame o = LineGame.parse(e, ".......", ".......", ".......", ".......", "X......", "XX.OOO.");
        o.play(2);
        assertEquals(-1, o.winner(), o.toString());
        o.play(6);
        assertEquals(1, o.winner(), o.toString());
    }

    @Test
    @DisplayName("Connect Four: three in a row, or four broken by an opponent piece, is no win")
    void connectFourNearMisses() {
        LineGame e = LineGame.connectFour();
        LineGame g = LineGame.parse(e, ".......", ".......", ".......", ".......", "OO.O...", "XXOXX..");
        assertEquals(-1, g.winner());
        g.play(5); // X: XXOXXX? no: columns 0,1,3,4,5 with O at 2
        assertEquals(-1, g.winner(), g.toString());
    }

    @Test
    @DisplayName("Connect Four: pieces drop to the lowest free cell; a full column is illegal; undo restores")
    void gravityAndUndo() {
        LineGame g = LineGame.connectFour();
        for (int i = 0; i < 6; i++) g.play(2);
        assertEquals(0, g.cell(5, 2));
        assertEquals(1, g.cell(0, 2));
        assertFalse(g.legal(2));
        assertThrows(IllegalArgumentException.class, () -> g.play(2));
        String before = g.toString();
        g.play(4);
        g.undo(4);
        assertEquals(before, g.toString());
        assertEquals(6, g.moves());
        byte[] mask = new byte[7];
        g.legalMask(mask);
        assertEquals("[1, 1, 0, 1, 1, 1, 1]", java.util.Arrays.toString(mask));
    }

    @Test
    @DisplayName("undo after a win clears the winner; no move is legal once the game is won")
    void undoAfterWin() {
        LineGame g = play(LineGame.ticTacToe(), 0, 3, 1, 4, 2);
        assertEquals(0, g.winner());
        assertFalse(g.legal(8));
        g.undo(2);
        assertEquals(-1, g.winner());
        assertTrue(g.legal(8));
    }
}
