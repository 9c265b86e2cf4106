package dev.jgym.agents.search;

import dev.jgym.core.multi.TwoPlayerEnv;
import dev.jgym.envs.games.board.BoardGame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Exhaustive minimax values of small two-player games, and tic-tac-toe's reachable positions, for the search tests. */
public final class GameValues {
    private final Map<String, Integer> memo = new HashMap<>();

    /** Game-theoretic value (+1 win, 0 draw, -1 loss) for the player to move, by exhaustive minimax; memoised by board. */
    public int value(TwoPlayerEnv<?> g) {
        String key = g.toString();
        Integer known = memo.get(key);
        if (known != null) return known;
        int best = -2;
        for (int a = 0; a < g.actionSpace().n(); a++) {
            if (g.legal(a)) best = Math.max(best, moveValue(g, a));
        }
        memo.put(key, best);
        return best;
    }

    /** The value of playing {@code a} for the player to move. */
    public int moveValue(TwoPlayerEnv<?> g, int a) {
        int me = g.currentPlayer();
        TwoPlayerEnv<?> next = g.copy();
        next.step(a);
        if (next.terminated()) return next.winner() == me ? 1 : next.winner() < 0 ? 0 : -1;
        return -value(next);
    }

    /** Every position reachable from the empty board by legal play, terminal ones included, one copy per board. */
    public static void reachable(TwoPlayerEnv<?> g, Map<String, TwoPlayerEnv<?>> seen) {
        if (seen.putIfAbsent(g.toString(), g) != null || g.terminated()) return;
        for (int a = 0; a < g.actionSpace().n(); a++) {
            if (!g.legal(a)) continue;
            TwoPlayerEnv<?> next = g.copy();
            next.step(a);
            reachable(next, seen);
        }
    }

    /** Tic-tac-toe's 4,520 reachable positions that are not over, sorted by board. */
    public static List<BoardGame> openTicTacToePositions() {
        BoardGame start = BoardGame.ticTacToe();
        start.reset(0);
        Map<String, TwoPlayerEnv<?>> seen = new HashMap<>();
        reachable(start, seen);
        List<BoardGame> open = new ArrayList<>();
        for (TwoPlayerEnv<?> g : seen.values()) if (!g.terminated()) open.add((BoardGame) g);
        open.sort((x, y) -> x.toString().compareTo(y.toString()));
        return open;
    }
}
