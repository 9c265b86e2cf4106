/**
 * Tabular TD learning (Sutton and Barto, chapters 6, 7 and 12): Q-learning, SARSA, Expected
 * SARSA, Double Q-learning, n-step SARSA, SARSA(lambda) and TD(0) prediction, on value tables
 * indexed by discrete states, with their exploration schedules and table files.
 */
package dev.jgym.agents.tabular;
