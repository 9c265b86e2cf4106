package dev.jgym.agents.search;

import dev.jgym.core.rng.Rng;
import dev.jgym.envs.games.board.BoardGame;
import dev.jgym.envs.games.board.connect4.RandomPositions;
import dev.jgym.envs.games.board.connect4.Solver;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * How often a player's move is perfect in Connect Four: random open positions of a range of
 * plies ({@link RandomPositions}), every column scored by the exact solver, and a move counted
 * perfect when the solver scores it highest (the quickest win, the slowest loss, else a draw).
 * {@code jgym solve connect4 --rate <player>} prints the rate; the self-play issue's bars are
 * 90% with search and 75% for the network alone on 1,000 positions of 14-32 plies.
 */
public final class PerfectMoves {
    private PerfectMoves() {}

    /** A position (columns 1-7 in play order) and the solver's score of each column ({@link Solver#NOT_PLAYABLE} when full). */
    public record Scored(String moves, int[] scores) {
        /** The highest score of a playable column. */
        public int best() {
            int best = Integer.MIN_VALUE;
            for (int s : scores) if (s != Solver.NOT_PLAYABLE) best = Math.max(best, s);
            return best;
        }

        /** Whether {@code column} (0-6) is one of the highest-scored. */
        public boolean perfect(int column) {
            return column >= 0 && column < scores.length && scores[column] != Solver.NOT_PLAYABLE && scores[column] == best();
        }

        /** Whether some playable column scores below the best (a position where the choice matters). */
        public boolean discriminating() {
            for (int s : scores) if (s != Solver.NOT_PLAYABLE && s != best()) return true;
            return false;
        }

        /** The position as a game in progress. */
        public BoardGame game() {
            BoardGame g = BoardGame.connectFour();
            g.reset(0);
            for (int i = 0; i < moves.length(); i++) g.step(moves.charAt(i) - '1');
            return g;
        }
    }

    /**
     * {@code count} positions, the i-th of {@code minPlies + i mod (maxPlies - minPlies + 1)} plies
     * (every length equally often), each drawn from {@code rng} (a draw that gets stuck is drawn
     * again), and scored.
     */
    public static List<Scored> positions(int count, int minPlies, int maxPlies, Rng rng) {
        if (count < 1 || minPlies < 0 || maxPlies < minPlies || maxPlies > 40) {
            throw new IllegalArgumentException("expected count >= 1 and 0 <= minPlies <= maxPlies <= 40, found " + count + ", " + minPlies + ", " + maxPlies);
        }
        Solver solver = new Solver(23);
        List<Scored> out = new ArrayList<>(count);
        while (out.size() < count) {
            int plies = minPlies + out.size() % (maxPlies - minPlies + 1);
            String moves = RandomPositions.draw(rng, plies);
            if (moves != null) out.add(new Scored(moves, solver.scores(moves)));
        }
        return out;
    }

    /** A player's tally: perfect moves in all positions, and in those where the choice matters. */
    public record Rate(int perfect, int positions, int perfectWhereItMatters, int whereItMatters) {
        public double share() {
            return (double) perfect / positions;
        }
    }

    /** Counts the positions in which {@code move} (given the position as a live game, returning a column 0-6) is perfect. */
    public static Rate rate(List<Scored> positions, ToIntFunction<BoardGame> move, Runnable eachPosition) {
        int perfect = 0, matters = 0, perfectMatters = 0;
        for (Scored p : positions) {
            boolean ok = p.perfect(move.applyAsInt(p.game()));
            if (ok) perfect++;
            if (p.discriminating()) {
                matters++;
                if (ok) perfectMatters++;
            }
            eachPosition.run();
        }
        return new Rate(perfect, positions.size(), perfectMatters, matters);
    }
}
