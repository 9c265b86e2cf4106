package dev.jgym.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgym.nn.cpu.CpuBackend;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * fdlibm's tanh and expm1 in Java, and the CPU backend's vector tanh built on them, against
 * {@link StrictMath} (JDK 17: the C fdlibm through JNI): equal bits, not close values, so that
 * moving off StrictMath changes no trained network.
 */
class FdlibmMathTest {
    /** Every range edge of both functions (the branch points in s_tanh.c and s_expm1.c), their neighbours and the specials. */
    private static double[] edges() {
        double ln2 = Math.log(2);
        double[] points = {0, Double.MIN_VALUE, Double.MIN_NORMAL, 0x1p-55, 0x1p-54, 0.25, ln2 / 2, 1.5 * ln2, 1, 2, 22, 20 * ln2,
            56 * ln2, 57 * ln2, 709.782712893384, 710, 1e300, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NaN};
        double[] out = new double[points.length * 6];
        int n = 0;
        for (double p : points) {
            for (double q : new double[] {p, Math.nextUp(p), Math.nextDown(p)}) {
                out[n++] = q;
                out[n++] = -q;
            }
        }
        return out;
    }

    private static void assertSameBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), what);
    }

    @Test
    @DisplayName("tanh and expm1 have StrictMath's bits at every branch edge and at 3,000,000 random doubles and floats (Gaussian, uniform in [-60, 60], any bit pattern)")
    void scalarEqualsStrictMath() {
        for (double x : edges()) {
            assertSameBits(StrictMath.tanh(x), FdlibmMath.tanh(x), "tanh(" + x + ")");
            assertSameBits(StrictMath.expm1(x), FdlibmMath.expm1(x), "expm1(" + x + ")");
        }
        SplittableRandom r = new SplittableRandom(2026);
        for (int i = 0; i < 1_000_000; i++) {
            for (double x : new double[] {r.nextGaussian() * 3, r.nextDouble(-60, 60), Double.longBitsToDouble(r.nextLong()),
                Float.intBitsToFloat(r.nextInt()), (float) (r.nextGaussian() * 0.3)}) {
                if (Double.isNaN(x)) continue; // NaN payloads may differ; NaN in, NaN out is among the edges
                assertSameBits(StrictMath.tanh(x), FdlibmMath.tanh(x), "tanh(" + x + ")");
                assertSameBits(StrictMath.expm1(x), FdlibmMath.expm1(x), "expm1(" + x + ")");
            }
        }
    }

    @Test
    @DisplayName("the CPU backend's tanh activation (vector lanes and scalar tail) is (float) StrictMath.tanh bit for bit on 2,000,000 floats, the edges, infinities and NaN included")
    void vectorTanhEqualsStrictMath() {
        int n = 100_003; // not a multiple of any lane count: the tail runs the scalar loop
        Tensor x = Tensor.zeros(1, n), y = Tensor.zeros(1, n);
        SplittableRandom r = new SplittableRandom(7);
        double[] edges = edges();
        try (CpuBackend backend = new CpuBackend(1)) {
            for (int round = 0; round < 20; round++) {
                float[] xs = x.data();
                for (int i = 0; i < n; i++) {
                    xs[i] = switch (i % 5) {
                        case 0 -> (float) (r.nextGaussian() * 2);
                        case 1 -> Float.intBitsToFloat(r.nextInt());
                        case 2 -> (float) r.nextDouble(-30, 30);
                        case 3 -> (float) (r.nextGaussian() * 1e-3);
                        default -> (float) edges[r.nextInt(edges.length)];
                    };
                }
                backend.activation(ActivationKind.TANH, 0f, x, y);
                for (int i = 0; i < n; i++) {
                    float want = (float) StrictMath.tanh(xs[i]);
                    if (Float.isNaN(want) && Float.isNaN(y.data()[i])) continue;
                    assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(y.data()[i]), "tanh(" + xs[i] + ")");
                }
            }
        }
    }

    @Test
    @Tag("documented")
    @DisplayName("the CPU backend's tanh activation is (float) StrictMath.tanh bit for bit on every one of the 2^32 floats (on demand: 163 s on 2 loaded cores)")
    void vectorTanhEqualsStrictMathOnEveryFloat() {
        int chunk = 1 << 22; // 1024 chunks of 4M bit patterns
        AtomicLong wrong = new AtomicLong();
        IntStream.range(0, 1 << 10).parallel().forEach(c -> {
            Tensor x = Tensor.zeros(1, chunk), y = Tensor.zeros(1, chunk);
            for (int i = 0; i < chunk; i++) x.data()[i] = Float.intBitsToFloat(c * chunk + i);
            try (CpuBackend backend = new CpuBackend(1)) {
                backend.activation(ActivationKind.TANH, 0f, x, y);
            }
            for (int i = 0; i < chunk; i++) {
                float want = (float) StrictMath.tanh(x.data()[i]), got = y.data()[i];
                if (Float.floatToRawIntBits(want) != Float.floatToRawIntBits(got) && !(Float.isNaN(want) && Float.isNaN(got))) {
                    if (wrong.getAndIncrement() < 10) System.out.println("tanh(" + x.data()[i] + "): " + got + ", StrictMath " + want);
                }
            }
        });
        assertEquals(0, wrong.get(), "floats whose tanh differs from StrictMath's");
    }
}
