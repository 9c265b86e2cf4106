/**
 * MinAtar-style arcade games on 10x10 multi-channel grids: Asterix, Breakout, Freeway and Space
 * Invaders.
 */
package dev.jgym.envs.games.minatar;
