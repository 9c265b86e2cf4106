/**
 * The learners and how configs name them: {@link dev.jgym.agents.AgentType} (a type name, its
 * settings record, a factory), {@link dev.jgym.agents.AgentProvider} families found by {@code
 * ServiceLoader}, {@link dev.jgym.agents.Agents} (build by name, settings bound strictly), greedy
 * policies and their {@link dev.jgym.agents.Evaluation}. The subpackages hold the learner
 * families; {@code run} is the contract a family with its own training loop plugs into.
 */
package dev.jgym.agents;
