package dev.jgym.core.nn.cpu;

/** The portable micro-kernel: 4 x 8, one {@link Math#fma} per element and k. */
final class ScalarKernel implements MicroKernel {
    static final int MR = 4, NR = 8;

    @Override
    public int mr() {
        return MR;
    }

    @Override
    public int nr() {
        return NR;
    }

    @Override
    public void compute(float[] ap, int aOff, float[] bp, int bOff, int kc, float[] tile) {
        java.util.Arrays.fill(tile, 0, MR * NR, 0f);
        for (int k = 0; k < kc; k++) {
            int a = aOff + k * MR, b = bOff + k * NR;
            for (int i = 0; i < MR; i++) {
                float ai = ap[a + i];
                int row = i * NR;
                for (int j = 0; j < NR; j++) tile[row + j] = Math.fma(ai, bp[b + j], tile[row + j]);
            }
        }
    }

    @Override
    public String describe() {
        return "scalar fma 4x8";
    }
}
