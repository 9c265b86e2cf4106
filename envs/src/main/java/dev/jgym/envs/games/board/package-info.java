/**
 * Board games: tic-tac-toe and Connect Four against a random or minimax opponent.
 */
package dev.jgym.envs.games.board;
