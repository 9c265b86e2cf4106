/**
 * Gymnasium's spaces: Discrete, Box (float32), MultiDiscrete, MultiBinary, Tuple and Dict, each
 * sampling from a given stream, testing membership and reading and writing its JSON form.
 */
package dev.jgym.core.space;
