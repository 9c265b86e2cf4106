/**
 * The OpenCL backend through Aparapi: kernels for every backend op, device memory kept on the
 * device between calls, the device list ({@code jgym devices}). Tested for parity with the CPU
 * backend (on PoCL where there is no GPU).
 */
package dev.jgym.nn.opencl;
