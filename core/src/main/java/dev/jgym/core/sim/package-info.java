/**
 * The game loop: {@link dev.jgym.core.sim.Agent}, transitions, the {@link
 * dev.jgym.core.sim.Simulator} that runs an agent in an env tick by tick, its listeners and
 * clocks (headless or real time).
 */
package dev.jgym.core.sim;
