package dev.jgym.envs.games.board;

import dev.jgym.core.env.EnvProvider;
import dev.jgym.core.env.EnvSpec;
import java.util.List;

/** Tic-tac-toe and Connect Four (see {@link BoardGameEnv} for the options). */
public final class BoardGamesProvider implements EnvProvider {
    @Override
    public List<EnvSpec> specs() {
        return List.of(
                EnvSpec.builder(BoardGameEnv.TIC_TAC_TOE, BoardGameEnv::ticTacToe)
                        .description("tic-tac-toe vs a random or minimax opponent, or turn-based two-player; action mask in info").build(),
                EnvSpec.builder(BoardGameEnv.CONNECT_FOUR, BoardGameEnv::connectFour)
                        .description("Connect Four vs a random or minimax opponent, or turn-based two-player; action mask in info").build());
    }
}
