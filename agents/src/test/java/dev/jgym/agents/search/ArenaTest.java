package dev.jgym.agents.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.multi.RandomPlayer;
import dev.jgym.core.rng.Rng;
import dev.jgym.envs.games.board.BoardGame;
import dev.jgym.envs.games.board.MinimaxPlayer;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Elo fitting (Bradley-Terry maximum likelihood) and the round-robin arena. */
class ArenaTest {
    @Test
    @DisplayName("Elo: games drawn from Elo's formula with true ratings 0, 200, 400 (3,000 per pair) are fitted back within 30, inside the 95% intervals")
    void fitsKnownRatings() {
        double[] truth = {0, 200, 400};
        double[][] wins = new double[3][3], draws = new double[3][3];
        Rng rng = new Rng(5);
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                double p = Elo.expectedScore(truth[i], truth[j]);
                for (int g = 0; g < 3000; g++) {
                    if (rng.bernoulli(p)) wins[i][j]++;
                    else wins[j][i]++;
                }
            }
        }
        Elo.Ratings r = Elo.withIntervals(wins, draws, 0, 200, new Rng(6));
        for (int i = 0; i < 3; i++) {
            assertEquals(truth[i], r.elo()[i], 30, "player " + i);
            assertTrue(r.low()[i] <= truth[i] && truth[i] <= r.high()[i], "player " + i + ": [" + r.low()[i] + ", " + r.high()[i] + "]");
        }
        assertEquals(0.76, Elo.expectedScore(200, 0), 0.005, "Elo's table: +200 scores 76%");
    }

    @Test
    @DisplayName("tic-tac-toe round robin (20 games a pair): random is rated last; perfect minimax and MCTS-Solver never lose; the same seed gives the same table")
    void ticTacToeRoundRobin() {
        List<Arena.Entrant> entrants = List.of(
                new Arena.Entrant("random", RandomPlayer::new),
                new Arena.Entrant("minimax-1", rng -> new MinimaxPlayer(1, rng)),
                new Arena.Entrant("mcts-1000", rng -> new Mcts(Mcts.Settings.of(1000), rng)),
                new Arena.Entrant("minimax-9", rng -> new MinimaxPlayer(9, rng)));
        Arena.Result result = Arena.roundRobin(BoardGame::ticTacToe, entrants, 20, 42);
        System.out.print("tic-tac-toe arena, 20 games per pair:\n" + result.table());
        double[] elo = result.ratings().elo();
        for (int i = 1; i < 4; i++) assertTrue(elo[0] < elo[i], result.table());
        for (int j = 0; j < 4; j++) {
            assertEquals(0, result.wins()[j][2], "nobody beats MCTS-Solver\n" + result.table());
            assertEquals(0, result.wins()[j][3], "nobody beats perfect minimax\n" + result.table());
        }
        assertEquals(result.table(), Arena.roundRobin(BoardGame::ticTacToe, entrants, 20, 42).table());
        for (String line : result.table().split("\n")) { // won + drawn + lost = games, 60 for each entrant; perfect minimax lost none
            if (line.startsWith("rank")) continue;
            String[] f = line.trim().split("\\s+");
            int n = f.length;
            assertEquals(60, Integer.parseInt(f[n - 4]) + Integer.parseInt(f[n - 3]) + Integer.parseInt(f[n - 2]), line);
            assertEquals("60", f[n - 1], line);
            if (line.contains("minimax-9")) assertEquals("0", f[n - 2], line);
        }
    }

    @Test
    @DisplayName("Connect Four round robin (10 games a pair): random < minimax-2 < mcts-500 in Elo")
    void connectFourRoundRobin() {
        List<Arena.Entrant> entrants = List.of(
                new Arena.Entrant("random", RandomPlayer::new),
                new Arena.Entrant("minimax-2", rng -> new MinimaxPlayer(2, rng)),
                new Arena.Entrant("mcts-500", rng -> new Mcts(Mcts.Settings.of(500), rng)));
        Arena.Result result = Arena.roundRobin(BoardGame::connectFour, entrants, 10, 7);
        System.out.print("Connect Four arena, 10 games per pair:\n" + result.table());
        double[] elo = result.ratings().elo();
        assertTrue(elo[0] < elo[1] && elo[1] < elo[2], result.table());
    }
}
