/**
 * Policy gradients and actor-critic methods on vector envs: {@link dev.jgym.agents.pg.PgKind} (the
 * experiment kind of configs with a top-level {@code "pg"}), {@link dev.jgym.agents.pg.PgConfig},
 * the training loop {@link dev.jgym.agents.pg.PgTraining} with its checkpoint and outputs, and the
 * parts it is made of: the actor and critic ({@code ActorCritic}, {@code Mlp}), the policies
 * ({@code Categorical}, {@code DiagGaussian}), {@code Gae}, PPO's {@code ClippedObjective}.
 */
package dev.jgym.agents.pg;
