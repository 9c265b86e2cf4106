package dev.jgym.envs.games.board.connect4;

import dev.jgym.core.rng.Rng;
import dev.jgym.envs.games.board.LineGame;

/**
 * Connect Four positions reached by random play: at every ply a uniformly drawn column among
 * those that do not end the game at once, so the position is still open (the "random
 * mid-game positions"; the solver's tests and {@code jgym solve --rate} draw from it).
 */
public final class RandomPositions {
    private RandomPositions() {}

    /**
     * The moves (columns 1-7 in play order) of a random game of {@code plies} plies in which no
     * move wins; null where every legal column of some ply would win or none is left (draw again).
     */
    public static String draw(Rng rng, int plies) {
        LineGame g = LineGame.connectFour();
        StringBuilder moves = new StringBuilder();
        int[] options = new int[Position.WIDTH];
        while (g.moves() < plies) {
            int n = 0;
            for (int a = 0; a < Position.WIDTH; a++) {
                if (!g.legal(a)) continue;
                g.play(a);
                boolean wins = g.winner() >= 0;
                g.undo(a);
                if (!wins) options[n++] = a;
            }
            if (n == 0) return null;
            int a = options[rng.nextInt(n)];
            g.play(a);
            moves.append((char) ('1' + a));
        }
        return moves.toString();
    }
}
