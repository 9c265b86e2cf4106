package dev.jgym.envs.games.board;

import dev.jgym.core.multi.Player;
import dev.jgym.core.multi.TwoPlayerEnv;
import dev.jgym.core.rng.Rng;

/** {@link Minimax} to a fixed depth as a {@link Player} in a {@link BoardGame}; ties broken from its own stream. */
public final class MinimaxPlayer implements Player {
    private final Minimax minimax;
    private final Rng rng;

    public MinimaxPlayer(int depth, Rng rng) {
        this.minimax = new Minimax(depth);
        this.rng = rng;
    }

    @Override
    public int act(TwoPlayerEnv<?> game) {
        if (!(game instanceof BoardGame board)) throw new IllegalArgumentException(name() + " plays tic-tac-toe and Connect Four only, found " + game.name());
        return minimax.choose(board.position(), rng);
    }

    @Override
    public String name() {
        return "minimax-" + minimax.depth();
    }
}
