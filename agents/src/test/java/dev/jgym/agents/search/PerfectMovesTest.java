package dev.jgym.agents.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.multi.Player;
import dev.jgym.core.rng.Rng;
import dev.jgym.envs.games.board.BoardGame;
import dev.jgym.envs.games.board.connect4.Solver;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The perfect-move rate of {@code jgym solve --rate}: its positions, its scoring, and players whose rate is known. */
class PerfectMovesTest {
    static final List<PerfectMoves.Scored> POSITIONS = PerfectMoves.positions(120, 14, 32, new Rng(1));

    @Test
    @DisplayName("positions: every length of 14-32 plies equally often, open (no four yet), scored as the solver scores them, the same for the same seed")
    void positions() {
        int[] lengths = new int[33];
        Solver solver = new Solver(20);
        for (PerfectMoves.Scored p : POSITIONS) {
            lengths[p.moves().length()]++;
            BoardGame g = p.game();
            assertFalse(g.terminated(), p.moves());
            assertEquals(p.moves().length(), g.moves());
            assertArrayEquals(solver.scores(p.moves()), p.scores(), p.moves());
            for (int c = 0; c < 7; c++) assertEquals(g.legal(c), p.scores()[c] != Solver.NOT_PLAYABLE, p.moves() + " column " + c);
        }
        for (int n = 14; n <= 32; n++) assertTrue(lengths[n] == 6 || lengths[n] == 7, n + " plies: " + lengths[n]);
        List<PerfectMoves.Scored> again = PerfectMoves.positions(120, 14, 32, new Rng(1));
        for (int i = 0; i < POSITIONS.size(); i++) assertEquals(POSITIONS.get(i).moves(), again.get(i).moves());
    }

    @Test
    @DisplayName("a perfect move scores highest; the solver as a player is perfect everywhere, a column chosen at random is not, and a worst move never is where the choice matters")
    void rates() {
        PerfectMoves.Scored p = new PerfectMoves.Scored("x", new int[] {-3, 2, Solver.NOT_PLAYABLE, 2, -1, 0, 1});
        assertEquals(2, p.best());
        assertTrue(p.perfect(1) && p.perfect(3) && !p.perfect(2) && !p.perfect(6) && !p.perfect(7) && p.discriminating());
        assertFalse(new PerfectMoves.Scored("y", new int[] {0, 0, Solver.NOT_PLAYABLE, 0, 0, 0, 0}).discriminating());

        Player solver = Players.parse("solver", "connect4", "test").apply(new Rng(3));
        PerfectMoves.Rate all = PerfectMoves.rate(POSITIONS, solver::act, () -> { });
        assertEquals(new PerfectMoves.Rate(120, 120, all.whereItMatters(), all.whereItMatters()), all);
        assertTrue(all.whereItMatters() > 60, "most positions have a wrong move: " + all);

        Player random = Players.parse("random", "connect4", "test").apply(new Rng(3));
        PerfectMoves.Rate r = PerfectMoves.rate(POSITIONS, random::act, () -> { });
        assertTrue(r.share() > 0.1 && r.share() < 0.6, "random: " + r);

        int[] next = {0}; // rate asks for the positions in order
        PerfectMoves.Rate worst = PerfectMoves.rate(POSITIONS, g -> {
            int[] scores = POSITIONS.get(next[0]++).scores();
            int w = -1;
            for (int c = 0; c < 7; c++) if (scores[c] != Solver.NOT_PLAYABLE && (w < 0 || scores[c] < scores[w])) w = c;
            return w;
        }, () -> { });
        assertEquals(0, worst.perfectWhereItMatters(), worst.toString());
        assertEquals(worst.positions() - worst.whereItMatters(), worst.perfect());
    }
}
