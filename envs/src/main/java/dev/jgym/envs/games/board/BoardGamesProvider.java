package dev.jgym.envs.games.board;

import dev.jgym.core.env.EnvProvider;
import dev.jgym.core.env.EnvSpec;
import dev.jgym.core.env.KeyControls;
import java.util.List;

/** Tic-tac-toe and Connect Four (see {@link BoardGameEnv} for the options). */
public final class BoardGamesProvider implements EnvProvider {
    @Override
    public List<EnvSpec> specs() {
        return List.of(
                EnvSpec.builder(BoardGameEnv.TIC_TAC_TOE, BoardGameEnv::ticTacToe)
                        .actionNames("top left", "top", "top right", "left", "centre", "right", "bottom left", "bottom", "bottom right")
                        .keys(KeyControls.turnBased(4, "1", 0, "2", 1, "3", 2, "4", 3, "5", 4, "6", 5, "7", 6, "8", 7, "9", 8)) // cells in reading order
                        .description("tic-tac-toe vs a random or minimax opponent, or turn-based two-player; action mask in info").build(),
                EnvSpec.builder(BoardGameEnv.CONNECT_FOUR, BoardGameEnv::connectFour)
                        .actionNames("column 1", "column 2", "column 3", "column 4", "column 5", "column 6", "column 7")
                        .keys(KeyControls.turnBased(4, "1", 0, "2", 1, "3", 2, "4", 3, "5", 4, "6", 5, "7", 6)) // columns, left to right
                        .description("Connect Four vs a random or minimax opponent, or turn-based two-player; action mask in info").build());
    }
}
