/**
 * Simulated annealing of Ising and QUBO problems: the solver behind the shallow-and-wide binary-
 * weight classifiers.
 */
package dev.jgym.nn.anneal;
