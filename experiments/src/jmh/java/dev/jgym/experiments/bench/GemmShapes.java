package dev.jgym.experiments.bench;

import dev.jgym.core.rng.Rng;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.cpu.CpuBackend;
import java.util.Locale;

/**
 * GEMM at the shapes of the Transformer block's layers (batch 32 x sequence 128 = 4096 rows, width
 * 256, MLP 1024; issue 23's benchmark block): the forward products (nn), the input gradients (nt)
 * and the weight gradients with A transposed (tn), next to 1024³, one thread; best of repeated
 * calls after a warm-up, in ms and GFLOP/s. {@code scripts/bench-gemm-shapes.sh} runs it beside
 * {@code scripts/gemm_shapes_peer.py} (numpy and PyTorch on the same products).
 *
 * <pre>java --add-modules jdk.incubator.vector -cp experiments/target/benchmarks.jar dev.jgym.experiments.bench.GemmShapes [seconds per shape]</pre>
 */
public final class GemmShapes {
    /** m, n, k, op: the products of {@code scripts/gemm_shapes_peer.py}, in its order. */
    static final Object[][] SHAPES = {
        {1024, 1024, 1024, "nn"}, {4096, 768, 256, "nt"}, {768, 256, 4096, "tn"}, {4096, 256, 768, "nn"},
        {4096, 1024, 256, "nt"}, {1024, 256, 4096, "tn"}, {4096, 256, 1024, "nn"}};

    private GemmShapes() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        Rng rng = new Rng(1);
        try (CpuBackend b = new CpuBackend(1)) {
            for (Object[] s : SHAPES) {
                int m = (int) s[0], n = (int) s[1], k = (int) s[2];
                String op = (String) s[3];
                boolean ta = op.charAt(0) == 't', tb = op.charAt(1) == 't';
                Tensor a = ta ? Tensor.zeros(k, m) : Tensor.zeros(m, k), bt = tb ? Tensor.zeros(n, k) : Tensor.zeros(k, n), c = Tensor.zeros(m, n);
                for (int i = 0; i < a.data().length; i++) a.data()[i] = (float) rng.nextDouble();
                for (int i = 0; i < bt.data().length; i++) bt.data()[i] = (float) rng.nextDouble();
                long end = System.nanoTime() + (long) (seconds * 1e9), best = Long.MAX_VALUE;
                int calls = 0;
                while (System.nanoTime() < end || calls < 5) {
                    long t0 = System.nanoTime();
                    b.gemm(ta, tb, 1f, a, bt, 0f, c);
                    best = Math.min(best, System.nanoTime() - t0);
                    calls++;
                }
                System.out.printf(Locale.ROOT, "jgym %s m=%d n=%d k=%d: %.2f ms, %.1f GFLOP/s (best of %d calls)%n", op, m, n, k, best / 1e6,
                        2.0 * m * n * k / best, calls);
            }
        }
    }
}
