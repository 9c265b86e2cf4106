/**
 * The CPU backend: a multi-threaded Vector API GEMM with register-blocked micro-kernels,
 * convolutions by im2col into the GEMM's panels, recurrent cells; the same bits for any thread
 * count.
 */
package dev.jgym.nn.cpu;
