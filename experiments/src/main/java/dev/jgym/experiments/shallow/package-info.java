/**
 * Shallow-and-wide binary-weight ensembles trained by annealing (QBoost, Ising layers) beside an
 * MLP baseline, on few-shot MNIST and Fashion-MNIST; the {@code shallow} experiment kind.
 */
package dev.jgym.experiments.shallow;
