package dev.jgym.nn.cpu;

import dev.jgym.nn.ActivationKind;
import dev.jgym.nn.FdlibmMath;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one class that uses {@code jdk.incubator.vector}: an 8 x (3 vectors) register-blocked
 * micro-kernel (24 accumulators, FMA) where there are 32 vector registers, 6 x (2 vectors) where
 * there are 16, and 6 x (2 vectors) blocks over unpacked operands for the direct path. {@link Kernels} loads it by name only when the module is in the boot layer, so
 * nothing else links against the incubator API.
 */
final class VectorKernel implements MicroKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /**
     * 32 vector registers (16 lanes: AVX-512) take the 8 x 3-vector tile; 16 registers (AVX2) the
     * 6 x 2-vector one. The tile's shape changes no bit (see {@link MicroKernel}). On a Zen 4 core
     * (AVX-512, 1024^3, one thread, packed panels) 8 x 3 ran at 92-95 GFLOP/s where 4 x 3 (12
     * accumulators) ran at 81-82, numpy's OpenBLAS (Cooperlake kernel) at 91-99.
     */
    private static final boolean WIDE = L >= 16;
    static final int MR = WIDE ? 8 : 6, NR = WIDE ? 3 * L : 2 * L;
    /** Adam's lanes: doubles, and floats of the same count to convert from and to. */
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class, VectorShape.forBitSize(D.length() * Float.SIZE));

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
        return L;
    }

    @Override
    public void compute(float[] ap, int aOff, float[] bp, int bOff, int kc, float[] tile) {
        if (WIDE) {
            compute8x3(ap, aOff, bp, bOff, kc, tile);
        } else {
            compute6x2(ap, aOff, bp, bOff, kc, tile);
        }
    }

    /**
     * AVX-512: one vector of columns where the partial panel has no more (C's width 256, 300, 400
     * or 1024 leaves 16 or fewer of its 48), else the whole tile. AVX2's 16-column panel is not
     * cut: those widths leave it full or more than one vector.
     */
    @Override
    public void computeColumns(float[] ap, int aOff, float[] bp, int bOff, int kc, float[] tile, int cols) {
        if (WIDE && cols <= L) {
            compute8x1(ap, aOff, bp, bOff, kc, tile);
        } else {
            compute(ap, aOff, bp, bOff, kc, tile);
        }
    }

    /**
     * AVX-512's kernel adds its accumulators into C itself; AVX2's stores its tile in one straight
     * run and a vector pass adds it into C: there an adding epilogue in the same method costs the
     * FMA loop about 15% (C2's code for the loop changes), more than this pass over a tile in L1
     * (on Zen 4's AVX-512 the fused epilogue measured 2-4% faster than the pass).
     */
    @Override
    public void computeInto(float[] ap, int aOff, float[] bp, int bOff, int kc, float[] tile, float[] c, int cOff, int ldc) {
        if (WIDE) {
            compute8x3Into(ap, aOff, bp, bOff, kc, c, cOff, ldc);
            return;
        }
        compute(ap, aOff, bp, bOff, kc, tile);
        for (int i = 0; i < MR; i++) {
            int dst = cOff + i * ldc, src = i * NR;
            for (int j = 0; j < NR; j += L) {
                FloatVector.fromArray(S, c, dst + j).add(FloatVector.fromArray(S, tile, src + j)).intoArray(c, dst + j);
            }
        }
    }

    /**
     * 8 rows x 3 vectors: 24 accumulators, 3 loads of B and 8 broadcasts per k (28 of AVX-512's 32
     * registers), each row's accumulators then added into C at {@code cOff + i ldc}.
     */
    private static void compute8x3Into(float[] ap, int aOff, float[] bp, int bOff, int kc, float[] c, int cOff, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00;
        FloatVector c40 = c00, c41 = c00, c42 = c00;
        FloatVector c50 = c00, c51 = c00, c52 = c00;
        FloatVector c60 = c00, c61 = c00, c62 = c00;
        FloatVector c70 = c00, c71 = c00, c72 = c00;
        int a = aOff, b = bOff;
        for (int k = 0; k < kc; k++, a += 8, b += NR) {
            FloatVector b0 = FloatVector.fromArray(S, bp, b);
            FloatVector b1 = FloatVector.fromArray(S, bp, b + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, b + 2 * L);
            FloatVector x = FloatVector.broadcast(S, ap[a]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            x = FloatVector.broadcast(S, ap[a + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            x = FloatVector.broadcast(S, ap[a + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            x = FloatVector.broadcast(S, ap[a + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            x = FloatVector.broadcast(S, ap[a + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            c42 = x.fma(b2, c42);
            x = FloatVector.broadcast(S, ap[a + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            c52 = x.fma(b2, c52);
            x = FloatVector.broadcast(S, ap[a + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            c62 = x.fma(b2, c62);
            x = FloatVector.broadcast(S, ap[a + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
            c72 = x.fma(b2, c72);
        }
        int r0 = cOff;
        FloatVector.fromArray(S, c, r0).add(c00).intoArray(c, r0);
        FloatVector.fromArray(S, c, r0 + L).add(c01).intoArray(c, r0 + L);
        FloatVector.fromArray(S, c, r0 + 2 * L).add(c02).intoArray(c, r0 + 2 * L);
        int r1 = cOff + ldc;
        FloatVector.fromArray(S, c, r1).add(c10).intoArray(c, r1);
        FloatVector.fromArray(S, c, r1 + L).add(c11).intoArray(c, r1 + L);
        FloatVector.fromArray(S, c, r1 + 2 * L).add(c12).intoArray(c, r1 + 2 * L);
        int r2 = cOff + 2 * ldc;
        FloatVector.fromArray(S, c, r2).add(c20).intoArray(c, r2);
        FloatVector.fromArray(S, c, r2 + L).add(c21).intoArray(c, r2 + L);
        FloatVector.fromArray(S, c, r2 + 2 * L).add(c22).intoArray(c, r2 + 2 * L);
        int r3 = cOff + 3 * ldc;
        FloatVector.fromArray(S, c, r3).add(c30).intoArray(c, r3);
        FloatVector.fromArray(S, c, r3 + L).add(c31).intoArray(c, r3 + L);
        FloatVector.fromArray(S, c, r3 + 2 * L).add(c32).intoArray(c, r3 + 2 * L);
        int r4 = cOff + 4 * ldc;
        FloatVector.fromArray(S, c, r4).add(c40).intoArray(c, r4);
        FloatVector.fromArray(S, c, r4 + L).add(c41).intoArray(c, r4 + L);
        FloatVector.fromArray(S, c, r4 + 2 * L).add(c42).intoArray(c, r4 + 2 * L);
        int r5 = cOff + 5 * ldc;
        FloatVector.fromArray(S, c, r5).add(c50).intoArray(c, r5);
        FloatVector.fromArray(S, c, r5 + L).add(c51).intoArray(c, r5 + L);
        FloatVector.fromArray(S, c, r5 + 2 * L).add(c52).intoArray(c, r5 + 2 * L);
        int r6 = cOff + 6 * ldc;
        FloatVector.fromArray(S, c, r6).add(c60).intoArray(c, r6);
        FloatVector.fromArray(S, c, r6 + L).add(c61).intoArray(c, r6 + L);
        FloatVector.fromArray(S, c, r6 + 2 * L).add(c62).intoArray(c, r6 + 2 * L);
        int r7 = cOff + 7 * ldc;
        FloatVector.fromArray(S, c, r7).add(c70).intoArray(c, r7);
        FloatVector.fromArray(S, c, r7 + L).add(c71).intoArray(c, r7 + L);
        FloatVector.fromArray(S, c, r7 + 2 * L).add(c72).intoArray(c, r7 + 2 * L);
    }

    /**
     * {@link #compute8x3Into}'s loop storing the tile instead (the partial tiles at C's edges). One
     * method serving both, C and the tile, ran the whole GEMM at 80-82 GFLOP/s instead of 93 (Zen 4).
     */
    private static void compute8x3(float[] ap, int aOff, float[] bp, int bOff, int kc, float[] tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00;
        FloatVector c40 = c00, c41 = c00, c42 = c00;
        FloatVector c50 = c00, c51 = c00, c52 = c00;
        FloatVector c60 = c00, c61 = c00, c62 = c00;
        FloatVector c70 = c00, c71 = c00, c72 = c00;
        int a = aOff, b = bOff;
        for (int k = 0; k < kc; k++, a += 8, b += NR) {
            FloatVector b0 = FloatVector.fromArray(S, bp, b);
            FloatVector b1 = FloatVector.fromArray(S, bp, b + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, b + 2 * L);
            FloatVector x = FloatVector.broadcast(S, ap[a]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            x = FloatVector.broadcast(S, ap[a + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            x = FloatVector.broadcast(S, ap[a + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            x = FloatVector.broadcast(S, ap[a + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            x = FloatVector.broadcast(S, ap[a + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            c42 = x.fma(b2, c42);
            x = FloatVector.broadcast(S, ap[a + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            c52 = x.fma(b2, c52);
            x = FloatVector.broadcast(S, ap[a + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            c62 = x.fma(b2, c62);
            x = FloatVector.broadcast(S, ap[a + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
            c72 = x.fma(b2, c72);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c02.intoArray(tile, 2 * L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c12.intoArray(tile, NR + 2 * L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c22.intoArray(tile, 2 * NR + 2 * L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c32.intoArray(tile, 3 * NR + 2 * L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c42.intoArray(tile, 4 * NR + 2 * L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
        c52.intoArray(tile, 5 * NR + 2 * L);
        c60.intoArray(tile, 6 * NR);
        c61.intoArray(tile, 6 * NR + L);
        c62.intoArray(tile, 6 * NR + 2 * L);
        c70.intoArray(tile, 7 * NR);
        c71.intoArray(tile, 7 * NR + L);
        c72.intoArray(tile, 7 * NR + 2 * L);
    }

    /** {@link #compute8x3}'s first vector of columns only: 8 accumulators. */
    private static void compute8x1(float[] ap, int aOff, float[] bp, int bOff, int kc, float[] tile) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c10 = c00;
        FloatVector c20 = c00;
        FloatVector c30 = c00;
        FloatVector c40 = c00;
        FloatVector c50 = c00;
        FloatVector c60 = c00;
        FloatVector c70 = c00;
        int a = aOff, b = bOff;
        for (int k = 0; k < kc; k++, a += 8, b += NR) {
            FloatVector b0 = FloatVector.fromArray(S, bp, b);
            FloatVector x = FloatVector.broadcast(S, ap[a]);
            c00 = x.fma(b0, c00);
            x = FloatVector.broadcast(S, ap[a + 1]);
            c10 = x.fma(b0, c10);
            x = FloatVector.broadcast(S, ap[a + 2]);
            c20 = x.fma(b0, c20);
            x = FloatVector.broadcast(S, ap[a + 3]);
            c30 = x.fma(b0, c30);
            x = FloatVector.broadcast(S, ap[a + 4]);
            c40 = x.fma(b0, c40);
            x = FloatVector.broadcast(S, ap[a + 5]);
            c50 = x.fma(b0, c50);
            x = FloatVector.broadcast(S, ap[a + 6]);
            c60 = x.fma(b0, c60);
            x = FloatVector.broadcast(S, ap[a + 7]);
            c70 = x.fma(b0, c70);
        }
        c00.intoArray(tile, 0);
        c10.intoArray(tile, NR);
        c20.intoArray(tile, 2 * NR);
        c30.intoArray(tile, 3 * NR);
        c40.intoArray(tile, 4 * NR);
        c50.intoArray(tile, 5 * NR);
        c60.intoArray(tile, 6 * NR);
        c70.intoArray(tile, 7 * NR);
    }

    /**
     * 6 rows x 2 vectors: 12 accumulators, 2 loads of B and 6 broadcasts per k, 15 registers in
     * all, so it fits AVX2's 16 (4 x 3 vectors needs 17 there and spills: 40 against 86 GFLOP/s
     * from L1 on a Zen core).
     */
    private static void compute6x2(float[] ap, int aOff, float[] bp, int bOff, int kc, float[] tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        int a = aOff, b = bOff;
        for (int k = 0; k < kc; k++, a += 6, b += NR) {
            FloatVector b0 = FloatVector.fromArray(S, bp, b);
            FloatVector b1 = FloatVector.fromArray(S, bp, b + L);
            FloatVector x = FloatVector.broadcast(S, ap[a]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[a + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[a + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[a + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, ap[a + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, ap[a + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
    }

    @Override
    public void direct(float[] a, int aRow, int aK, float[] b, int ldb, float[] c, int n, int k, int i0, int i1) {
        for (int k0 = 0; k0 < k; k0 += CpuBackend.KC) {
            int k1 = Math.min(k, k0 + CpuBackend.KC);
            for (int i = i0; i < i1; i += DR) {
                int rows = Math.min(DR, i1 - i);
                // rows past i1 repeat the last row: read, computed, never written
                int a0 = i * aRow, a1 = (i + Math.min(1, rows - 1)) * aRow, a2 = (i + Math.min(2, rows - 1)) * aRow;
                int a3 = (i + Math.min(3, rows - 1)) * aRow, a4 = (i + Math.min(4, rows - 1)) * aRow, a5 = (i + Math.min(5, rows - 1)) * aRow;
                int j = 0;
                for (; j + 2 * L <= n; j += 2 * L) block2(a, a0, a1, a2, a3, a4, a5, aK, b, ldb, j, k0, k1, c, i * n + j, n, rows);
                for (; j < n; j += L) block1(a, a0, a1, a2, a3, a4, a5, aK, b, ldb, j, k0, k1, c, i * n + j, n, rows, Math.min(L, n - j));
            }
        }
    }

    /** Narrow C (a DQN's 2 actions, a value head's 1 column): columns fill at most a quarter of a vector. */
    @Override
    public int narrowMax() {
        return L / 4;
    }

    /**
     * {@link #direct}'s sums with the lanes across C's rows, for C of at most {@link #narrowMax()}
     * columns: per k-block, a chain of FMAs in increasing p for every element, then one add into C
     * (the same operations, in the same order, as {@link #direct}'s). Rows go 4 vectors at a time,
     * columns 2 at a time: 8 chains, enough to cover an FMA's latency. {@code at} is op(A)
     * transposed, {@code at[p lda + i]}; B is {@code [k][n]}.
     */
    @Override
    public void narrow(float[] at, int lda, float[] b, float[] c, int n, int k, int i0, int i1) {
        float[] lanes = NARROW_LANES.get();
        for (int k0 = 0; k0 < k; k0 += CpuBackend.KC) {
            int k1 = Math.min(k, k0 + CpuBackend.KC);
            int i = i0;
            for (; i + 4 * L <= i1; i += 4 * L) {
                int j = 0;
                for (; j + 2 <= n; j += 2) narrow4x2(at, lda, i, b, n, j, k0, k1, c, lanes);
                if (j < n) narrow1(at, lda, i, 4 * L, b, n, j, k0, k1, c, lanes);
            }
            for (; i < i1; i += L) {
                int rows = Math.min(L, i1 - i);
                for (int j = 0; j < n; j++) narrow1(at, lda, i, rows, b, n, j, k0, k1, c, lanes);
            }
        }
    }

    private static final ThreadLocal<float[]> NARROW_LANES = ThreadLocal.withInitial(() -> new float[8 * L]);

    /** Rows i .. i + 4L, columns j and j + 1, k in [k0, k1): 8 vectors of sums added into C. */
    private static void narrow4x2(float[] at, int lda, int i, float[] b, int n, int j, int k0, int k1, float[] c, float[] lanes) {
        FloatVector s00 = FloatVector.zero(S), s10 = s00, s20 = s00, s30 = s00, s01 = s00, s11 = s00, s21 = s00, s31 = s00;
        for (int p = k0; p < k1; p++) {
            int ao = p * lda + i;
            FloatVector a0 = FloatVector.fromArray(S, at, ao), a1 = FloatVector.fromArray(S, at, ao + L);
            FloatVector a2 = FloatVector.fromArray(S, at, ao + 2 * L), a3 = FloatVector.fromArray(S, at, ao + 3 * L);
            FloatVector b0 = FloatVector.broadcast(S, b[p * n + j]), b1 = FloatVector.broadcast(S, b[p * n + j + 1]);
            s00 = a0.fma(b0, s00);
            s10 = a1.fma(b0, s10);
            s20 = a2.fma(b0, s20);
            s30 = a3.fma(b0, s30);
            s01 = a0.fma(b1, s01);
            s11 = a1.fma(b1, s11);
            s21 = a2.fma(b1, s21);
            s31 = a3.fma(b1, s31);
        }
        s00.intoArray(lanes, 0);
        s10.intoArray(lanes, L);
        s20.intoArray(lanes, 2 * L);
        s30.intoArray(lanes, 3 * L);
        s01.intoArray(lanes, 4 * L);
        s11.intoArray(lanes, 5 * L);
        s21.intoArray(lanes, 6 * L);
        s31.intoArray(lanes, 7 * L);
        for (int r = 0, o = i * n + j; r < 4 * L; r++, o += n) {
            c[o] += lanes[r];
            c[o + 1] += lanes[4 * L + r];
        }
    }

    /** Rows i .. i + rows (at most 4L, whole vectors unless rows < L), column j: sums added into C. */
    private static void narrow1(float[] at, int lda, int i, int rows, float[] b, int n, int j, int k0, int k1, float[] c, float[] lanes) {
        if (rows < L) {
            VectorMask<Float> m = S.indexInRange(0, rows);
            FloatVector s = FloatVector.zero(S);
            for (int p = k0; p < k1; p++) s = FloatVector.fromArray(S, at, p * lda + i, m).fma(FloatVector.broadcast(S, b[p * n + j]), s);
            s.intoArray(lanes, 0);
        } else {
            for (int v = 0; v < rows; v += L) {
                FloatVector s = FloatVector.zero(S);
                for (int p = k0; p < k1; p++) s = FloatVector.fromArray(S, at, p * lda + i + v).fma(FloatVector.broadcast(S, b[p * n + j]), s);
                s.intoArray(lanes, v);
            }
        }
        for (int r = 0, o = i * n + j; r < rows; r++, o += n) c[o] += lanes[r];
    }

    /** Rows of the direct path's blocks: 6 x 2 vectors, 12 accumulators, as the packed tile on AVX2. */
    private static final int DR = 6;

    /** Rows 6 x 2 vectors of columns from j, k in [k0, k1), added into C at cOff (its first {@code rows} rows). */
    private static void block2(float[] a, int a0, int a1, int a2, int a3, int a4, int a5, int aK, float[] b, int ldb, int j,
                               int k0, int k1, float[] c, int cOff, int n, int rows) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (int p = k0; p < k1; p++) {
            int bo = p * ldb + j, ao = p * aK;
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + ao]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[a1 + ao]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[a2 + ao]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[a3 + ao]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[a4 + ao]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[a5 + ao]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        addRow(c, cOff, c00, c01);
        if (rows > 1) addRow(c, cOff + n, c10, c11);
        if (rows > 2) addRow(c, cOff + 2 * n, c20, c21);
        if (rows > 3) addRow(c, cOff + 3 * n, c30, c31);
        if (rows > 4) addRow(c, cOff + 4 * n, c40, c41);
        if (rows > 5) addRow(c, cOff + 5 * n, c50, c51);
    }

    private static void addRow(float[] c, int off, FloatVector v0, FloatVector v1) {
        FloatVector.fromArray(S, c, off).add(v0).intoArray(c, off);
        FloatVector.fromArray(S, c, off + L).add(v1).intoArray(c, off + L);
    }

    /** Rows 6 x one vector of columns from j, of which {@code width} are C's (B is padded past them). */
    private static void block1(float[] a, int a0, int a1, int a2, int a3, int a4, int a5, int aK, float[] b, int ldb, int j,
                               int k0, int k1, float[] c, int cOff, int n, int rows, int width) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0;
        for (int p = k0; p < k1; p++) {
            int ao = p * aK;
            FloatVector bv = FloatVector.fromArray(S, b, p * ldb + j);
            c0 = FloatVector.broadcast(S, a[a0 + ao]).fma(bv, c0);
            c1 = FloatVector.broadcast(S, a[a1 + ao]).fma(bv, c1);
            c2 = FloatVector.broadcast(S, a[a2 + ao]).fma(bv, c2);
            c3 = FloatVector.broadcast(S, a[a3 + ao]).fma(bv, c3);
            c4 = FloatVector.broadcast(S, a[a4 + ao]).fma(bv, c4);
            c5 = FloatVector.broadcast(S, a[a5 + ao]).fma(bv, c5);
        }
        addPart(c, cOff, c0, width);
        if (rows > 1) addPart(c, cOff + n, c1, width);
        if (rows > 2) addPart(c, cOff + 2 * n, c2, width);
        if (rows > 3) addPart(c, cOff + 3 * n, c3, width);
        if (rows > 4) addPart(c, cOff + 4 * n, c4, width);
        if (rows > 5) addPart(c, cOff + 5 * n, c5, width);
    }

    /** c[off + l] += v[l] for the first {@code width} lanes (lane by lane when not all: JDK 17's masked stores are not intrinsics). */
    private static void addPart(float[] c, int off, FloatVector v, int width) {
        if (width == L) {
            FloatVector.fromArray(S, c, off).add(v).intoArray(c, off);
        } else {
            for (int l = 0; l < width; l++) c[off + l] += v.lane(l);
        }
    }

    @Override
    public void adam(float[] ws, float[] g, float[] mi, float[] vi, int from, int to, double lr, double beta1, double beta2,
                     double eps, double weightDecay, boolean decoupled, double c1, double c2) {
        int dl = D.length(), j = from;
        double[] buf = LANES.get();
        DoubleVector b1 = DoubleVector.broadcast(D, beta1), ob1 = DoubleVector.broadcast(D, 1 - beta1);
        DoubleVector b2 = DoubleVector.broadcast(D, beta2), ob2 = DoubleVector.broadcast(D, 1 - beta2);
        DoubleVector lrv = DoubleVector.broadcast(D, lr), wd = DoubleVector.broadcast(D, weightDecay);
        DoubleVector lrwd = DoubleVector.broadcast(D, lr * weightDecay), epsv = DoubleVector.broadcast(D, eps);
        for (; j + dl <= to; j += dl) {
            DoubleVector w0 = load(ws, j), gj = load(g, j);
            DoubleVector wj = decoupled ? w0.sub(lrwd.mul(w0)) : w0;
            if (!decoupled) gj = gj.add(wd.mul(w0));
            DoubleVector mj = b1.mul(load(mi, j)).add(ob1.mul(gj));
            DoubleVector vj = b2.mul(load(vi, j)).add(ob2.mul(gj).mul(gj));
            store(mj, buf, mi, j);
            store(vj, buf, vi, j);
            DoubleVector mhat = c1 == 1 ? mj : mj.div(c1); // x / 1.0 is x: skipping it changes no bit
            DoubleVector vhat = c2 == 1 ? vj : vj.div(c2);
            store(wj.sub(lrv.mul(mhat).div(vhat.lanewise(VectorOperators.SQRT).add(epsv))), buf, ws, j);
        }
        MicroKernel.super.adam(ws, g, mi, vi, j, to, lr, beta1, beta2, eps, weightDecay, decoupled, c1, c2);
    }

    /** Lane by lane as {@link MicroKernel#rmsPropCentered} (max is Math.max's, so -0.0 and NaN behave alike). */
    @Override
    public void rmsPropCentered(float[] ws, float[] g, float[] s, float[] m, int from, int to, double lr, double alpha, double eps,
                                double weightDecay) {
        int dl = D.length(), j = from;
        double[] buf = LANES.get();
        DoubleVector a = DoubleVector.broadcast(D, alpha), oa = DoubleVector.broadcast(D, 1 - alpha);
        DoubleVector lrv = DoubleVector.broadcast(D, lr), wd = DoubleVector.broadcast(D, weightDecay);
        DoubleVector epsv = DoubleVector.broadcast(D, eps), zero = DoubleVector.zero(D);
        for (; j + dl <= to; j += dl) {
            DoubleVector w0 = load(ws, j);
            DoubleVector gj = load(g, j).add(wd.mul(w0));
            DoubleVector sj = a.mul(load(s, j)).add(oa.mul(gj).mul(gj));
            DoubleVector mj = a.mul(load(m, j)).add(oa.mul(gj));
            store(sj, buf, s, j);
            store(mj, buf, m, j);
            DoubleVector den = zero.max(sj.sub(mj.mul(mj))).lanewise(VectorOperators.SQRT).add(epsv);
            store(w0.sub(lrv.mul(gj).div(den)), buf, ws, j);
        }
        MicroKernel.super.rmsPropCentered(ws, g, s, m, j, to, lr, alpha, eps, weightDecay);
    }

    private static DoubleVector load(float[] x, int at) {
        return (DoubleVector) FloatVector.fromArray(F, x, at).convertShape(VectorOperators.F2D, D, 0);
    }

    /**
     * Through a double buffer: a store through a float vector of Adam's lane count (F, narrower
     * than S) would make C2's type profiles of FloatVector's shared methods see two vector
     * classes, and then S's stores elsewhere (GEMM, bias add) fall back to slow Java loops.
     */
    private static void store(DoubleVector v, double[] buf, float[] x, int at) {
        v.intoArray(buf, 0);
        for (int l = 0; l < buf.length; l++) x[at + l] = (float) buf[l];
    }

    private static final ThreadLocal<double[]> LANES = ThreadLocal.withInitial(() -> new double[D.length()]);

    /** Whole vectors of columns by gather (one load of L strided values, one store), the rest scalar. */
    @Override
    public void transpose(float[] src, int n, int k, float[] dst, int ldb) {
        int[] map = GATHER.get();
        if (map[L] != k) {
            for (int l = 0; l < L; l++) map[l] = l * k;
            map[L] = k;
        }
        int j0 = 0;
        for (; j0 + L <= n; j0 += L) {
            int from = j0 * k;
            for (int p = 0; p < k; p++) FloatVector.fromArray(S, src, from + p, map, 0).intoArray(dst, p * ldb + j0);
        }
        for (int j = j0; j < n; j++) {
            int from = j * k;
            for (int p = 0; p < k; p++) dst[p * ldb + j] = src[from + p];
        }
    }

    /** Per tap, the panel's columns in whole vectors, each gathered by its column's index. */
    @Override
    public void gatherPanel(float[] x, int[] base, int[] taps, int rows, float[] bp, int off, int nr) {
        for (int t = 0; t < rows; t++) {
            int to = off + t * nr, tap = taps[t];
            for (int c = 0; c < nr; c += L) FloatVector.fromArray(S, x, tap, base, c).intoArray(bp, to + c);
        }
    }

    /** Per column, its taps in whole vectors gathered by the taps' offsets, the last one padded when its lanes stay below ld. */
    @Override
    public void gatherPatches(float[] x, int[] base, int cols, int[] taps, int t0, int rows, float[] bt, int dst, int ld) {
        int whole = rows / L * L;
        boolean padded = whole < rows && whole + L <= ld;
        for (int c = 0; c < cols; c++) {
            int to = dst + c * ld, b = base[c], t = 0;
            for (; t < whole; t += L) FloatVector.fromArray(S, x, b, taps, t0 + t).intoArray(bt, to + t);
            if (padded) {
                FloatVector.fromArray(S, x, b, taps, t0 + t).intoArray(bt, to + t);
            } else {
                for (; t < rows; t++) bt[to + t] = x[b + taps[t0 + t]];
            }
        }
    }

    @Override
    public void addScalar(float[] x, int xOff, float a, boolean relu, float[] y, int yOff, int n) {
        int i = 0;
        if (relu) {
            FloatVector zero = FloatVector.zero(S);
            for (; i + L <= n; i += L) {
                FloatVector v = FloatVector.fromArray(S, x, xOff + i).add(a);
                zero.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, yOff + i);
            }
        } else {
            for (; i + L <= n; i += L) FloatVector.fromArray(S, x, xOff + i).add(a).intoArray(y, yOff + i);
        }
        if (i < n) MicroKernel.super.addScalar(x, xOff + i, a, relu, y, yOff + i, n - i);
    }

    /** AVX-512: whole vectors gathered, added and scattered (the indices are distinct); the rest, and AVX2 (no scatter instruction), scalar. */
    @Override
    public void addGathered(float[] x, int xOff, float[] y, int[] base, int off, int n) {
        int c = 0;
        if (WIDE) {
            for (; c + L <= n; c += L) {
                FloatVector.fromArray(S, y, off, base, c).add(FloatVector.fromArray(S, x, xOff + c)).intoArray(y, off, base, c);
            }
        }
        for (; c < n; c++) y[base[c] + off] += x[xOff + c];
    }

    /**
     * L windows at a time: their four corners gathered, the first maximum kept by compares and
     * blends (the scalar loop's {@code >}, so NaN and signed zeros go as there). Backward over a
     * covered plane puts each window's four entries in four rows of a scratch array (blends only:
     * JDK 17 runs a mask's and/or/not as Java loops), then gathers the plane from it in
     * row-major order ({@code spread}), whole vectors at a time (a gather costs far less than a
     * scatter). The windows and elements past whole vectors go scalar.
     */
    @Override
    public void maxPool2x2(float[] xd, int src, int w, int oh, int ow, int[] corners, int[] spread, float[] yd, float[] gd, int dst, float[] o,
                           boolean covered, boolean relu) {
        int windows = oh * ow, q = 0;
        if (yd == null && !covered) {
            MicroKernel.super.maxPool2x2(xd, src, w, oh, ow, corners, spread, yd, gd, dst, o, covered, relu);
            return;
        }
        float[] entries = yd == null ? poolScratch(4 * windows) : null;
        FloatVector zero = FloatVector.zero(S);
        for (; q + L <= windows; q += L) {
            FloatVector v00 = FloatVector.fromArray(S, xd, src, corners, q);
            FloatVector v01 = FloatVector.fromArray(S, xd, src + 1, corners, q);
            FloatVector v10 = FloatVector.fromArray(S, xd, src + w, corners, q);
            FloatVector v11 = FloatVector.fromArray(S, xd, src + w + 1, corners, q);
            VectorMask<Float> m1 = v01.compare(VectorOperators.GT, v00);
            FloatVector best = v00.blend(v01, m1);
            VectorMask<Float> m2 = v10.compare(VectorOperators.GT, best);
            best = best.blend(v10, m2);
            VectorMask<Float> m3 = v11.compare(VectorOperators.GT, best);
            best = best.blend(v11, m3);
            if (yd != null) {
                best.intoArray(yd, dst + q);
                continue;
            }
            FloatVector g = FloatVector.fromArray(S, gd, dst + q);
            if (relu) g = zero.blend(g, best.compare(VectorOperators.GT, 0f));
            g = g.add(0f);
            // the entry that holds g moves as a later corner wins: 0, then 1 where m1, 2 where m2, 3 where m3
            FloatVector e0 = g, e1 = zero.blend(g, m1);
            e0 = e0.blend(zero, m1);
            FloatVector e2 = zero.blend(g, m2);
            e0 = e0.blend(zero, m2);
            e1 = e1.blend(zero, m2);
            FloatVector e3 = zero.blend(g, m3);
            e0.blend(zero, m3).intoArray(entries, q);
            e1.blend(zero, m3).intoArray(entries, windows + q);
            e2.blend(zero, m3).intoArray(entries, 2 * windows + q);
            e3.intoArray(entries, 3 * windows + q);
        }
        if (yd != null) {
            for (; q < windows; q++) MicroKernel.maxPoolWindow(xd, src + corners[q], w, yd, gd, dst + q, o, covered, relu);
            return;
        }
        for (; q < windows; q++) {
            int a0 = src + corners[q], at = MicroKernel.firstMax2x2(xd, a0, w);
            float v = MicroKernel.poolGradient(xd[a0 + MicroKernel.corner2x2(at, w)], gd[dst + q], relu);
            for (int e = 0; e < 4; e++) entries[e * windows + q] = e == at ? v : 0f;
        }
        int plane = 4 * windows, e = 0;
        for (; e + L <= plane; e += L) FloatVector.fromArray(S, entries, 0, spread, e).intoArray(o, src + e);
        for (; e < plane; e++) o[src + e] = entries[spread[e]];
    }

    private static final ThreadLocal<float[][]> POOL_ENTRIES = ThreadLocal.withInitial(() -> new float[1][0]);

    private static float[] poolScratch(int n) {
        float[][] box = POOL_ENTRIES.get();
        if (box[0].length < n) box[0] = new float[n];
        return box[0];
    }

    /** The gather offsets {@code l k} for l < L, and k in the last slot, per thread. */
    private static final ThreadLocal<int[]> GATHER = ThreadLocal.withInitial(() -> new int[L + 1]);

    /** Whole vectors of a multiply then an add (two roundings, as the scalar loop), the rest scalar. */
    @Override
    public void axpy(float a, float[] x, int xOff, float[] y, int yOff, int n) {
        FloatVector av = FloatVector.broadcast(S, a);
        int i = 0;
        for (; i + L <= n; i += L) {
            FloatVector.fromArray(S, x, xOff + i).mul(av).add(FloatVector.fromArray(S, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] += a * x[xOff + i];
    }

    @Override
    public void addRowVector(float[] xs, float[] r, float[] o, int cols, int from, int to) {
        int whole = cols / L * L;
        for (int i = from; i < to; i++) {
            int base = i * cols;
            for (int j = 0; j < whole; j += L) {
                FloatVector.fromArray(S, xs, base + j).add(FloatVector.fromArray(S, r, j)).intoArray(o, base + j);
            }
            for (int j = whole; j < cols; j++) o[base + j] = xs[base + j] + r[j];
        }
    }

    /** Columns in groups of D's lanes, each lane a double sum down its column in row order: the scalar loop's bits. */
    @Override
    public void sumRows(float[] xs, int rows, int cols, int j0, int j1, float beta, float[] o) {
        int dl = D.length(), j = j0;
        for (; j + dl <= j1; j += dl) {
            DoubleVector acc = DoubleVector.zero(D);
            for (int i = 0; i < rows; i++) acc = acc.add(load(xs, i * cols + j));
            for (int l = 0; l < dl; l++) o[j + l] = (beta == 0 ? 0f : beta * o[j + l]) + (float) acc.lane(l);
        }
        if (j < j1) MicroKernel.super.sumRows(xs, rows, cols, j, j1, beta, o);
    }

    /**
     * ReLU and LeakyReLU on lanes ({@code x > 0 ? x : slope x}, NaN to the else branch as in the
     * scalar loop); tanh on double lanes ({@link #tanhLanes}); the sigmoid in double by
     * {@link #sigmoid}; the rest scalar.
     */
    @Override
    public void activation(ActivationKind kind, float param, float[] xs, float[] ys, int from, int to) {
        int i = from;
        if (kind == ActivationKind.TANH) {
            i = tanhLanes(xs, ys, from, to);
        }
        if (kind == ActivationKind.SIGMOID) { // in double, as the scalar loop, a block at a time
            double[] d = SIGMOID_IN.get();
            for (; i < to; i += SIGMOID_BLOCK) {
                int n = Math.min(SIGMOID_BLOCK, to - i);
                for (int l = 0; l < n; l++) d[l] = xs[i + l];
                sigmoid(d, d, 0, n);
                for (int l = 0; l < n; l++) ys[i + l] = (float) d[l];
            }
        }
        if (kind == ActivationKind.RELU || kind == ActivationKind.LEAKY_RELU) {
            boolean relu = kind == ActivationKind.RELU;
            for (; i + L <= to; i += L) {
                FloatVector x = FloatVector.fromArray(S, xs, i);
                VectorMask<Float> positive = x.compare(VectorOperators.GT, 0f);
                FloatVector other = relu ? FloatVector.zero(S) : x.mul(param);
                other.blend(x, positive).intoArray(ys, i);
            }
        }
        MicroKernel.super.activation(kind, param, xs, ys, i, to);
    }

    @Override
    public void activationBackward(ActivationKind kind, float param, float[] xs, float[] ys, float[] g, float[] o, int from, int to) {
        int i = from;
        if (kind == ActivationKind.TANH) { // g (1 - y y), the scalar loop's float operations
            for (; i + L <= to; i += L) {
                FloatVector y = FloatVector.fromArray(S, ys, i);
                FloatVector.fromArray(S, g, i).mul(FloatVector.broadcast(S, 1f).sub(y.mul(y))).intoArray(o, i);
            }
        }
        if (kind == ActivationKind.RELU || kind == ActivationKind.LEAKY_RELU) {
            boolean relu = kind == ActivationKind.RELU;
            for (; i + L <= to; i += L) {
                FloatVector dy = FloatVector.fromArray(S, g, i);
                VectorMask<Float> positive = FloatVector.fromArray(S, xs, i).compare(VectorOperators.GT, 0f);
                FloatVector other = relu ? FloatVector.zero(S) : dy.mul(param);
                other.blend(dy, positive).intoArray(o, i);
            }
        }
        MicroKernel.super.activationBackward(kind, param, xs, ys, g, o, i, to);
    }

    private static final double LN2_HI = 0x1.62e42feep-1, LN2_LO = 0x1.a39ef35793c76p-33, INV_LN2 = 0x1.71547652b82fep0;
    /** 1.5 x 2^52: v + ROUND - ROUND rounds v to an integer (ties to even), and v + ROUND's low bits hold it. */
    private static final double ROUND = 0x1.8p52;
    private static final long ROUND_BITS = Double.doubleToRawLongBits(ROUND);

    /** 1/n! for n = 2..11: expm1(r) = r (1 + r (1/2! + r (1/3! + ... r / 11!))). */
    private static final double[] INV_FACT = {1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320,
        1.0 / 362880, 1.0 / 3628800, 1.0 / 39916800};

    /**
     * (float) {@link FdlibmMath#tanh}(x) on lanes, for the whole pairs of vectors in
     * {@code [from, to)} (returns where they end), by an estimate that is rounded to float where
     * that rounding is certain to be the exact value's. The estimate: tanh|x| = (E - 1) / (E + 1),
     * E = e^{2|x|} = 2^k e^r, |r| <= ln2/2, with e^r - 1 from its Taylor polynomial to r^11 (error
     * below 2^-45 relative, rounding errors below 2^-49), so the numerator never cancels; |x| is
     * capped at 9.5, whose tanh rounds to 1 as surely as any larger one's. fdlibm's double is
     * within an ulp of the true value, so where the estimate moved down and up by
     * {@link #TANH_ERROR} of itself rounds to one float both ways, fdlibm's double rounds to that
     * float too ({@link #tanhRound}). Elsewhere (a vector in a few thousand) and at NaN the scalar
     * code. {@code FdlibmMathTest} compares the
     * result with StrictMath's on millions of floats in the suite and on every float on demand.
     */
    private static int tanhLanes(float[] xs, float[] ys, int from, int to) {
        int end = from + (to - from) / (2 * D.length()) * (2 * D.length());
        double[] t = TANH_SCRATCH.get();
        for (int b = from; b < end; b += TANH_BLOCK) { // both passes over a block whose estimates stay in L1
            int e = Math.min(end, b + TANH_BLOCK);
            tanhEstimate(xs, b, e, t);
            tanhRound(xs, t, ys, b, e);
        }
        return end;
    }

    /** Values per block of {@link #tanhLanes}: a multiple of any lane count's two vectors; its estimates fill 16 KiB. */
    private static final int TANH_BLOCK = 2048;

    /**
     * The first pass of {@link #tanhLanes}: {@code t[i - from]} = the estimate of tanh|x_i| with
     * x_i's sign, two vectors at a time (two independent Horner chains; and a method too long for
     * C2 to inline into its caller, whose own vector operations would then exceed what one
     * compilation inlines and fall back to Java loops).
     */
    private static void tanhEstimate(float[] xs, int from, int to, double[] t) {
        int dl = D.length();
        for (int i = from; i < to; i += 2 * dl) {
            DoubleVector x0 = load(xs, i), x1 = load(xs, i + dl);
            DoubleVector a0 = x0.abs().min(9.5), a1 = x1.abs().min(9.5); // tanh 9.5 rounds to 1 as surely as tanh of anything above
            DoubleVector z0 = a0.add(a0), z1 = a1.add(a1);
            DoubleVector k0 = z0.mul(INV_LN2).add(ROUND).sub(ROUND), k1 = z1.mul(INV_LN2).add(ROUND).sub(ROUND); // nearest integer to z / ln2
            DoubleVector r0 = z0.sub(k0.mul(LN2_HI)).sub(k0.mul(LN2_LO)), r1 = z1.sub(k1.mul(LN2_HI)).sub(k1.mul(LN2_LO));
            DoubleVector p0 = r0.fma(INV_FACT[9], INV_FACT[8]), p1 = r1.fma(INV_FACT[9], INV_FACT[8]);
            for (int q = 7; q >= 0; q--) {
                DoubleVector c = DoubleVector.broadcast(D, INV_FACT[q]);
                p0 = p0.fma(r0, c);
                p1 = p1.fma(r1, c);
            }
            DoubleVector one = DoubleVector.broadcast(D, 1.0);
            DoubleVector e0 = r0.mul(p0.fma(r0, one)), e1 = r1.mul(p1.fma(r1, one)); // e^r - 1
            DoubleVector w0 = k0.add(ROUND).reinterpretAsLongs().sub(ROUND_BITS - 0x3ff).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector w1 = k1.add(ROUND).reinterpretAsLongs().sub(ROUND_BITS - 0x3ff).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector s0 = w0.mul(e0), s1 = w1.mul(e1); // 2^k (e^r - 1)
            DoubleVector t0 = s0.add(w0.sub(1.0)).div(s0.add(w0.add(1.0))), t1 = s1.add(w1.sub(1.0)).div(s1.add(w1.add(1.0)));
            t0.reinterpretAsLongs().or(x0.reinterpretAsLongs().and(Long.MIN_VALUE)).reinterpretAsDoubles().intoArray(t, i - from);
            t1.reinterpretAsLongs().or(x1.reinterpretAsLongs().and(Long.MIN_VALUE)).reinterpretAsDoubles().intoArray(t, i + dl - from);
        }
    }

    /**
     * The second pass: each estimate rounded to float where that is certain, written to
     * {@code ys}, then the scalar code for the vectors where it was not. Certain: the estimate
     * moved down and up by {@link #TANH_ERROR} (relative) rounds to the same float both ways, so
     * fdlibm's double, which lies between the two, rounds to it too (float rounding is monotone).
     * NaN never compares equal, so it goes to the scalar code.
     */
    private static void tanhRound(float[] xs, double[] t, float[] ys, int from, int to) {
        int dl = D.length(), uncertain = 0;
        int[] redo = TANH_REDO.get();
        for (int i = from; i < to; i += dl) {
            DoubleVector tv = DoubleVector.fromArray(D, t, i - from);
            FloatVector lo = (FloatVector) tv.mul(1 - TANH_ERROR).convertShape(VectorOperators.D2F, F, 0);
            FloatVector hi = (FloatVector) tv.mul(1 + TANH_ERROR).convertShape(VectorOperators.D2F, F, 0);
            if (lo.compare(VectorOperators.NE, hi).anyTrue()) redo[uncertain++] = i;
            else lo.intoArray(ys, i);
        }
        for (int u = 0; u < uncertain; u++) tanhScalar(xs, ys, redo[u], redo[u] + dl);
    }

    /**
     * A bound on |estimate - fdlibm's double| relative to the estimate: the estimate's 2^-45 and
     * its rounding errors' 2^-49 plus fdlibm's ulp, 2^-52, with a margin of 16. About one float in
     * 2^15 lies this close to a rounding boundary.
     */
    private static final double TANH_ERROR = 0x1p-40;

    private static void tanhScalar(float[] xs, float[] ys, int from, int to) {
        for (int l = from; l < to; l++) ys[l] = (float) FdlibmMath.tanh(xs[l]);
    }

    private static final ThreadLocal<int[]> TANH_REDO = ThreadLocal.withInitial(() -> new int[TANH_BLOCK]);
    private static final ThreadLocal<double[]> TANH_SCRATCH = ThreadLocal.withInitial(() -> new double[TANH_BLOCK]);

    /**
     * op(A) = A^T with alpha 1 (weight gradients): each k-step's MR values are side by side in A,
     * one {@code arraycopy} of MR (C2 turns one this short into plain moves); with the gather below,
     * packing took a third of a 1024 x 256 x 4096 product's time on Zen 5 (97.6 -> 122 GFLOP/s).
     * op(A) = A with alpha 1 (forward products, input gradients): a plain loop, each k-step's MR
     * values read a row apart; the gathers below took 23% of a 4096 x 256 x 768 product on Zen 5,
     * this loop 12% (126.9 -> 138-147 GFLOP/s; 1024³ 165 -> 175). Otherwise (alpha not 1)
     * AVX-512: two k-steps of the 8-row panel (16 lanes) by one gather each; AVX2's 6-row panel
     * does not divide its 8 lanes, so the default loop there.
     */
    @Override
    public void packA(float[] a, int src, int rowStride, int kStride, float alpha, float[] ap, int dst, int k) {
        if (rowStride == 1 && alpha == 1f) { // op(A) = A^T (weight gradients): each k-step's MR values lie side by side
            for (int kk = 0; kk < k; kk++) System.arraycopy(a, src + kk * kStride, ap, dst + kk * MR, MR);
            return;
        }
        if (!WIDE) {
            MicroKernel.super.packA(a, src, rowStride, kStride, alpha, ap, dst, k);
            return;
        }
        if (alpha == 1f && kStride == 1) {
            for (int kk = 0; kk < k; kk++) {
                int s = src + kk, d = dst + kk * MR;
                for (int i = 0; i < MR; i++) ap[d + i] = a[s + i * rowStride];
            }
            return;
        }
        int[] map = PACK_MAP.get();
        if (map[L] != rowStride || map[L + 1] != kStride) {
            for (int l = 0; l < L; l++) map[l] = (l % MR) * rowStride + (l / MR) * kStride;
            map[L] = rowStride;
            map[L + 1] = kStride;
        }
        int kk = 0;
        for (; kk + 2 <= k; kk += 2) FloatVector.fromArray(S, a, src + kk * kStride, map, 0).mul(alpha).intoArray(ap, dst + kk * MR);
        for (; kk < k; kk++) {
            for (int i = 0; i < MR; i++) ap[dst + kk * MR + i] = alpha * a[src + i * rowStride + kk * kStride];
        }
    }

    private static final ThreadLocal<int[]> PACK_MAP = ThreadLocal.withInitial(() -> new int[L + 2]);

    /**
     * Blocks of up to four vectors of columns, each lane's sum in a register over c (the scalar
     * loop's float operations per element, a multiply then an add), the columns past whole
     * vectors scalar.
     */
    @Override
    public void rowTimesColumns(float[] a, int aOff, int k, float[] x, int xOff, int ldx, float[] y, int n) {
        int j = 0;
        for (; j + 4 * L <= n; j += 4 * L) {
            FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
            for (int c = 0, at = xOff + j; c < k; c++, at += ldx) {
                FloatVector ac = FloatVector.broadcast(S, a[aOff + c]);
                s0 = s0.add(ac.mul(FloatVector.fromArray(S, x, at)));
                s1 = s1.add(ac.mul(FloatVector.fromArray(S, x, at + L)));
                s2 = s2.add(ac.mul(FloatVector.fromArray(S, x, at + 2 * L)));
                s3 = s3.add(ac.mul(FloatVector.fromArray(S, x, at + 3 * L)));
            }
            s0.intoArray(y, j);
            s1.intoArray(y, j + L);
            s2.intoArray(y, j + 2 * L);
            s3.intoArray(y, j + 3 * L);
        }
        for (; j + L <= n; j += L) {
            FloatVector s0 = FloatVector.zero(S);
            for (int c = 0, at = xOff + j; c < k; c++, at += ldx) s0 = s0.add(FloatVector.broadcast(S, a[aOff + c]).mul(FloatVector.fromArray(S, x, at)));
            s0.intoArray(y, j);
        }
        for (; j < n; j++) {
            float s0 = 0f;
            for (int c = 0; c < k; c++) s0 += a[aOff + c] * x[xOff + c * ldx + j];
            y[j] = s0;
        }
    }

    /**
     * Whole vectors of the row, the terms in order, eight at a time in a register between a load
     * of the row and a store (the same operations per element, in the same order). Not one store
     * and load per term: the row is not 64-byte aligned, a load of the line-crossing vector just
     * stored waits for the store to reach the cache, and that wait was most of attention's time.
     * Not one register across all the terms: a vector carried by the loop has no exact class for
     * C2, whose stores then follow the type profile (see {@link #store}) and fall back to Java
     * code where that profile has seen a second float vector class.
     */
    @Override
    public void addRows(float[] w, int[] rows, int count, float[] x, int xOff, int ldx, float[] y, int yOff, int n) {
        int c = 0;
        for (; c + L <= n; c += L) {
            int m = 0, at = yOff + c, from = xOff + c;
            for (; m + 8 <= count; m += 8) {
                FloatVector acc = FloatVector.fromArray(S, y, at);
                acc = acc.add(FloatVector.broadcast(S, w[m]).mul(FloatVector.fromArray(S, x, from + rows[m] * ldx)));
                acc = acc.add(FloatVector.broadcast(S, w[m + 1]).mul(FloatVector.fromArray(S, x, from + rows[m + 1] * ldx)));
                acc = acc.add(FloatVector.broadcast(S, w[m + 2]).mul(FloatVector.fromArray(S, x, from + rows[m + 2] * ldx)));
                acc = acc.add(FloatVector.broadcast(S, w[m + 3]).mul(FloatVector.fromArray(S, x, from + rows[m + 3] * ldx)));
                acc = acc.add(FloatVector.broadcast(S, w[m + 4]).mul(FloatVector.fromArray(S, x, from + rows[m + 4] * ldx)));
                acc = acc.add(FloatVector.broadcast(S, w[m + 5]).mul(FloatVector.fromArray(S, x, from + rows[m + 5] * ldx)));
                acc = acc.add(FloatVector.broadcast(S, w[m + 6]).mul(FloatVector.fromArray(S, x, from + rows[m + 6] * ldx)));
                acc = acc.add(FloatVector.broadcast(S, w[m + 7]).mul(FloatVector.fromArray(S, x, from + rows[m + 7] * ldx)));
                acc.intoArray(y, at);
            }
            for (; m < count; m++) {
                FloatVector.fromArray(S, y, at).add(FloatVector.broadcast(S, w[m]).mul(FloatVector.fromArray(S, x, from + rows[m] * ldx))).intoArray(y, at);
            }
        }
        if (c < n) MicroKernel.super.addRows(w, rows, count, x, xOff + c, ldx, y, yOff + c, n - c);
    }

    /**
     * Each vector of x loaded once for all the rows it is added into; the rows four at a time,
     * their four loads before their four stores (rows of attention's gradient lie a multiple of
     * 1 KiB apart, so a load just after the store to another row falsely waits on it, the
     * addresses' low 12 bits being equal).
     */
    @Override
    public void scatterRows(float[] w, int[] rows, int count, float[] x, int xOff, float[] y, int yOff, int ldy, int n) {
        int c = 0;
        for (; c + L <= n; c += L) {
            FloatVector xv = FloatVector.fromArray(S, x, xOff + c);
            int m = 0, base = yOff + c;
            for (; m + 4 <= count; m += 4) {
                int a0 = base + rows[m] * ldy, a1 = base + rows[m + 1] * ldy, a2 = base + rows[m + 2] * ldy, a3 = base + rows[m + 3] * ldy;
                FloatVector y0 = FloatVector.fromArray(S, y, a0), y1 = FloatVector.fromArray(S, y, a1);
                FloatVector y2 = FloatVector.fromArray(S, y, a2), y3 = FloatVector.fromArray(S, y, a3);
                y0.add(FloatVector.broadcast(S, w[m]).mul(xv)).intoArray(y, a0);
                y1.add(FloatVector.broadcast(S, w[m + 1]).mul(xv)).intoArray(y, a1);
                y2.add(FloatVector.broadcast(S, w[m + 2]).mul(xv)).intoArray(y, a2);
                y3.add(FloatVector.broadcast(S, w[m + 3]).mul(xv)).intoArray(y, a3);
            }
            for (; m < count; m++) {
                int at = base + rows[m] * ldy;
                FloatVector.fromArray(S, y, at).add(FloatVector.broadcast(S, w[m]).mul(xv)).intoArray(y, at);
            }
        }
        if (c < n) MicroKernel.super.scatterRows(w, rows, count, x, xOff + c, y, yOff + c, ldy, n - c);
    }

    // fdlibm's e_exp.c (java.lang.FdLibm.Exp), constants bit for bit
    private static final double EXP_INVLN2 = 0x1.71547652b82fep0, EXP_LN2HI = 0x1.62e42feep-1, EXP_LN2LO = 0x1.a39ef35793c76p-33;
    private static final double EXP_P1 = 0x1.555555555553ep-3, EXP_P2 = -0x1.6c16c16bebd93p-9, EXP_P3 = 0x1.1566aaf25de2cp-14;
    private static final double EXP_P4 = -0x1.bbd41c5d26bf1p-20, EXP_P5 = 0x1.6376972bea4d0p-25;

    /**
     * StrictMath.exp on lanes: a port of fdlibm's {@code __ieee754_exp} (e_exp.c, the JDK's
     * {@code FdLibm.Exp}), the same IEEE operations per lane in the same order, no fused
     * multiply-add. Its branches by the high word hx of |x|:
     * <ul>
     * <li>hx &gt;= 0x40862E42 (|x| &gt;= 709.78..., NaN and infinities included) and lanes whose
     *     k &lt; -1021 (a subnormal result, scaled through 2^-1000): StrictMath.exp, per lane;
     * <li>hx &gt; 0x3fd62e42 (|x| &gt; ln2/2): k = ±1 while hx &lt; 0x3FF0A2B2 (|x| &lt; 1.5 ln2),
     *     else k = (int) (x/ln2 ± 0.5), truncated, taken here as ±floor(|x| invln2 + 0.5) (the sum
     *     and product are symmetric in sign, so the same double); hi = x - k ln2HI, lo = k ln2LO
     *     (for k = ±1 fdlibm's x ∓ ln2HI and ±ln2LO, the same values); r = hi - lo;
     * <li>hx &lt; 0x3e300000 (|x| &lt; 2^-28): 1 + x;
     * <li>otherwise k = 0, where fdlibm returns {@code 1 - ((x c)/(c - 2) - x)}: here
     *     {@code 1 - ((0 - (x c)/(2 - c)) - x)}, the same double, because c - 2 = -(2 - c)
     *     exactly, division is symmetric in sign and x c is not 0;
     * </ul>
     * then {@code c = r - t(P1 + t(P2 + t(P3 + t(P4 + t P5))))}, t = r^2,
     * {@code y = 1 - ((lo - (r c)/(2 - c)) - hi)} and k added to y's exponent.
     * {@code VectorMathTest} compares the result with StrictMath's on millions of doubles over
     * every branch and their boundaries.
     */
    @Override
    public void exp(double[] x, double[] y, int from, int to) {
        int dl = D.length(), i = from;
        for (; i + dl <= to; i += dl) {
            DoubleVector xv = DoubleVector.fromArray(D, x, i);
            LongVector bits = xv.reinterpretAsLongs();
            LongVector hx = bits.lanewise(VectorOperators.LSHR, 32).and(0x7fff_ffffL);
            DoubleVector v = xv.abs().mul(EXP_INVLN2).add(0.5);
            DoubleVector nearest = v.add(ROUND).sub(ROUND);
            DoubleVector k = nearest.blend(nearest.sub(1.0), nearest.compare(VectorOperators.GT, v)); // floor: v > 0
            k = k.blend(1.0, hx.compare(VectorOperators.LT, 0x3FF0A2B2L).cast(D)); // |x| < 1.5 ln2 (k = 0 below ln2/2: next)
            VectorMask<Double> reduced = hx.compare(VectorOperators.GT, 0x3fd62e42L).cast(D);
            k = k.blend(0.0, reduced.not());
            k = k.blend(k.neg(), xv.compare(VectorOperators.LT, 0.0));
            DoubleVector hi = xv.sub(k.mul(EXP_LN2HI)).blend(xv, reduced.not());
            DoubleVector lo = k.mul(EXP_LN2LO).blend(0.0, reduced.not());
            DoubleVector r = hi.sub(lo);
            DoubleVector t = r.mul(r);
            DoubleVector c = r.sub(t.mul(t.mul(t.mul(t.mul(t.mul(EXP_P5).add(EXP_P4)).add(EXP_P3)).add(EXP_P2)).add(EXP_P1)));
            DoubleVector e = DoubleVector.broadcast(D, 1.0).sub(lo.sub(r.mul(c).div(DoubleVector.broadcast(D, 2.0).sub(c))).sub(hi));
            LongVector kBits = k.add(ROUND).reinterpretAsLongs().sub(ROUND_BITS).lanewise(VectorOperators.LSHL, 52);
            e = e.reinterpretAsLongs().add(kBits).reinterpretAsDoubles();
            e = e.blend(xv.add(1.0), hx.compare(VectorOperators.LT, 0x3e300000L).cast(D));
            VectorMask<Double> slow = hx.compare(VectorOperators.GE, 0x40862E42L).cast(D).or(k.compare(VectorOperators.LT, -1021.0));
            if (slow.anyTrue()) { // the inputs kept aside first: y may be x (a NaN's payload once came back canonical through xv.lane)
                double[] keep = EXP_KEEP.get();
                xv.intoArray(keep, 0);
                e.intoArray(y, i);
                for (int l = 0; l < dl; l++) if (slow.laneIsSet(l)) y[i + l] = StrictMath.exp(keep[l]);
            } else {
                e.intoArray(y, i);
            }
        }
        for (; i < to; i++) y[i] = StrictMath.exp(x[i]);
    }

    private static final ThreadLocal<double[]> EXP_KEEP = ThreadLocal.withInitial(() -> new double[D.length()]);

    /**
     * {@link CpuBackend#sigmoid}'s operations on lanes, in blocks: e = exp(x >= 0 ? -x : x) by
     * {@link #exp} (NaN keeps its sign, as in the scalar code), then (x >= 0 ? 1 : e) / (1 + e).
     */
    @Override
    public void sigmoid(double[] x, double[] y, int from, int to) {
        int dl = D.length();
        double[] e = SIGMOID_SCRATCH.get();
        for (int b = from; b < to; b += SIGMOID_BLOCK) {
            int end = Math.min(to, b + SIGMOID_BLOCK), i = b;
            for (; i + dl <= end; i += dl) {
                DoubleVector xv = DoubleVector.fromArray(D, x, i);
                xv.blend(xv.neg(), xv.compare(VectorOperators.GE, 0.0)).intoArray(e, i - b);
            }
            for (; i < end; i++) e[i - b] = x[i] >= 0 ? -x[i] : x[i];
            exp(e, e, 0, end - b);
            for (i = b; i + dl <= end; i += dl) {
                DoubleVector xv = DoubleVector.fromArray(D, x, i), ev = DoubleVector.fromArray(D, e, i - b);
                ev.blend(1.0, xv.compare(VectorOperators.GE, 0.0)).div(ev.add(1.0)).intoArray(y, i);
            }
            for (; i < end; i++) y[i] = (x[i] >= 0 ? 1 : e[i - b]) / (1 + e[i - b]);
        }
    }

    /** Values per block of {@link #sigmoid}: its exponentials, 8 KiB, stay in L1. */
    private static final int SIGMOID_BLOCK = 1024;
    private static final ThreadLocal<double[]> SIGMOID_SCRATCH = ThreadLocal.withInitial(() -> new double[SIGMOID_BLOCK]);
    private static final ThreadLocal<double[]> SIGMOID_IN = ThreadLocal.withInitial(() -> new double[SIGMOID_BLOCK]);

    /** Cell width of GELU's table, 1/256: a power of two, so h f is exact. */
    private static final double GELU_H = 1.0 / CpuTransformer.KNOTS_PER_UNIT;

    /** GELU on double lanes ({@link #geluLanes}), the rest scalar. */
    @Override
    public void gelu(float[] xs, float[] ys, int from, int to) {
        MicroKernel.super.gelu(xs, ys, geluLanes(xs, null, ys, from, to), to);
    }

    /** GELU's derivative on double lanes ({@link #geluLanes}), the rest scalar. */
    @Override
    public void geluBackward(float[] xs, float[] g, float[] o, int from, int to) {
        MicroKernel.super.geluBackward(xs, g, o, geluLanes(xs, g, o, from, to), to);
    }

    /**
     * GELU (g null) or its derivative times g over the whole vectors of doubles in
     * {@code [from, to)}; returns where they end. Per element the operations of
     * {@link CpuTransformer#cdf} and {@link CpuTransformer#pdf} on the table, in blocks of
     * {@link #GELU_BLOCK}: first, element by element, x widened and the four knot values of its
     * cell looked up (u = (x - (-3)) 256, i = (int) u), into scratch; then on lanes u again,
     * i = floor u (u &gt;= 0: Java's truncation), t = u - i, the Hermite basis
     * {@code 2t^3 - 3t^2 + 1, t^3 - 2t^2 + t, 3t^2 - 2t^3, t^3 - t^2} (the same values in cdf and
     * pdf, computed once) and the sums in the scalar order: the same bits. Elements outside the
     * table (or NaN) are computed again by the scalar code at the end of their block. The two
     * passes keep each vector load away from the scalar stores that wrote its lanes (a load
     * right after them waits for them to reach the cache), and the Vector API's gathers are not
     * used: their index vectors share type profiles with the transposes' of another lane count,
     * and fell back to Java code here.
     */
    private int geluLanes(float[] xs, float[] g, float[] o, int from, int to) {
        int dl = D.length(), end = from + (to - from) / dl * dl;
        double[] s = GELU_SCRATCH.get();
        int[] outside = GELU_OUTSIDE.get();
        double[] cdf = CpuTransformer.CDF, pdf = CpuTransformer.PDF;
        final int B = GELU_BLOCK, X = 0, G = B, C0 = 2 * B, C1 = 3 * B, P0 = 4 * B, P1 = 5 * B, R = 6 * B;
        for (int b = from; b < end; b += B) {
            int n = Math.min(B, end - b), count = 0;
            for (int l = 0; l < n; l++) {
                double x = xs[b + l];
                int k = 0;
                if (x >= CpuTransformer.TABLE_FROM && x < CpuTransformer.TABLE_TO) {
                    k = (int) ((x - CpuTransformer.TABLE_FROM) * CpuTransformer.KNOTS_PER_UNIT);
                } else {
                    outside[count++] = b + l;
                }
                s[X + l] = x;
                s[C0 + l] = cdf[k];
                s[C1 + l] = cdf[k + 1];
                s[P0 + l] = pdf[k];
                s[P1 + l] = pdf[k + 1];
            }
            if (g != null) for (int l = 0; l < n; l++) s[G + l] = g[b + l];
            for (int l = 0; l < n; l += dl) {
                DoubleVector x = DoubleVector.fromArray(D, s, X + l);
                DoubleVector u = x.sub(CpuTransformer.TABLE_FROM).mul((double) CpuTransformer.KNOTS_PER_UNIT);
                DoubleVector nearest = u.add(ROUND).sub(ROUND);
                DoubleVector knot = nearest.blend(nearest.sub(1.0), nearest.compare(VectorOperators.GT, u));
                DoubleVector c0 = DoubleVector.fromArray(D, s, C0 + l), c1 = DoubleVector.fromArray(D, s, C1 + l);
                DoubleVector p0 = DoubleVector.fromArray(D, s, P0 + l), p1 = DoubleVector.fromArray(D, s, P1 + l);
                DoubleVector t = u.sub(knot), t2 = t.mul(t), t3 = t2.mul(t);
                DoubleVector b0 = t3.mul(2.0).sub(t2.mul(3.0)).add(1.0), b1 = t3.sub(t2.mul(2.0)).add(t);
                DoubleVector b2 = t2.mul(3.0).sub(t3.mul(2.0)), b3 = t3.sub(t2);
                DoubleVector phi = b0.mul(c0).add(b1.mul(p0.mul(GELU_H))).add(b2.mul(c1)).add(b3.mul(p1.mul(GELU_H)));
                if (g == null) {
                    x.mul(phi).intoArray(s, R + l);
                } else {
                    DoubleVector x0 = knot.mul(GELU_H).add(CpuTransformer.TABLE_FROM), x1 = x0.add(GELU_H);
                    DoubleVector density = b0.mul(p0).add(b1.mul(x0.mul(-GELU_H).mul(p0))).add(b2.mul(p1)).add(b3.mul(x1.mul(-GELU_H).mul(p1)));
                    DoubleVector.fromArray(D, s, G + l).mul(phi.add(x.mul(density))).intoArray(s, R + l);
                }
            }
            for (int l = 0; l < n; l++) o[b + l] = (float) s[R + l];
            geluOutside(xs, g, o, outside, count, s);
        }
        return end;
    }

    /**
     * GELU or its derivative at the listed elements outside the table, by lanes where a whole
     * vector of them is finite, else by the scalar code. Outside [-3, 6) |x| / sqrt 2 &gt; 2, so
     * {@link CpuTransformer#erfc} takes its continued fraction: per lane its operations, the 60
     * levels {@code f = a + (k/2) / f}, {@code exp(-a a) / sqrt(pi) / f} with the exponential
     * from {@link #exp} (StrictMath's bits), {@code 2 - r} for negative z, then
     * {@code Phi = 0.5 erfc}, and for the derivative {@code phi = exp(-0.5 x x) / sqrt(2 pi)}:
     * the same bits. In a trained network such elements are a few in a hundred, and each costs
     * the scalar code some sixty dependent divisions.
     */
    private void geluOutside(float[] xs, float[] g, float[] o, int[] outside, int count, double[] s) {
        int dl = D.length(), q = 0;
        final int X = 0, G = GELU_BLOCK, E = 2 * GELU_BLOCK, P = 3 * GELU_BLOCK, R = 6 * GELU_BLOCK;
        for (int l = 0; l < count; l++) {
            s[X + l] = xs[outside[l]];
            if (g != null) s[G + l] = g[outside[l]];
        }
        for (; q + dl <= count; q += dl) {
            DoubleVector x = DoubleVector.fromArray(D, s, X + q);
            DoubleVector z = x.neg().mul(CpuTransformer.SQRT_HALF), a = z.abs();
            if (!a.compare(VectorOperators.GE, 2.0).and(a.compare(VectorOperators.LT, Double.POSITIVE_INFINITY)).allTrue()) { // NaN, infinities
                geluScalar(xs, g, o, outside, q, q + dl);
                continue;
            }
            DoubleVector f = a;
            for (int k = CpuTransformer.FRACTION_LEVELS; k >= 1; k--) f = a.add(DoubleVector.broadcast(D, k / 2.0).div(f));
            a.neg().mul(a).intoArray(s, E + q);
            exp(s, s, E + q, E + q + dl);
            DoubleVector r = DoubleVector.fromArray(D, s, E + q).mul(CpuTransformer.INV_SQRT_PI).div(f);
            DoubleVector phi = r.blend(DoubleVector.broadcast(D, 2.0).sub(r), z.compare(VectorOperators.LT, 0.0)).mul(0.5);
            if (g == null) {
                x.mul(phi).intoArray(s, R + q);
            } else {
                x.mul(-0.5).mul(x).intoArray(s, P + q);
                exp(s, s, P + q, P + q + dl);
                DoubleVector density = DoubleVector.fromArray(D, s, P + q).mul(CpuTransformer.INV_SQRT_2PI);
                DoubleVector.fromArray(D, s, G + q).mul(phi.add(x.mul(density))).intoArray(s, R + q);
            }
            for (int l = 0; l < dl; l++) o[outside[q + l]] = (float) s[R + q + l];
        }
        geluScalar(xs, g, o, outside, q, count);
    }

    /** The scalar GELU (g null) or derivative at the listed elements {@code outside[from, to)}. */
    private void geluScalar(float[] xs, float[] g, float[] o, int[] outside, int from, int to) {
        for (int q = from; q < to; q++) {
            int i = outside[q];
            if (g == null) {
                MicroKernel.super.gelu(xs, o, i, i + 1);
            } else {
                MicroKernel.super.geluBackward(xs, g, o, i, i + 1);
            }
        }
    }

    /** Elements per block of {@link #geluLanes}: a multiple of any lane count; its scratch, 7 doubles an element, fills 14 KiB. */
    private static final int GELU_BLOCK = 256;
    private static final ThreadLocal<double[]> GELU_SCRATCH = ThreadLocal.withInitial(() -> new double[7 * GELU_BLOCK]);
    private static final ThreadLocal<int[]> GELU_OUTSIDE = ThreadLocal.withInitial(() -> new int[GELU_BLOCK]);

    /** Whole vectors where the row holds them (a panel's full width), the rest as the default. */
    @Override
    public void copyRows(float[] src, int srcOff, int srcLd, float[] dst, int dstOff, int dstLd, int width, int rows) {
        int whole = width / L * L;
        for (int r = 0; r < rows; r++) {
            int from = srcOff + r * srcLd, to = dstOff + r * dstLd;
            for (int j = 0; j < whole; j += L) FloatVector.fromArray(S, src, from + j).intoArray(dst, to + j);
            for (int j = whole; j < width; j++) dst[to + j] = src[from + j];
        }
    }

    @Override
    public String describe() {
        return "vector fma " + MR + "x" + NR + " (" + L + " lanes)";
    }
}
