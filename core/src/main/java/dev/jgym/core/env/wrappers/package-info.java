/**
 * Gymnasium's wrappers: time limit, order enforcing, episode statistics, frame stacking,
 * observation and reward normalisation, reward clipping, observation masking, sticky actions,
 * action repeat and pixel observations.
 */
package dev.jgym.core.env.wrappers;
