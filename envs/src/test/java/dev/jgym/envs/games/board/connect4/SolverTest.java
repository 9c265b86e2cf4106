package dev.jgym.envs.games.board.connect4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.rng.Rng;
import dev.jgym.envs.games.board.LineGame;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Connect Four solver against Pons' test set and against plain minimax on the board's own rules (LineGame). */
class SolverTest {
    /**
     * The first 21 lines of Pascal Pons' benchmark set {@code Test_L3_R1} ("end-easy": more than
     * 28 moves played), {@code <moves> <score>}, from blog.gamesolver.org/solving-connect-four/02-test-protocol/
     * (as quoted in a public test file; moves are columns 1-7).
     */
    private static final String[] PONS_L3_R1 = {
        "2252576253462244111563365343671351441 -1",
        "7422341735647741166133573473242566 1",
        "23163416124767223154467471272416755633 0",
        "71255763773133525731261364622167124446454 0",
        "65214673556155731566316327373221417 -1",
        "52677675164321472411331752454 0",
        "3135151421347443544172316522225776773566 0",
        "562154564361751726662253737734213275114 0",
        "233377345754465174223731671122611552 1",
        "6763525635134453444361412671365712 -1",
        "211376455663355325112113664364524722 0",
        "3146762114467714356347741621375222 -1",
        "67152117737262713366376314254 6",
        "2762751722231276466633475674533 5",
        "3642756176227637211322113551637574556 2",
        "22647455554314246733661634615122372377511 0",
        "427566236745127177115664464254 2",
        "7172212567451542223676134464437761515 0",
        "641154574541323641152467137655232232366 0",
        "5775265212657176476365522624313714333 2",
        "3575316255751336464276636772271112 -3",
    };

    @Test
    @DisplayName("Pons' Test_L3_R1, first 21 positions: the solver's score equals the published one")
    void ponsEndEasy() {
        Solver solver = new Solver(20);
        for (String line : PONS_L3_R1) {
            String[] parts = line.split(" ");
            assertEquals(Integer.parseInt(parts[1]), solver.solve(parts[0]), parts[0]);
            // the position's score is the best of its moves' scores
            int best = Arrays.stream(solver.scores(parts[0])).max().getAsInt();
            assertEquals(Integer.parseInt(parts[1]), best, parts[0]);
        }
    }

    /** Plain minimax (no pruning, no table) on LineGame, in Pons' convention, for the player to move. */
    static int minimax(LineGame g) {
        int best = Integer.MIN_VALUE;
        for (int a = 0; a < 7; a++) {
            if (!g.legal(a)) continue;
            best = Math.max(best, moveValue(g, a));
        }
        return best;
    }

    private static int moveValue(LineGame g, int a) {
        g.play(a);
        int v;
        if (g.winner() >= 0) v = 22 - (g.moves() + 1) / 2; // the mover's stones, counted after its winning one
        else if (g.over()) v = 0;
        else v = -minimax(g);
        g.undo(a);
        return v;
    }


    @Test
    @DisplayName("every move's score equals plain minimax's, on 3,000 random positions 1 to 12 plies from the end")
    void agreesWithMinimaxNearTheEnd() {
        Rng rng = new Rng(2019);
        Solver solver = new Solver(20);
        int checked = 0, wins = 0, losses = 0, draws = 0;
        long minimaxNanos = 0;
        int[] perDepth = new int[13];
        while (checked < 3000) {
            int left = 1 + checked % 12; // 1..12 empty cells, in turn
            String moves = RandomPositions.draw(rng, 42 - left);
            if (moves == null) continue;
            LineGame g = LineGame.connectFour();
            for (int i = 0; i < moves.length(); i++) g.play(moves.charAt(i) - '1');
            long t0 = System.nanoTime();
            int[] expected = new int[7];
            for (int a = 0; a < 7; a++) expected[a] = g.legal(a) ? moveValue(g, a) : Solver.NOT_PLAYABLE;
            minimaxNanos += System.nanoTime() - t0;
            assertArrayEquals(expected, solver.scores(moves), moves + "\n" + g);
            assertArrayEquals(expected, solver.scores(Position.of(g)), "the same position read from the board\n" + g);
            int best = Arrays.stream(expected).max().getAsInt();
            if (best > 0) wins++;
            else if (best < 0) losses++;
            else draws++;
            perDepth[left]++;
            checked++;
        }
        System.out.printf("solver = plain minimax on %d positions (%s per empty-cell count 1..12): %d won, %d drawn, %d lost for the mover; minimax %.1f s%n",
                checked, Arrays.toString(Arrays.copyOfRange(perDepth, 1, 13)), wins, draws, losses, minimaxNanos / 1e9);
        assertTrue(wins > 0 && losses > 0 && draws > 0, "all three outcomes occur");
    }

