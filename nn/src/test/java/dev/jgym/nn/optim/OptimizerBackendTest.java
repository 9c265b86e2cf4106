package dev.jgym.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.core.rng.Rng;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The optimizers moved behind {@code Backend} (sgdUpdate, rmsPropUpdate, adamUpdate, fill,
 * addSumSquares): on the CPU they must give the bits the host loops gave before the move. The
 * loops below are those host loops, kept here as the reference (tolerance: none, bit equality).
 */
class OptimizerBackendTest {

    /** Random parameters and gradients; the same for both sides. */
    static Param[] params(long seed) {
        return params(seed, 257, 70_001);
    }

    static Param[] params(long seed, int... sizes) {
        Rng rng = new Rng(seed);
        Param[] ps = new Param[sizes.length];
        for (int k = 0; k < sizes.length; k++) {
            Tensor w = Tensor.zeros(sizes[k]);
            for (int i = 0; i < w.size(); i++) w.data()[i] = (float) rng.gaussian();
            ps[k] = Param.trainable("p" + k, w);
        }
        return ps;
    }

    static void randomGrads(Param[] ps, Rng rng) {
        for (Param p : ps) for (int i = 0; i < p.grad().size(); i++) p.grad().data()[i] = (float) (0.1 * rng.gaussian());
    }

    interface HostStep {
        void step(float[] w, float[] g, float[][] state, double lr, long t);
    }

    static void compare(String name, java.util.function.BiFunction<List<Param>, CpuBackend, Optimizer> make, int states, HostStep host) {
        try (CpuBackend be = new CpuBackend(2)) {
            Param[] a = params(7), b = params(7);
            Optimizer opt = make.apply(List.of(a), be);
            float[][][] st = new float[b.length][states][];
            for (int k = 0; k < b.length; k++) for (int s = 0; s < states; s++) st[k][s] = new float[b[k].value().size()];
            Rng ga = new Rng(11), gb = new Rng(11);
            for (int t = 1; t <= 5; t++) {
                opt.zeroGrad();
                randomGrads(a, ga);
                double lr = opt.step();
                randomGrads(b, gb);
                for (int k = 0; k < b.length; k++) host.step(b[k].value().data(), b[k].grad().data(), st[k], lr, t);
            }
            for (int k = 0; k < a.length; k++) assertTrue(a[k].value().bitEquals(b[k].value()), name + ": parameter " + k + " differs");
        }
    }

    /** Adam (betas 0.9, 0.999, eps 1e-8, weight decay 0.01) as the host loop computed it: per element, in double, stored as float. */
    static void hostAdam(float[] w, float[] g, float[] mi, float[] vi, double lr, boolean decoupled, long t) {
        double c1 = 1 - Math.pow(0.9, t), c2 = 1 - Math.pow(0.999, t);
        for (int j = 0; j < w.length; j++) {
            double wj = w[j];
            if (decoupled) wj -= lr * 0.01 * wj;
            double gj = decoupled ? g[j] : g[j] + 0.01 * w[j];
            double mj = 0.9 * mi[j] + (1 - 0.9) * gj;
            double vj = 0.999 * vi[j] + (1 - 0.999) * gj * gj;
            mi[j] = (float) mj;
            vi[j] = (float) vj;
            w[j] = (float) (wj - lr * (mj / c1) / (Math.sqrt(vj / c2) + 1e-8));
        }
    }

    @Test
    @DisplayName("SGD, momentum, Nesterov, RMSProp, Adam and AdamW through CpuBackend equal the former host loops bit for bit")
    void optimizersEqualTheHostLoops() {
        compare("sgd", (ps, be) -> new Sgd(be, ps, 0.05, 0, false, 1e-3), 0, (w, g, s, lr, t) -> {
            for (int j = 0; j < w.length; j++) w[j] = (float) (w[j] - lr * (g[j] + 1e-3 * w[j]));
        });
        for (boolean nesterov : new boolean[] {false, true}) {
            compare("momentum", (ps, be) -> new Sgd(be, ps, 0.05, 0.9, nesterov, 1e-3), 1, (w, g, s, lr, t) -> {
                float[] v = s[0];
                for (int j = 0; j < w.length; j++) {
                    double gj = g[j] + 1e-3 * w[j];
                    double vj = 0.9 * v[j] + gj;
                    v[j] = (float) vj;
                    w[j] = (float) (w[j] - lr * (nesterov ? gj + 0.9 * vj : vj));
                }
            });
        }
        compare("rmsprop", (ps, be) -> new RmsProp(be, ps, 0.01, 0.99, 1e-8, 1e-4), 1, (w, g, s, lr, t) -> {
            float[] sq = s[0];
            for (int j = 0; j < w.length; j++) {
                double gj = g[j] + 1e-4 * w[j];
                double sj = 0.99 * sq[j] + (1 - 0.99) * gj * gj;
                sq[j] = (float) sj;
                w[j] = (float) (w[j] - lr * gj / (Math.sqrt(sj) + 1e-8));
            }
        });
        for (boolean decoupled : new boolean[] {false, true}) {
            compare("adam", (ps, be) -> new Adam(be, ps, 1e-3, 0.9, 0.999, 1e-8, 0.01, decoupled), 2,
                    (w, g, s, lr, t) -> hostAdam(w, g, s[0], s[1], lr, decoupled, t));
        }
    }

    /** Centered RMSProp (alpha 0.95, eps 0.01, weight decay 1e-4) as Backend's host default computes it. */
    static void hostCentered(float[] w, float[] g, float[] sq, float[] mean, double lr) {
        for (int j = 0; j < w.length; j++) {
            double gj = g[j] + 1e-4 * w[j];
            double sj = 0.95 * sq[j] + (1 - 0.95) * gj * gj;
            double mj = 0.95 * mean[j] + (1 - 0.95) * gj;
            sq[j] = (float) sj;
            mean[j] = (float) mj;
            w[j] = (float) (w[j] - lr * gj / (Math.sqrt(Math.max(0, sj - mj * mj)) + 0.01));
        }
    }

