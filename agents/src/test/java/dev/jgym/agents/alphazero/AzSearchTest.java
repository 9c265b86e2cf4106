package dev.jgym.agents.alphazero;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.rng.Rng;
import dev.jgym.envs.games.board.BoardGame;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** PUCT selection and backup, the root's Dirichlet noise and the board symmetries, against hand-computed values. */
class AzSearchTest {
    static float[] priors(int n, int favoured, float p) {
        float[] out = new float[n];
        Arrays.fill(out, (1 - p) / (n - 1));
        out[favoured] = p;
        return out;
    }

    @Test
    @DisplayName("PUCT (Silver et al. 2018): Q + c P sqrt(sum N) / (1 + N), values backed up from the chooser's side; c = 1.5, hand-computed scores")
    void selectionAndBackup() {
        BoardGame g = BoardGame.ticTacToe();
        g.reset(0);
        Puct puct = new Puct(new Puct.Settings(2, 1.5, 1.0, 0), 9);
        puct.start(g, null);
        float[] obs = new float[18];
        byte[] mask = new byte[9];
        assertTrue(puct.next(obs, 0, mask, 0), "the root is evaluated first");
        assertArrayEquals(new float[18], obs);
        puct.expand(priors(9, 4, 0.5f), 0, 0.1f);
        // simulation 1: sum N = 0 (taken as 1): scores c P = 0.75 for the centre, 0.09375 elsewhere
        assertTrue(puct.next(obs, 0, mask, 0));
        assertEquals(1f, obs[4 * 2 + 1], "the leaf is seen by O: X's centre piece in channel 1");
        assertEquals(0, mask[4]);
        puct.expand(priors(9, 0, 0.125f), 0, 0.8f); // +0.8 for O, so -0.8 for X's edge
        // simulation 2: centre -0.8 + 1.5 * 0.5 * 1 / 2 = -0.425; corner 0 + 1.5 * 0.0625 * 1 / 1 = 0.09375: cell 0 (ties: the lower)
        assertTrue(puct.next(obs, 0, mask, 0));
        assertEquals(1f, obs[1], "X's piece at cell 0");
        puct.expand(priors(9, 1, 0.125f), 0, -0.2f);
        assertFalse(puct.next(obs, 0, mask, 0), "two simulations done");
        int[] n = puct.rootVisits();
        assertEquals(1, n[0]);
        assertEquals(1, n[4]);
        assertEquals(2, Arrays.stream(n).sum());
        assertEquals(0.2, puct.rootValues()[0], 1e-6);
        assertEquals(-0.8, puct.rootValues()[4], 1e-6);
        assertEquals(0, puct.bestMove(), "equal visits: the higher Q");
        assertEquals(-0.3, puct.rootValue(), 1e-6);
    }

    @Test
    @DisplayName("a move that wins is valued exactly (+1 for its chooser) without the network")
    void terminalValuesAreExact() {
        BoardGame g = BoardGame.ticTacToe();
        g.reset(0);
        for (int a : new int[] {0, 3, 1, 4}) g.step(a); // X to move, X wins at cell 2
        Puct puct = new Puct(new Puct.Settings(1, 1.5, 1.0, 0), 9);
        puct.start(g, null);
        float[] obs = new float[18];
        byte[] mask = new byte[9];
        assertTrue(puct.next(obs, 0, mask, 0));
        puct.expand(priors(9, 2, 0.9f), 0, 0f);
        assertFalse(puct.next(obs, 0, mask, 0), "the winning move ends the game: no leaf to evaluate");
        assertEquals(1.0, puct.rootValues()[2], 0);
    }

