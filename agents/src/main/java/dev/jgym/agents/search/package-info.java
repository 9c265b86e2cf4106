/**
 * Search for two-player games: Monte Carlo tree search (UCT with random rollouts, MCTS-Solver's
 * proven values by default), a round-robin arena and Elo ratings with bootstrap intervals.
 */
package dev.jgym.agents.search;
