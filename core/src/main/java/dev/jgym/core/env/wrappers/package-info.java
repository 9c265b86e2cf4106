/**
 * Gymnasium's wrappers: time limit, order enforcing, episode statistics, frame stacking,
 * observation and reward normalisation, reward clipping, observation masking, sticky actions,
 * action repeat, pixel observations and observation flattening.
 */
package dev.jgym.core.env.wrappers;