    @Test
    @DisplayName("Dirichlet noise: P = 0.75 p + 0.25 eta, eta = normalised Gamma(alpha) draws of the game's stream over the legal moves, in action order")
    void dirichletNoiseFromTheSeededStream() {
        BoardGame g = BoardGame.ticTacToe();
        g.reset(0);
        g.step(4);
        float[] uniform = new float[9];
        for (int a = 0; a < 9; a++) uniform[a] = a == 4 ? 0 : 0.125f;
        float[] got = rootPriors(g, uniform, new Rng(7));
        Rng copy = new Rng(7);
        double[] eta = new double[9];
        double sum = 0;
        for (int a = 0; a < 9; a++) {
            if (a == 4) continue;
            eta[a] = copy.gamma(0.3);
            sum += eta[a];
        }
        double total = 0;
        for (int a = 0; a < 9; a++) {
            float expected = a == 4 ? 0 : (float) (0.75 * 0.125f + 0.25 * eta[a] / sum);
            assertEquals(expected, got[a], 0, "action " + a);
            total += got[a];
        }
        assertEquals(1, total, 1e-6);
        assertArrayEquals(got, rootPriors(g, uniform, new Rng(7)), "the same stream, the same noise");
        assertNotEquals(Arrays.toString(got), Arrays.toString(rootPriors(g, uniform, new Rng(8))));
    }

    private static float[] rootPriors(BoardGame g, float[] p, Rng noise) {
        Puct puct = new Puct(new Puct.Settings(1, 1.5, 0.3, 0.25), 9);
        puct.start(g, noise);
        puct.next(new float[18], 0, new byte[9], 0);
        puct.expand(p, 0, 0f);
        return puct.rootPriors();
    }

    @Test
    @DisplayName("symmetries: tic-tac-toe's 8 (dihedral group) and Connect Four's 2 (mirror) map (board, mask, policy) of a game to those of the mapped game")
    void symmetriesMapGamesToGames() {
        for (BoardGame proto : new BoardGame[] {BoardGame.ticTacToe(), BoardGame.connectFour()}) {
            Symmetries sym = Symmetries.of(proto.position());
            int cells = proto.observationSpace().size(), n = proto.actionSpace().n();
            assertEquals(proto.position().gravity() ? 2 : 8, sym.count());
            Set<String> distinct = new HashSet<>();
            Rng rng = new Rng(5);
            for (int trial = 0; trial < 50; trial++) {
                BoardGame g = proto.copy();
                g.reset(0);
                int moves = 1 + rng.nextInt(proto.position().gravity() ? 20 : 6);
                int[] played = new int[moves];
                int m = 0;
                while (m < moves && !g.terminated()) {
                    played[m] = g.legalActions().get(rng.nextInt(g.legalActions().size()));
                    g.step(played[m++]);
                }
                if (g.terminated()) continue;
                int[] o = g.observe(g.currentPlayer());
                byte[] obs = new byte[cells], mask = g.actionMask();
                for (int i = 0; i < cells; i++) obs[i] = (byte) o[i];
                float[] pi = new float[n];
                for (int a = 0; a < n; a++) pi[a] = mask[a] * (a + 1);
                for (int k = 0; k < sym.count(); k++) {
                    BoardGame h = proto.copy();
                    h.reset(0);
                    for (int i = 0; i < m; i++) h.step(sym.action(k, played[i]));
                    float[] obsOut = new float[cells], piOut = new float[n];
                    byte[] maskOut = new byte[n];
                    sym.apply(k, obs, 0, mask, 0, pi, 0, obsOut, 0, maskOut, 0, piOut, 0);
                    int[] expected = h.observe(h.currentPlayer());
                    for (int i = 0; i < cells; i++) assertEquals(expected[i], obsOut[i], 0, "symmetry " + k + " cell " + i);
                    assertArrayEquals(h.actionMask(), maskOut);
                    for (int a = 0; a < n; a++) assertEquals(pi[a], piOut[sym.action(k, a)], 0);
                    if (trial == 0 || distinct.size() < sym.count()) distinct.add(k + ":" + Arrays.toString(obsOut));
                }
            }
            assertTrue(distinct.size() >= sym.count());
        }
    }
}
