/**
 * Bandit strategies (Sutton and Barto, chapter 2): epsilon-greedy with sample-average or constant
 * step, optimistic initial values, UCB, the gradient bandit, Thompson sampling (Beta and
 * Gaussian). Each refuses an env that is not a bandit.
 */
package dev.jgym.agents.bandit;
