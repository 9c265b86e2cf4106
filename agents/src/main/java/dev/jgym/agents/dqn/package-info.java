/**
 * The deep Q-network family on the NN core: DQN, Double, Dueling, n-step returns, prioritized
 * replay, ez-greedy exploration, a CNN encoder for grid and pixel observations, the recurrent DQN
 * (DRQN with burn-in) and adversarial imitation from replays. {@link
 * dev.jgym.agents.dqn.DqnTraining} is the training loop, {@link dev.jgym.agents.dqn.Checkpoint}
 * frames the saved state, {@link dev.jgym.agents.dqn.DqnKind} plugs it into {@code jgym train}.
 */
package dev.jgym.agents.dqn;
