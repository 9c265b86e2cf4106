/**
 * Off-policy actor-critics for Box actions: SAC ({@link dev.jgym.agents.offpolicy.Sac}), TD3 and
 * DDPG ({@link dev.jgym.agents.offpolicy.Td3}) with twin critics and Polyak targets
 * ({@link dev.jgym.agents.offpolicy.Critics}), one training loop over a replay buffer
 * ({@link dev.jgym.agents.offpolicy.OffPolicyTraining}), checkpoints, and the experiment kind
 * for configs with a top-level {@code "offpolicy"}.
 */
package dev.jgym.agents.offpolicy;
