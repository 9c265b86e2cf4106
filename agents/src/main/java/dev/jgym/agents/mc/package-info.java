/**
 * Monte Carlo prediction and control (Sutton and Barto, chapter 5): first- and every-visit
 * prediction, exploring starts, on-policy epsilon-soft control, off-policy control and prediction
 * with ordinary and weighted importance sampling.
 */
package dev.jgym.agents.mc;
