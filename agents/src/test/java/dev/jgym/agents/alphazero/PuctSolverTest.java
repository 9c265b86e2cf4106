package dev.jgym.agents.alphazero;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.rng.Rng;
import dev.jgym.envs.games.board.BoardGame;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** PUCT with the solver on (MCTS-Solver's proofs) on tic-tac-toe positions whose outcome is known, beside the plain search; and the value targets. */
class PuctSolverTest {
    static BoardGame ticTacToe(int... moves) {
        BoardGame g = BoardGame.ticTacToe();
        g.reset(0);
        for (int a : moves) g.step(a);
        return g;
    }

    /** Runs the search to its end with the given priors at every leaf and value 0 (a network that knows nothing). */
    static Puct search(BoardGame g, int simulations, boolean solver, float[] priors) {
        Puct puct = new Puct(new Puct.Settings(simulations, 1.5, 1.0, 0, solver), 9);
        puct.start(g, null);
        float[] obs = new float[18];
        byte[] mask = new byte[9];
        while (puct.next(obs, 0, mask, 0)) {
            float[] p = new float[9];
            float sum = 0;
            for (int a = 0; a < 9; a++) sum += mask[a] * priors[a];
            for (int a = 0; a < 9; a++) p[a] = mask[a] * priors[a] / sum;
            puct.expand(p, 0, 0f);
        }
        return puct;
    }

    static float[] uniform() {
        float[] p = new float[9];
        Arrays.fill(p, 1f);
        return p;
    }

    @Test
    @DisplayName("a win on the board is proven and played, and draws the remaining simulations, though the priors point elsewhere")
    void provesAndPlaysTheWin() {
        BoardGame g = ticTacToe(0, 3, 1, 4); // X to move: cell 2 wins
        float[] misleading = uniform();
        misleading[8] = 200f; // the "network" favours cell 8
        Puct solver = search(g, 30, true, misleading);
        assertEquals(1, solver.rootProof(), "won for X");
        assertEquals(2, solver.bestMove());
        assertEquals(2, solver.sampleMove(new Rng(1)));
        int[] n = solver.rootVisits();
        assertTrue(n[2] > n[8], "once proven, the simulations go to the win: " + Arrays.toString(n));
        assertEquals(1.0, solver.rootValues()[2], 0, "the win's exact value");
    }

    @Test
    @DisplayName("a position lost whatever the move (three threats to parry) is proven lost")
    void provesTheLoss() {
        BoardGame g = ticTacToe(0, 8, 2, 5, 6); // O to move; X threatens cells 1, 3 and 4
        Puct p = search(g, 200, true, uniform());
        assertEquals(-1, p.rootProof());
        assertTrue(g.legal(p.bestMove()));
        for (double q : p.rootValues()) assertTrue(Double.isNaN(q) || q < 0, Arrays.toString(p.rootValues()));
    }

    @Test
    @DisplayName("moves proven to lose are never played while another is left: O must block at cell 2, by the best move and by every sampled one")
    void neverPlaysAProvenLoss() {
        BoardGame g = ticTacToe(0, 4, 1); // X threatens cell 2; O to move
        Puct p = search(g, 200, true, uniform());
        assertEquals(0, p.rootProof(), "blocking holds the draw, which the solver does not prove");
        assertEquals(2, p.bestMove());
        Rng rng = new Rng(5);
        for (int i = 0; i < 200; i++) assertEquals(2, p.sampleMove(rng));
        Puct plain = search(g, 200, false, uniform());
        Rng rng2 = new Rng(5);
        boolean other = false;
        for (int i = 0; i < 200; i++) other |= plain.sampleMove(rng2) != 2;
        assertTrue(other, "the plain search samples losing moves in proportion to their visits: " + Arrays.toString(plain.rootVisits()));
    }

    @Test
    @DisplayName("without the solver the search is the plain one: the visits, best move and value that Puct gave before the solver was an option (commit 5f54757)")
    void offIsPlain() {
        int[][] positions = {{}, {4}, {0, 3, 1, 4}, {0, 8, 2, 5, 6}, {0, 4, 1}};
        String[] before = {"[1, 3, 1, 5, 21, 9, 27, 24, 9] 6 -0.039780900562182066", "[10, 2, 2, 13, 0, 5, 45, 16, 7] 6 -0.052429621974006295",
            "[0, 0, 91, 0, 0, 2, 2, 1, 4] 2 0.8927291919291019", "[0, 15, 0, 28, 31, 0, 0, 26, 0] 4 -0.9060765199363232",
            "[0, 0, 47, 10, 0, 16, 12, 4, 11] 2 0.0018460644874721765"};
        for (int i = 0; i < positions.length; i++) {
            Puct b = new Puct(new Puct.Settings(100, 1.5, 1.0, 0, false), 9);
            b.start(ticTacToe(positions[i]), null);
            float[] obs = new float[18];
            byte[] mask = new byte[9];
            int k = 0;
            while (b.next(obs, 0, mask, 0)) { // priors rising with the cell, values sin(0), sin(1), ...
                float[] p = new float[9];
                float sum = 0;
                for (int a = 0; a < 9; a++) sum += mask[a] * (1 + a);
                for (int a = 0; a < 9; a++) p[a] = mask[a] * (1 + a) / sum;
                b.expand(p, 0, (float) Math.sin(k++));
            }
            assertEquals(before[i], Arrays.toString(b.rootVisits()) + " " + b.bestMove() + " " + b.rootValue(), Arrays.toString(positions[i]));
            assertEquals(0, b.rootProof());
        }
    }

    @Test
    @DisplayName("value_target: outcome is z for the player to move; average is (z + q) / 2 with the search's root value q at that move")
    void valueTargets() {
        // three moves: players 0, 1, 0; player 0 wins; root values 0.5, -0.25, 0.75
        SelfPlayGame g = new SelfPlayGame(3, new int[] {4, 0, 8}, new int[] {0, 1, 0}, new byte[54], new byte[27], new float[27], new int[27],
                new float[27], new float[] {0.5f, -0.25f, 0.75f}, 0);
        float[] outcome = {g.valueTarget(0, false), g.valueTarget(1, false), g.valueTarget(2, false)};
        float[] average = {g.valueTarget(0, true), g.valueTarget(1, true), g.valueTarget(2, true)};
        assertEquals("[1.0, -1.0, 1.0]", Arrays.toString(outcome));
        assertEquals("[0.75, -0.625, 0.875]", Arrays.toString(average));
        SelfPlayGame draw = new SelfPlayGame(1, new int[] {4}, new int[] {1}, new byte[18], new byte[9], new float[9], new int[9], new float[9],
                new float[] {-0.5f}, -1);
        assertEquals(0f, draw.valueTarget(0, false));
        assertEquals(-0.25f, draw.valueTarget(0, true));
    }
}
