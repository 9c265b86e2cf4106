/**
 * The deep-learning seed's worked examples beyond the perceptron: optimizer paths on an
 * elongated bowl ({@link dev.jgym.experiments.seeds.OptimizerPaths}) and polynomial overfitting
 * ({@link dev.jgym.experiments.seeds.PolynomialFits}).
 */
package dev.jgym.experiments.seeds;
