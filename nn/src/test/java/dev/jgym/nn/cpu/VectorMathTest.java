package dev.jgym.nn.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The vector kernel's exponential and GELU against their scalar definitions: equal bits, not
 * close values (the exponential against {@link StrictMath#exp}, GELU against the scalar table
 * code of {@link CpuTransformer#cdf} and {@link CpuTransformer#pdf}), so that moving softmax and
 * GELU onto lanes changes no trained network.
 */
class VectorMathTest {
    private static final MicroKernel VECTOR = Kernels.pick(true), SCALAR = new ScalarKernel();

    @Test
    @DisplayName("the vector kernel is the one under test (the JVM runs with jdk.incubator.vector)")
    void vectorKernelPresent() {
        assertTrue(VECTOR instanceof VectorKernel, VECTOR.describe());
    }

    /**
     * Doubles on both sides of every branch point of e_exp.c (the high-word thresholds 0x3e300000,
     * 0x3fd62e42, 0x3FF0A2B2, 0x40862E42 with the low word 0, 1 and all ones; k = -1021 and -1022
     * near x = -708.4; the overflow and underflow thresholds), 64 ulps either side of each, both
     * signs, and the specials.
     */
    private static double[] expEdges() {
        double[] points = {0, Double.MIN_VALUE, Double.MIN_NORMAL, 0x1p-28, 0.5 * Math.log(2), 1.5 * Math.log(2), 1, 709.782712893384,
            0x1.62e42fefa39efp9, 0x1.74910d52d3051p9, 707.7, 708.0, 708.39641853226408, 708.4, 1021.5 * Math.log(2), 1022 * Math.log(2),
            Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NaN};
        double[] words = new double[4 * 3];
        int w = 0;
        for (long hi : new long[] {0x3e300000L, 0x3fd62e42L, 0x3FF0A2B2L, 0x40862E42L}) {
            for (long lo : new long[] {0, 1, 0xffff_ffffL}) words[w++] = Double.longBitsToDouble(hi << 32 | lo);
        }
        double[] out = new double[(points.length + words.length) * 129 * 2];
        int n = 0;
        for (double[] set : new double[][] {points, words}) {
            for (double p : set) {
                for (double sign : new double[] {1, -1}) {
                    double q = sign * p;
                    out[n++] = q;
                    double up = q, down = q;
                    for (int k = 0; k < 64; k++) {
                        out[n++] = up = Math.nextUp(up);
                        out[n++] = down = Math.nextDown(down);
                    }
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The kernel's exp of xs (out of place, then in place) has StrictMath.exp's bits at every value. */
    private static void assertExp(double[] xs, String what) {
        double[] y = new double[xs.length], inPlace = xs.clone();
        VECTOR.exp(xs, y, 0, xs.length);
        VECTOR.exp(inPlace, inPlace, 0, xs.length);
        for (int i = 0; i < xs.length; i++) {
            long expected = Double.doubleToRawLongBits(StrictMath.exp(xs[i]));
            if (expected != Double.doubleToRawLongBits(y[i]) || expected != Double.doubleToRawLongBits(inPlace[i])) {
                assertEquals(StrictMath.exp(xs[i]), y[i], what + ": exp(" + xs[i] + ") = " + Double.toHexString(y[i]) + " in place "
                        + Double.toHexString(inPlace[i]) + ", StrictMath " + Double.toHexString(StrictMath.exp(xs[i])));
                assertEquals(expected, Double.doubleToRawLongBits(inPlace[i]), what + ": in place, exp(" + xs[i] + ")");
                assertEquals(expected, Double.doubleToRawLongBits(y[i]), what + ": exp(" + xs[i] + ")");
            }
        }
    }

    @Test
    @DisplayName("exp on lanes = StrictMath.exp bit for bit at every branch edge of fdlibm's e_exp.c (±64 ulps), the specials, and 16,000,000 random doubles: softmax's float differences, uniform in [-750, 750], [-2, 2] and [-1e-6, 1e-6], and any bit pattern")
    void expEqualsStrictMath() {
        double[] edges = expEdges();
        assertExp(edges, "edges");
        for (int shift = 1; shift < 8; shift++) assertExp(Arrays.copyOfRange(edges, shift, edges.length), "edges, shifted by " + shift); // every edge in every lane
        SplittableRandom r = new SplittableRandom(23);
        int block = 100_003; // not a multiple of any lane count: the tail runs the scalar loop
        double[] xs = new double[block];
        for (int round = 0; round < 32; round++) {
            for (int kind = 0; kind < 5; kind++) {
                for (int i = 0; i < block; i++) {
                    switch (kind) {
                        case 0: // softmax: (double) s_j - max, s_j and max floats, s_j <= max mostly
                            float max = (float) (r.nextGaussian() * 8), s = (float) (max - Math.abs(r.nextGaussian()) * Math.pow(10, r.nextDouble(-8, 3)));
                            xs[i] = (double) s - max;
                            break;
                        case 1:
                            xs[i] = r.nextDouble(-750, 750);
                            break;
                        case 2:
                            xs[i] = r.nextDouble(-2, 2);
                            break;
                        case 3:
                            xs[i] = r.nextDouble(-1e-6, 1e-6);
                            break;
                        default:
                            xs[i] = Double.longBitsToDouble(r.nextLong());
                    }
                }
                assertExp(xs, "random set " + kind);
            }
        }
    }

    @Test
    @DisplayName("the sigmoid on lanes = CpuBackend.sigmoid bit for bit (in double: the LSTM's and GRU's gates) on exp's branch edges and 3,200,000 random doubles, and as the float activation on 1,000,003 floats, at every offset (NaNs as one value here; CpuBackendTest holds their bits)")
    void sigmoidEqualsScalar() {
        double[] edges = expEdges();
        SplittableRandom r = new SplittableRandom(25);
        double[] xs = new double[100_003];
        for (int round = 0; round <= 32; round++) {
            double[] x = round == 0 ? edges : xs;
            if (round > 0) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = round % 4 == 0 ? Double.longBitsToDouble(r.nextLong()) : round % 4 == 1 ? r.nextDouble(-750, 750) : r.nextGaussian() * 4;
                }
            }
            for (int offset = 0; offset < (round == 0 ? 8 : 1); offset++) {
                double[] y = new double[x.length];
                VECTOR.sigmoid(x, y, offset, x.length);
                for (int i = offset; i < x.length; i++) {
                    double expected = CpuBackend.sigmoid(x[i]);
                    if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(y[i]) && !(Double.isNaN(expected) && Double.isNaN(y[i]))) {
                        assertEquals(expected, y[i], "sigmoid(" + x[i] + ")");
                        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(y[i]), "sigmoid(" + x[i] + ")");
                    }
                }
            }
        }
        float[] f = new float[1_000_003], fv = new float[f.length], fs = new float[f.length];
        for (int i = 0; i < f.length; i++) f[i] = i % 5 == 0 ? Float.intBitsToFloat(r.nextInt()) : (float) (r.nextGaussian() * 6);
        VECTOR.activation(dev.jgym.nn.ActivationKind.SIGMOID, 0f, f, fv, 3, f.length);
        SCALAR.activation(dev.jgym.nn.ActivationKind.SIGMOID, 0f, f, fs, 3, f.length);
        for (int i = 3; i < f.length; i++) {
            if (Float.floatToRawIntBits(fs[i]) != Float.floatToRawIntBits(fv[i]) && !(Float.isNaN(fs[i]) && Float.isNaN(fv[i]))) {
                assertEquals(fs[i], fv[i], "sigmoid activation at " + f[i]);
            }
        }
    }

    /** Floats around GELU's table: its edges -3 and 6 and their neighbours, knots and their neighbours, beyond (uniform in [-12, 14]), specials. */
    private static float[] geluInputs(SplittableRandom r, int n) {
        float[] special = {-3f, Math.nextUp(-3f), Math.nextDown(-3f), 6f, Math.nextUp(6f), Math.nextDown(6f), 0f, -0f, Float.NaN,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-30f, -8f, 9f, -40f, 40f};
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(8);
            if (kind == 0) {
                x[i] = special[r.nextInt(special.length)];
            } else if (kind == 1) { // a knot -3 + k / 256, or a neighbour
                float knot = (float) (-3 + r.nextInt(9 * 256 + 1) / 256.0);
                x[i] = r.nextBoolean() ? knot : r.nextBoolean() ? Math.nextUp(knot) : Math.nextDown(knot);
            } else if (kind == 2) {
                x[i] = (float) r.nextDouble(-3.01, 6.01);
            } else if (kind == 3) { // mostly outside the table: erfc's continued fraction
                x[i] = (float) r.nextDouble(-12, 14);
            } else {
                x[i] = (float) (r.nextGaussian() * 1.5);
            }
        }
        return x;
    }

    @Test
    @DisplayName("GELU and its derivative on lanes = the scalar table code bit for bit on 4,000,000 floats (the table's edges, knots and their neighbours, outside the table on both sides, NaN, infinities, signed zeros), at every offset")
    void geluEqualsScalar() {
        SplittableRandom r = new SplittableRandom(24);
        int n = 100_003;
        for (int round = 0; round < 40; round++) {
            float[] x = geluInputs(r, n), g = new float[n];
            for (int i = 0; i < n; i++) g[i] = (float) r.nextGaussian();
            if (round % 4 == 0) { // mostly inside the table: whole vectors on the lanes
                for (int i = 0; i < n; i++) x[i] = (float) (r.nextGaussian() * 0.8);
            }
            int from = round % 17;
            float[][] y = new float[2][n], dx = new float[2][n];
            MicroKernel[] kernels = {VECTOR, SCALAR};
            for (int k = 0; k < 2; k++) {
                kernels[k].gelu(x, y[k], from, n);
                kernels[k].geluBackward(x, g, dx[k], from, n);
            }
            for (int i = from; i < n; i++) { // NaN as one value: the sign of a NaN out of the same scalar code depends on how the JIT ordered an operation's operands
                assertEquals(Float.floatToIntBits(y[1][i]), Float.floatToIntBits(y[0][i]), "gelu(" + x[i] + ")");
                assertEquals(Float.floatToIntBits(dx[1][i]), Float.floatToIntBits(dx[0][i]), "geluBackward(" + x[i] + ", " + g[i] + ")");
            }
        }
    }
}
