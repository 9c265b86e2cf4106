/**
 * Simple games: Blackjack (Sutton and Barto's Example 5.1 rules, Gymnasium's Blackjack-v1) and
 * Snake; MinAtar-style arcade games and board games in the subpackages.
 */
package dev.jgym.envs.games;
