package dev.jgym.envs.games.board;

import dev.jgym.core.rng.Rng;

/**
 * Minimax with alpha-beta pruning (Russell and Norvig, AIMA 4th ed., section 5.3), in negamax
 * form: a position's value for the player to move is the best over its moves of minus the value
 * of the position that follows for the opponent.
 *
 * <p>Values: a win is {@code WIN - plies} (a faster win is worth more, a slower loss less), a loss
 * {@code -(WIN - plies)}, a draw 0; where the search stops at its depth,
 * {@link LineGame#heuristic}. Moves are tried centre first, which prunes more.
 *
 * <p>{@link #choose} scores every legal move at the root with a full window, so all moves of
 * equal best value are known, and picks one of them uniformly from the given stream: the
 * opponent is not one fixed line of play but never plays a worse move than the search sees.
 */
public final class Minimax {
    /** The value of a win at the root, before the per-ply discount. */
    public static final int WIN = 1000;
    private static final int INF = Integer.MAX_VALUE / 2;

    private final int depth;

    /** A search {@code depth} plies deep (at least 1). */
    public Minimax(int depth) {
        if (depth < 1) throw new IllegalArgumentException("minimax depth must be >= 1, found " + depth);
        this.depth = depth;
    }

    public int depth() {
        return depth;
    }

    /**
     * The value of each action for the player to move ({@link Integer#MIN_VALUE} for illegal
     * ones). The position is left as it was.
     */
    public int[] scores(LineGame game) {
        int[] scores = new int[game.actions()];
        for (int a = 0; a < scores.length; a++) {
            if (!game.legal(a)) {
                scores[a] = Integer.MIN_VALUE;
                continue;
            }
            game.play(a);
            scores[a] = -negamax(game, depth - 1, -INF, INF, 1);
            game.undo(a);
        }
        return scores;
    }

    /** A best action, uniform among ties from {@code rng}; the game must not be over. */
    public int choose(LineGame game, Rng rng) {
        int[] scores = scores(game);
        int best = Integer.MIN_VALUE, ties = 0;
        for (int s : scores) {
            if (s > best) {
                best = s;
                ties = 1;
            } else if (s == best) {
                ties++;
            }
        }
        if (best == Integer.MIN_VALUE) throw new IllegalStateException(game.name() + ": no legal move (the game is over)");
        int pick = rng.nextInt(ties);
        for (int a = 0; a < scores.length; a++) {
            if (scores[a] == best && pick-- == 0) return a;
        }
        throw new AssertionError("unreachable");
    }

    /** The value of the position for the player to move, {@code ply} plies below the root. */
    private int negamax(LineGame game, int remaining, int alpha, int beta, int ply) {
        if (game.winner() >= 0) return -(WIN - ply); // the player who just moved has won
        if (game.over()) return 0;
        if (remaining == 0) return game.heuristic(game.toMove());
        int best = -INF;
        int n = game.actions();
        for (int i = 0; i < n; i++) {
            int a = centreFirst(i, n);
            if (!game.legal(a)) continue;
            game.play(a);
            int v = -negamax(game, remaining - 1, -beta, -alpha, ply + 1);
            game.undo(a);
            if (v > best) best = v;
            if (v > alpha) alpha = v;
            if (alpha >= beta) break;
        }
        return best;
    }

    /** The i-th action in centre-first order: n/2, then alternately left and right of it. */
    static int centreFirst(int i, int n) {
        int mid = (n - 1) / 2;
        int offset = (i + 1) / 2;
        return (i & 1) == 1 ? mid + offset : mid - offset;
    }
}
