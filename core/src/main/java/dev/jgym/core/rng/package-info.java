/**
 * Seeded random streams: {@link dev.jgym.core.rng.Rng} (xoshiro256** seeded by SplitMix64) with
 * named children, the only source of randomness in main code.
 */
package dev.jgym.core.rng;
