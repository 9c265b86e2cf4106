package dev.jgym.envs.games.board.connect4;

import dev.jgym.core.multi.Player;
import dev.jgym.core.multi.TwoPlayerEnv;
import dev.jgym.core.rng.Rng;
import dev.jgym.envs.games.board.BoardGame;
import dev.jgym.envs.games.board.LineGame;

/**
 * Perfect Connect Four: plays a move the {@link Solver} scores highest, uniformly among ties from
 * its own stream. Early in the game a move can take minutes (the first moves are the hardest).
 */
public final class SolverPlayer implements Player {
    private final Solver solver;
    private final Rng rng;

    public SolverPlayer(Solver solver, Rng rng) {
        this.solver = solver;
        this.rng = rng;
    }

    @Override
    public int act(TwoPlayerEnv<?> game) {
        if (!(game instanceof BoardGame board) || !board.position().gravity()) {
            throw new IllegalArgumentException("solver plays Connect Four only, found " + game.name());
        }
        int[] scores = solver.scores(Position.of(board.position()));
        int best = Integer.MIN_VALUE, ties = 0;
        for (int s : scores) {
            if (s > best) {
                best = s;
                ties = 1;
            } else if (s == best) {
                ties++;
            }
        }
        int pick = rng.nextInt(ties);
        for (int a = 0; a < scores.length; a++) {
            if (scores[a] == best && pick-- == 0) return a;
        }
        throw new AssertionError("unreachable");
    }

    @Override
    public String name() {
        return "solver";
    }
}