    @Test
    @DisplayName("Centered RMSProp on the vector kernel (2 threads) and the scalar kernel equals the host loop bit for bit, negative variances clamped")
    void centeredRmsPropKernelsEqualTheHostLoop() {
        compare("centered rmsprop", (ps, be) -> new CenteredRmsProp(be, ps, 2.5e-4, 0.95, 0.01, 1e-4), 2,
                (w, g, s, lr, t) -> hostCentered(w, g, s[0], s[1], lr));
        try (CpuBackend vector = new CpuBackend(2, true); CpuBackend scalar = new CpuBackend(1, false)) {
            for (int size : new int[] {1, 7, 1001, 70_001}) {
                Param ref = params(size, size)[0], pv = params(size, size)[0], ps = params(size, size)[0];
                randomGrads(new Param[] {ref}, new Rng(size));
                pv.grad().copyFrom(ref.grad());
                ps.grad().copyFrom(ref.grad());
                Rng rng = new Rng(size + 1);
                Tensor sq = Tensor.zeros(size), mean = Tensor.zeros(size);
                for (int i = 0; i < size; i++) {
                    mean.data()[i] = (float) (0.01 * rng.gaussian());
                    // some variances below the squared mean (float rounding does that in a run): the clamp at 0
                    sq.data()[i] = (float) (mean.data()[i] * mean.data()[i] * (i % 3 == 0 ? 0.5 : 2.0));
                }
                Tensor sv = sq.copy(), mv = mean.copy(), ss = sq.copy(), ms = mean.copy();
                hostCentered(ref.value().data(), ref.grad().data(), sq.data(), mean.data(), 2.5e-4);
                vector.rmsPropCenteredUpdate(pv.value(), pv.grad(), sv, mv, 2.5e-4, 0.95, 0.01, 1e-4);
                scalar.rmsPropCenteredUpdate(ps.value(), ps.grad(), ss, ms, 2.5e-4, 0.95, 0.01, 1e-4);
                for (Param p : new Param[] {pv, ps}) assertTrue(ref.value().bitEquals(p.value()), "weights, size " + size);
                assertTrue(sq.bitEquals(sv) && sq.bitEquals(ss) && mean.bitEquals(mv) && mean.bitEquals(ms), "state, size " + size);
            }
        }
    }

    @Test
    @DisplayName("Adam's update on the vector and the scalar kernel equals the host loop bit for bit, also late in a run (1 - beta^t rounds to 1)")
    void adamKernelsEqualTheHostLoopAtAnyStep() {
        try (CpuBackend vector = new CpuBackend(2, true); CpuBackend scalar = new CpuBackend(1, false)) {
            for (long t : new long[] {1, 3, 400, 50_000}) {
                for (boolean decoupled : new boolean[] {false, true}) {
                    Param[] ref = params(t, 3, 1001), pv = params(t, 3, 1001), ps = params(t, 3, 1001);
                    Rng rng = new Rng(t + 1);
                    Tensor[][] state = new Tensor[3][];
                    for (int k = 0; k < ref.length; k++) {
                        randomGrads(new Param[] {ref[k]}, new Rng(t + k));
                        pv[k].grad().copyFrom(ref[k].grad());
                        ps[k].grad().copyFrom(ref[k].grad());
                        Tensor m = Tensor.zeros(ref[k].value().size()), v = Tensor.zeros(ref[k].value().size());
                        for (int i = 0; i < m.size(); i++) {
                            m.data()[i] = (float) (0.01 * rng.gaussian());
                            v.data()[i] = (float) (1e-4 * Math.abs(rng.gaussian()));
                        }
                        Tensor mv = m.copy(), vv = v.copy(), ms = m.copy(), vs = v.copy();
                        hostAdam(ref[k].value().data(), ref[k].grad().data(), m.data(), v.data(), 1e-3, decoupled, t);
                        vector.adamUpdate(pv[k].value(), pv[k].grad(), mv, vv, 1e-3, 0.9, 0.999, 1e-8, 0.01, decoupled, t);
                        scalar.adamUpdate(ps[k].value(), ps[k].grad(), ms, vs, 1e-3, 0.9, 0.999, 1e-8, 0.01, decoupled, t);
                        String what = "t=" + t + " decoupled=" + decoupled + " parameter " + k;
                        assertTrue(pv[k].value().bitEquals(ref[k].value()) && mv.bitEquals(m) && vv.bitEquals(v), "vector kernel, " + what);
                        assertTrue(ps[k].value().bitEquals(ref[k].value()) && ms.bitEquals(m) && vs.bitEquals(v), "scalar kernel, " + what);
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("global-norm clipping through the backend equals the host version bit for bit (norm and gradients)")
    void clippingThroughTheBackendEqualsTheHostVersion() {
        try (CpuBackend be = new CpuBackend(2)) {
            Param[] a = params(3), b = params(3);
            randomGrads(a, new Rng(5));
            randomGrads(b, new Rng(5));
            double na = GradClip.byGlobalNorm(be, List.of(a), 1.0), nb = GradClip.byGlobalNorm(List.of(b), 1.0);
            assertEquals(Double.doubleToRawLongBits(nb), Double.doubleToRawLongBits(na));
            assertTrue(na > 1.0, "the test must clip, norm was " + na);
            for (int k = 0; k < a.length; k++) assertTrue(a[k].grad().bitEquals(b[k].grad()));
        }
    }
}
