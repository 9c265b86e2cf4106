/**
 * Classic control with Gymnasium's dynamics and constants: CartPole-v1, MountainCar-v0,
 * MountainCarContinuous-v0, Acrobot-v1, Pendulum-v1, and a struct-of-arrays CartPole vector env.
 */
package dev.jgym.envs.control;
