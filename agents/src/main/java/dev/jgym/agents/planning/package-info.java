/**
 * Dynamic programming on an env's transition model (Sutton and Barto, chapter 4): policy
 * evaluation, policy iteration and value iteration over a {@link
 * dev.jgym.agents.planning.FlatModel}.
 */
package dev.jgym.agents.planning;
