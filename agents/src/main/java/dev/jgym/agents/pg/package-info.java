/**
 * Policy gradients and actor-critic methods on vector envs: {@link dev.jgym.agents.pg.PgKind} (the
 * experiment kind of configs with a top-level {@code "pg"}), {@link dev.jgym.agents.pg.PgConfig},
 * the training loop {@link dev.jgym.agents.pg.PgTraining} with its checkpoint and outputs, and the
 * parts it is made of: the actor and critic ({@code ActorCritic}, {@code Mlp}), the policies
 * ({@code Categorical}, {@code DiagGaussian}), {@code Gae}, PPO's {@code ClippedObjective}.
 *
 * <p>Also the book's chapter 13 agents, types of the {@code agents} kind
 * ({@link dev.jgym.agents.pg.PolicyGradientAgents}): {@link dev.jgym.agents.pg.Reinforce},
 * {@link dev.jgym.agents.pg.ReinforceWithBaseline} and {@link dev.jgym.agents.pg.OneStepActorCritic}
 * on a linear soft-max policy ({@code SoftmaxPolicy}, {@code LinearValue}, {@code LinearFeatures}).
 */
package dev.jgym.agents.pg;
