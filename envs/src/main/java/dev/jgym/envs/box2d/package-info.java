/**
 * Gymnasium's Box2D family on libgdx's Box2D, headless: LunarLander-v3 (discrete and continuous,
 * wind and turbulence) and BipedalWalker-v3 (and Hardcore), with Gymnasium's heuristic
 * controllers. The only envs package that loads native code.
 */
package dev.jgym.envs.box2d;
