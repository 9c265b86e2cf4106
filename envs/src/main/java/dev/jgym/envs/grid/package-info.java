/**
 * Grid runners and small MDPs with their transition tables: FrozenLake, CliffWalking, Windy
 * Gridworld (and King's moves), Taxi, the random walk, mazes, the T-maze memory task, the
 * gambler's problem and the one-state MDP of Example 5.5.
 */
package dev.jgym.envs.grid;
