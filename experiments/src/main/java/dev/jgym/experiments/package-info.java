/**
 * Experiment kinds that are not learners: agents compared over many seeded runs ({@link
 * dev.jgym.experiments.Experiment}, {@link dev.jgym.experiments.AgentsKind}), supervised models
 * ({@link dev.jgym.experiments.SupervisedKind}) and generative models ({@link
 * dev.jgym.experiments.GenerativeKind}), with their outputs and curves.
 */
package dev.jgym.experiments;
