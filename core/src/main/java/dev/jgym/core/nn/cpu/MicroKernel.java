package dev.jgym.core.nn.cpu;

/**
 * The inner block of GEMM: an {@code mr x nr} tile of {@code A B} over {@code kc} steps of k,
 * from packed panels (A: {@code mr} values per k, B: {@code nr} values per k, both contiguous).
 *
 * <p>Contract that keeps every kernel bit-identical: each tile element starts at 0 and takes
 * one fused multiply-add per k, in increasing k ({@code c = fma(a_k, b_k, c)}). The vector and
 * scalar kernels obey it, so the result does not depend on which one ran, nor on mr and nr.
 */
interface MicroKernel {
    int mr();

    int nr();

    /** Writes the tile, row-major {@code mr x nr}, into {@code tile}. */
    void compute(float[] ap, int aOff, float[] bp, int bOff, int kc, float[] tile);

    String describe();
}
