package dev.jgym.envs.games.board.connect4;

import static dev.jgym.envs.games.board.connect4.Position.CELLS;
import static dev.jgym.envs.games.board.connect4.Position.WIDTH;

/**
 * An exact Connect Four solver after Pascal Pons, "Solving Connect 4: how to build a perfect AI"
 * (blog.gamesolver.org, 2019): negamax with alpha-beta on bitboards ({@link Position}), a
 * transposition table of upper bounds, moves that lose at once pruned, moves ordered by the
 * threats they make (ties centre first), and the score found by a sequence of null-window
 * searches that halve its possible range (iterative deepening on the score window).
 *
 * <p>Scores, Pons' convention, from the side of the player to move: 0 a draw; positive, it wins,
 * and the score is 22 minus the number of its own stones when it plays the winning one (a win
 * with its 4th stone is 18, with its last, 21st, stone 1); negative, it loses, by the same count
 * for the opponent ({@code -(22 - opponent's stones)}). Perfect play from the empty board scores
 * +1: the first player wins with its last stone.
 *
 * <p>Command-line use ({@code jgym solve connect4 <moves>}): {@code new Solver().scores(moves)}
 * with the moves as a string of columns 1-7 in play order (for example {@code "4453"}); it
 * returns one score per column, {@link #NOT_PLAYABLE} for a full column, and throws
 * {@link IllegalArgumentException} with a one-line message (which move, why) for a move string
 * that is not a game in progress: print that as a user error (exit code 2). Print the seven
 * scores in column order, a blank for a full column, as Pons' online solver does.
 *
 * <p>Not thread-safe (the table and the counters are the solver's own); one solver per thread.
 */
public final class Solver {
    /** The score of a column that is full. */
    public static final int NOT_PLAYABLE = Integer.MIN_VALUE;
    /** The lowest score a real position can have (a loss against the opponent's 4th stone). */
    static final int MIN_SCORE = -CELLS / 2 + 3;
    /** Columns to try first when scores tie: centre, then outwards. */
    private static final int[] ORDER = {3, 2, 4, 1, 5, 0, 6};

    private final TranspositionTable table;
    /** Per ply: the moves to try and their ordering scores (no allocation in the search). */
    private final long[][] moveBuffer = new long[CELLS][WIDTH];
    private final int[][] scoreBuffer = new int[CELLS][WIDTH];
    private long nodes;

    /** A solver with a table of about 2^23 entries (5 bytes each: about 40 MB). */
    public Solver() {
        this(23);
    }

    /** A solver with a table of about {@code 2^log2TableSize} entries (18 to 28). */
    public Solver(int log2TableSize) {
        this.table = new TranspositionTable(log2TableSize);
    }

    /** Positions searched since the solver was made (the node count behind positions/s). */
    public long nodes() {
        return nodes;
    }

    /** Forgets what the table learned (scores do not depend on it; only the time does). */
    public void reset() {
        table.clear();
    }

    /**
     * The score of every column after {@code moves} (columns 1-7), for the player to move:
     * index 0 is column 1; {@link #NOT_PLAYABLE} for a full column.
     */
    public int[] scores(String moves) {
        return scores(Position.of(moves));
    }

    /** The score of every column (0-6) of {@code p} for the player to move; p is left as it was. */
    public int[] scores(Position p) {
        int[] scores = new int[WIDTH];
        for (int col = 0; col < WIDTH; col++) {
            if (!p.canPlay(col)) {
                scores[col] = NOT_PLAYABLE;
            } else if (p.isWinningMove(col)) {
                scores[col] = (CELLS + 1 - p.moves()) / 2;
            } else {
                Position next = new Position(p);
                next.playColumn(col);
                scores[col] = -solve(next);
            }
        }
        return scores;
    }

    /** The score of the position after {@code moves} (columns 1-7) for the player to move. */
    public int solve(String moves) {
        return solve(Position.of(moves));
    }

    /**
     * The score of {@code p} for the player to move (nobody has won yet). Null-window searches
     * narrow [min, max]: each asks "is the score above med?", med taken nearer 0 first, where
     * most positions are (Pons part 10).
     */
    public int solve(Position p) {
        if (p.moves() == CELLS) return 0;
        if (p.canWinNext()) return (CELLS + 1 - p.moves()) / 2;
        int min = -(CELLS - p.moves()) / 2;
        int max = (CELLS + 1 - p.moves()) / 2;
        while (min < max) {
            int med = min + (max - min) / 2;
            if (med <= 0 && min / 2 < med) med = min / 2;
            else if (med >= 0 && max / 2 > med) med = max / 2;
            int r = negamax(p, med, med + 1);
            if (r <= med) max = r;
            else min = r;
        }
        return min;
    }

    /**
     * Negamax with alpha-beta: the score of {@code p} if it lies in (alpha, beta), else a bound
     * on the side of the window it falls. The player to move cannot win with its next stone.
     */
    private int negamax(Position p, int alpha, int beta) {
        nodes++;
        long next = p.possibleNonLosingMoves();
        if (next == 0) return -(CELLS - p.moves()) / 2; // every move lets the opponent win next
        if (p.moves() >= CELLS - 2) return 0;           // the last two stones cannot win: draw

        int min = -(CELLS - 2 - p.moves()) / 2;         // the opponent cannot win with its next stone
        if (alpha < min) {
            alpha = min;
            if (alpha >= beta) return alpha;
        }
        int max = (CELLS - 1 - p.moves()) / 2;          // we cannot win with our next stone
        int stored = table.get(p.key());
        if (stored != 0) max = stored + MIN_SCORE - 1;  // an upper bound found before
        if (beta > max) {
            beta = max;
            if (alpha >= beta) return beta;
        }

        // order: most threats first; among equals the earlier column of ORDER
        long[] moves = moveBuffer[p.moves()];
        int[] keys = scoreBuffer[p.moves()];
        int n = 0;
        for (int i = WIDTH - 1; i >= 0; i--) {
            long move = next & Position.columnMask(ORDER[i]);
            if (move == 0) continue;
            int score = p.moveScore(move);
            int at = n++;
            for (; at > 0 && keys[at - 1] > score; at--) {
                moves[at] = moves[at - 1];
                keys[at] = keys[at - 1];
            }
            moves[at] = move;
            keys[at] = score;
        }

        long current = p.current(), mask = p.mask();
        for (int i = n - 1; i >= 0; i--) {
            p.play(moves[i]);
            int score = -negamax(p, -beta, -alpha);
            p.undo(current, mask);
            if (score >= beta) return score;
            if (score > alpha) alpha = score;
        }
        table.put(p.key(), alpha - MIN_SCORE + 1);
        return alpha;
    }
}
