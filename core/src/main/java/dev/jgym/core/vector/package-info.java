/**
 * Vector envs: {@link dev.jgym.core.vector.VectorEnv}, the synchronous vector env over any env
 * with Gymnasium's autoreset modes, and a parallel range whose results do not depend on the
 * thread count.
 */
package dev.jgym.core.vector;
