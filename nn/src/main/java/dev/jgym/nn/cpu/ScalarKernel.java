package dev.jgym.nn.cpu;

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
    public int lanes() {
        return 1;
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
    public void direct(float[] a, int aRow, int aK, float[] b, int ldb, float[] c, int n, int k, int i0, int i1) {
        float[] acc = new float[n];
        for (int i = i0; i < i1; i++) {
            for (int k0 = 0; k0 < k; k0 += CpuBackend.KC) {
                int k1 = Math.min(k, k0 + CpuBackend.KC);
                java.util.Arrays.fill(acc, 0f);
                for (int p = k0; p < k1; p++) {
                    float ap = a[i * aRow + p * aK];
                    int row = p * ldb;
                    for (int j = 0; j < n; j++) acc[j] = Math.fma(ap, b[row + j], acc[j]);
                }
                int dst = i * n;
                for (int j = 0; j < n; j++) c[dst + j] += acc[j];
            }
        }
    }

    @Override
    public String describe() {
        return "scalar fma 4x8";
    }
}
