/**
 * Learners with linear function approximation (Sutton and Barto, chapters 9-12): v̂(s, w) = wᵀx(s)
 * over a feature constructor ({@link dev.jgym.agents.linear.Features}: one-hot, state aggregation,
 * polynomial and Fourier bases, tile coding with Sutton's {@code tiles3} hashing), gradient Monte
 * Carlo, n-step semi-gradient TD, the off-line λ-return algorithm, TD(λ) and true online TD(λ).
 */
package dev.jgym.agents.linear;
