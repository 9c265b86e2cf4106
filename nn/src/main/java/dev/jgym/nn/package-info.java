/**
 * The NN core: {@link dev.jgym.nn.Tensor}, the {@link dev.jgym.nn.Backend} interface and its one
 * factory {@link dev.jgym.nn.Backends}, parameters, initialisers, the perceptron and a small
 * training loop. Backends live in {@code cpu} and {@code opencl}.
 */
package dev.jgym.nn;
