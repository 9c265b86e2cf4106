/**
 * Learners with linear function approximation (Sutton and Barto, chapters 9-12): v̂(s, w) = wᵀx(s)
 * over a feature constructor ({@link dev.jgym.agents.linear.Features}: one-hot, state aggregation,
 * polynomial and Fourier bases, tile coding with Sutton's {@code tiles3} hashing, features given per
 * state), gradient Monte Carlo, n-step semi-gradient TD, the off-line λ-return algorithm, TD(λ),
 * true online TD(λ) and off-policy semi-gradient TD (constant or α/k step sizes, {@link
 * dev.jgym.agents.linear.StepSize}); and control: n-step semi-gradient SARSA over x(s, a), episodic
 * or differential (average reward).
 */
package dev.jgym.agents.linear;
