/**
 * An exact Connect Four solver after Pascal Pons: bitboard positions, negamax with alpha-beta,
 * a transposition table, move ordering and null-window searches; scores every legal move in
 * Pons' convention (0 a draw, positive a win for the player to move, larger sooner).
 */
package dev.jgym.envs.games.board.connect4;
