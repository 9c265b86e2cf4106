package dev.jgym.envs.games.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.rng.Rng;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Minimax with alpha-beta (AIMA 4th ed., section 5.3). Tic-tac-toe is a draw under perfect play
 * (a known result, e.g. AIMA figure 5.2's game); full-depth search must never lose and must find
 * every forced win.
 */
class MinimaxTest {
    private static final Minimax PERFECT = new Minimax(9);

    /** Outcome counts over every line of play explored. */
    private static final class Tally {
        int wins, draws, losses;
        final Set<String> seen = new HashSet<>();
    }

    /**
     * Walks every line of play in which {@code me} follows the search (any of its equally best
     * moves) and the opponent tries every legal move; counts outcomes for {@code me}.
     */
    private static void explore(LineGame g, int me, Tally t) {
        if (!t.seen.add(g.toString())) return;
        if (g.over()) {
            if (g.winner() == me) t.wins++;
            else if (g.winner() < 0) t.draws++;
            else t.losses++;
            return;
        }
        if (g.toMove() == me) {
            int[] scores = PERFECT.scores(g);
            int best = Arrays.stream(scores).max().getAsInt();
            for (int a = 0; a < scores.length; a++) {
                if (scores[a] != best) continue;
                g.play(a);
                explore(g, me, t);
                g.undo(a);
            }
        } else {
            for (int a = 0; a < g.actions(); a++) {
                if (!g.legal(a)) continue;
                g.play(a);
                explore(g, me, t);
                g.undo(a);
            }
        }
    }

    @Test
    @DisplayName("tic-tac-toe from the start: every first move is worth 0 (a draw) under perfect play")
    void emptyBoardIsADraw() {
        assertEquals("[0, 0, 0, 0, 0, 0, 0, 0, 0]", Arrays.toString(PERFECT.scores(LineGame.ticTacToe())));
    }

    @Test
    @DisplayName("tic-tac-toe: full-depth minimax never loses, as X or O, in any line of play against any opponent")
    void neverLoses() {
        for (int me = 0; me < 2; me++) {
            Tally t = new Tally();
            explore(LineGame.ticTacToe(), me, t);
            System.out.printf("minimax as player %d, every line of play, distinct final positions: %d won, %d drawn, %d lost%n", me, t.wins, t.draws, t.losses);
            assertEquals(0, t.losses, "player " + me + ": " + t.wins + " wins, " + t.draws + " draws");
            assertTrue(t.wins > 0 && t.draws > 0, "both outcomes occur against a weak opponent");
        }
    }

    @Test
    @DisplayName("tic-tac-toe: from a forced win (X corner, O adjacent edge) minimax wins in every line of play")
    void findsForcedWin() {
        LineGame g = LineGame.parse(LineGame.ticTacToe(), "XO.", "...", "...");
        int best = Arrays.stream(PERFECT.scores(g)).max().getAsInt();
        assertTrue(best > 0, "the search sees the win: " + best);
        Tally t = new Tally();
        explore(g, 0, t);
        assertEquals(0, t.draws + t.losses, t.wins + " wins, " + t.draws + " draws, " + t.losses + " losses");
    }

    @Test
    @DisplayName("tic-tac-toe: takes an immediate win over a block, and blocks when it must")
    void winAndBlock() {
        LineGame win = LineGame.parse(LineGame.ticTacToe(), "XX.", "OO.", "...");
        assertEquals(Minimax.WIN - 1, PERFECT.scores(win)[2]);
        LineGame block = LineGame.parse(LineGame.ticTacToe(), "OO.", "X..", "..X");
        Rng rng = new Rng(3);
        for (int i = 0; i < 20; i++) {
            assertEquals(2, PERFECT.choose(win, rng));
            assertEquals(2, PERFECT.choose(block, rng));
        }
    }

    @Test
    @DisplayName("Connect Four, depth 4: an open three is a win in 3 plies (value 997) from either side; a vertical three is blocked")
    void connectFourTactics() {
        LineGame e = LineGame.connectFour();
        LineGame open = LineGame.parse(e, ".......", ".......", ".......", ".......", "..OO...", "..XX...");
        int[] s = new Minimax(4).scores(open);
        assertEquals(Minimax.WIN - 3, s[1], Arrays.toString(s));
        assertEquals(Minimax.WIN - 3, s[4], Arrays.toString(s));
        for (int a : new int[] {0, 2, 3, 5, 6}) assertTrue(s[a] < Minimax.WIN - 3, Arrays.toString(s));

        LineGame threat = LineGame.parse(e, ".......", ".......", ".......", "...O...", "X..O...", "X.XO...");
        Rng rng = new Rng(5);
        for (int i = 0; i < 10; i++) assertEquals(3, new Minimax(4).choose(threat, rng));
    }

    @Test
    @DisplayName("TicTacToe-v0 with the minimax opponent: a random agent never wins in 300 games either side")
    void envOpponentNeverLoses() {
        var env = EnvRegistry.<int[], Integer>make("TicTacToe-v0", Map.of("opponent", "minimax", "agent_plays", "random"));
        BoardGameEnv game = (BoardGameEnv) env.unwrapped();
        Rng agent = new Rng(17);
        int wins = 0, draws = 0, losses = 0;
        env.reset(2024L, Map.of());
        for (int episode = 0; episode < 300; episode++) {
            Step<int[]> step;
            do {
                step = env.step(game.actionSpace().sample(agent, game.actionMask()));
            } while (!step.done());
            if (step.reward() > 0) wins++;
            else if (step.reward() < 0) losses++;
            else draws++;
            env.reset();
        }
        System.out.printf("TicTacToe-v0 minimax vs random agent, 300 games: agent %d wins, %d draws, %d losses%n", wins, draws, losses);
        assertEquals(0, wins, draws + " draws, " + losses + " losses");
        assertTrue(losses > draws, "perfect play beats a random player most of the time: " + losses + " losses, " + draws + " draws");
    }
}
