/**
 * Multi-armed bandits: the Gaussian testbed of Sutton and Barto's chapter 2, Bernoulli arms and
 * the nonstationary (random-walk) bandit of Exercise 2.5.
 */
package dev.jgym.envs.bandit;
