/**
 * AlphaZero (Silver et al., 2018) for the board games: PUCT search with a policy-value network on
 * the shared NN core, batched self-play on worker threads, training with board symmetries, and
 * the experiment kind {@code "alphazero"}.
 */
package dev.jgym.agents.alphazero;