    @Test
    @DisplayName("1,000 random positions of 14 to 32 plies: solved, with the rate in positions/s printed")
    void rateInTheMiddleGame() {
        Rng rng = new Rng(7);
        Solver solver = new Solver(23);
        int solved = 0;
        long t0 = System.nanoTime();
        int[] histogram = new int[43];
        while (solved < 1000) {
            int plies = 14 + (solved * 7) % 19; // 14..32
            String moves = RandomPositions.draw(rng, plies);
            if (moves == null) continue;
            int score;
            try {
                score = solver.solve(moves);
            } catch (IllegalArgumentException e) {
                continue;
            }
            assertTrue(score >= -18 && score <= 18, moves + ": " + score);
            histogram[score + 21]++;
            solved++;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("solver: %d random positions of 14-32 plies in %.2f s (%.3f s each), %d nodes, %.2fM positions/s%n",
                solved, seconds, seconds / solved, solver.nodes(), solver.nodes() / seconds / 1e6);
    }

    @Test
    @DisplayName("the solver as a player converts every won position of 20 (random positions of 20-30 plies) against a random opponent")
    void solverPlayerKeepsTheWin() {
        Rng rng = new Rng(11);
        Solver solver = new Solver(22);
        int games = 0;
        while (games < 20) {
            String moves = RandomPositions.draw(rng, 20 + games % 11);
            if (moves == null || solver.solve(moves) <= 0) continue;
            dev.jgym.envs.games.board.BoardGame board = dev.jgym.envs.games.board.BoardGame.connectFour();
            board.reset(0);
            for (int i = 0; i < moves.length(); i++) board.step(moves.charAt(i) - '1');
            int me = board.currentPlayer();
            SolverPlayer perfect = new SolverPlayer(solver, new Rng(games));
            dev.jgym.core.multi.RandomPlayer random = new dev.jgym.core.multi.RandomPlayer(new Rng(100 + games));
            while (!board.terminated()) board.step(board.currentPlayer() == me ? perfect.act(board) : random.act(board));
            assertEquals(me, board.winner(), moves);
            games++;
        }
    }

    @Test
    @DisplayName("known small cases: an immediate win scores 22 minus the stones; a forced loss; errors name the move")
    void smallCases() {
        Solver solver = new Solver(18);
        // X has three in column 1 (moves 1 2 1 2 1 2): X wins now with its 4th stone: 22 - 4 = 18
        int[] s = solver.scores("121212");
        assertEquals(18, s[0]);
        // column 1 is full after six stones
        int[] full = solver.scores("111111");
        assertEquals(Solver.NOT_PLAYABLE, full[0]);
        assertEquals("move 3 ('8'): expected a column 1-7", assertThrows(IllegalArgumentException.class, () -> solver.scores("448")).getMessage());
        assertEquals("move 7 ('1'): column 1 is full", assertThrows(IllegalArgumentException.class, () -> solver.scores("1111111")).getMessage());
        assertEquals("move 7 ('1') wins the game: nothing left to solve", assertThrows(IllegalArgumentException.class, () -> solver.scores("1212121")).getMessage());
    }
}
