package dev.jgym.agents.offpolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.agents.pg.Mlp;
import dev.jgym.core.rng.Rng;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.cpu.CpuBackend;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pieces of SAC's and TD3's updates against closed forms, numerical integration and central differences. */
class OffPolicyMathTest {

    /** log pi of the squashed Gaussian N(mu, sigma) at a, through the learner's formula (eq. 21). */
    private static double logPi(double a, double mu, double sigma) {
        double u = 0.5 * Math.log((1 + a) / (1 - a)), ls = Math.log(sigma), eps = (u - mu) / sigma;
        return SquashedGaussian.logProb(new double[] {eps}, new double[] {ls}, new double[] {u}, 1);
    }

    private static double gaussianPdf(double u, double mu, double sigma) {
        double z = (u - mu) / sigma;
        return Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI));
    }

    /** Simpson's rule with n (even) intervals. */
    private static double simpson(java.util.function.DoubleUnaryOperator f, double lo, double hi, int n) {
        double h = (hi - lo) / n, s = f.applyAsDouble(lo) + f.applyAsDouble(hi);
        for (int i = 1; i < n; i++) s += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(lo + i * h);
        return s * h / 3;
    }

    @Test
    @DisplayName("tanh-squashed log-probability (Haarnoja et al. 2018, eq. 21): P(a1 < A < a2) by integrating exp(log pi) over a equals the Gaussian's mass on (atanh a1, atanh a2) within 1e-7")
    void squashedLogProbIsTheDensityOfTanhU() {
        double[][] cases = {{0, 1}, {0.5, 0.3}, {-1.2, 0.8}, {2.0, 1.5}};
        double[][] bins = {{-0.9, -0.5}, {-0.2, 0.1}, {0.3, 0.7}, {0.8, 0.99}};
        for (double[] c : cases) {
            double mu = c[0], sigma = c[1];
            for (double[] bin : bins) {
                double inA = simpson(a -> Math.exp(logPi(a, mu, sigma)), bin[0], bin[1], 4000);
                double u1 = 0.5 * Math.log((1 + bin[0]) / (1 - bin[0])), u2 = 0.5 * Math.log((1 + bin[1]) / (1 - bin[1]));
                double inU = simpson(u -> gaussianPdf(u, mu, sigma), u1, u2, 4000);
                assertEquals(inU, inA, 1e-7, "mu " + mu + ", sigma " + sigma + ", bin " + bin[0] + ".." + bin[1]);
            }
            // the whole of (-1, 1) holds mass 1, where the density stays smooth enough near +-1 for a uniform grid
            // (not for mu 2, sigma 1.5: there it piles up at a -> 1, which the bins above cover)
            if (Math.abs(mu) + 3 * sigma < 5) {
                double total = simpson(a -> Math.exp(logPi(a, mu, sigma)), -1 + 1e-12, 1 - 1e-12, 200_000);
                assertEquals(1.0, total, 1e-4, "mu " + mu + ", sigma " + sigma);
            }
        }
        // far in the tail the exact form stays finite where log(1 - tanh(u)^2) computed directly is -infinity
        assertEquals(2 * Math.log(2) - 2 * 30, SquashedGaussian.log1mTanhSq(30), 1e-9);
        assertEquals(Math.log(1 - Math.pow(Math.tanh(0.7), 2)), SquashedGaussian.log1mTanhSq(0.7), 1e-12);
    }

    @Test
    @DisplayName("SAC actor head: dJ/dmu and dJ/dlog sigma of J = alpha log pi(tanh(mu + sigma eps)) - Q(a) against float64 central differences within 1e-6")
    void sacActorHeadGradient() {
        double h = 1e-6;
        Rng rng = new Rng(7);
        for (int trial = 0; trial < 50; trial++) {
            double mu = rng.uniform(-2, 2), ls = rng.uniform(-2, 1), eps = rng.gaussian(), alpha = rng.uniform(0.01, 2);
            double w = rng.uniform(-3, 3), c = rng.uniform(-1, 1);
            // Q(a) = w sin(a) - (a - c)^2, dQ/da = w cos(a) - 2 (a - c)
            java.util.function.DoubleBinaryOperator j = (m, l) -> {
                double u = m + Math.exp(l) * eps, a = Math.tanh(u);
                double logp = SquashedGaussian.logProb(new double[] {eps}, new double[] {l}, new double[] {u}, 1);
                return alpha * logp - (w * Math.sin(a) - (a - c) * (a - c));
            };
            double a = Math.tanh(mu + Math.exp(ls) * eps), dQda = w * Math.cos(a) - 2 * (a - c);
            double fdMu = (j.applyAsDouble(mu + h, ls) - j.applyAsDouble(mu - h, ls)) / (2 * h);
            double fdLs = (j.applyAsDouble(mu, ls + h) - j.applyAsDouble(mu, ls - h)) / (2 * h);
            assertEquals(fdMu, SquashedGaussian.actorDMu(a, alpha, dQda), 1e-6, "trial " + trial);
            assertEquals(fdLs, SquashedGaussian.actorDLogStd(a, Math.exp(ls), eps, alpha, dQda), 1e-6, "trial " + trial);
        }
        assertTrue(SquashedGaussian.clamped(2.5) && SquashedGaussian.clamped(-21) && !SquashedGaussian.clamped(0));
        assertEquals(2, SquashedGaussian.clampLogStd(5), 0);
    }

    @Test
    @DisplayName("TD3 actor head: dJ/dy of J = -Q(tanh(y)) against float64 central differences within 1e-6")
    void td3ActorHeadGradient() {
        double h = 1e-6;
        Rng rng = new Rng(8);
        for (int trial = 0; trial < 50; trial++) {
            double y = rng.uniform(-3, 3), w = rng.uniform(-3, 3);
            java.util.function.DoubleUnaryOperator j = v -> -(w * Math.sin(Math.tanh(v)) + Math.tanh(v));
            double a = Math.tanh(y), dQda = w * Math.cos(a) + 1;
            assertEquals((j.applyAsDouble(y + h) - j.applyAsDouble(y - h)) / (2 * h), Td3.actorGradient(a, dQda), 1e-6, "trial " + trial);
        }
    }

    @Test
    @DisplayName("critic's dQ/da (Mlp backpropagated to its input, float32) against central differences of the network within 2e-3 relative")
    void criticActionGradient() {
        try (CpuBackend backend = new CpuBackend(1)) {
            int obs = 3, act = 2, rows = 4;
            Mlp q = new Mlp(backend, obs + act, new int[] {16, 16}, "tanh", 1, 1.0, new Rng(5));
            Mlp.Pass p = q.pass(rows);
            Tensor x = Tensor.zeros(rows, obs + act), dx = Tensor.zeros(rows, obs + act);
            Rng rng = new Rng(6);
            for (int i = 0; i < x.size(); i++) x.data()[i] = (float) rng.uniform(-1, 1);
            q.forward(p, x);
            java.util.Arrays.fill(p.dy.data(), 1f);
            float[][] before = new float[q.params().size()][];
            for (int i = 0; i < before.length; i++) before[i] = q.params().get(i).grad().data().clone();
            q.backward(p, false, dx);
            for (int i = 0; i < before.length; i++) {
                assertTrue(java.util.Arrays.equals(before[i], q.params().get(i).grad().data()), "no parameter gradient without paramGrads");
            }
            float h = 1e-2f;
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < obs + act; k++) {
                    float keep = x.get(r, k);
                    x.set(r, k, keep + h);
                    double up = q.forward(p, x).get(r, 0);
                    x.set(r, k, keep - h);
                    double down = q.forward(p, x).get(r, 0);
                    x.set(r, k, keep);
                    double fd = (up - down) / (2 * h);
                    assertEquals(fd, dx.get(r, k), 2e-3 * Math.max(1, Math.abs(fd)), "row " + r + ", input " + k);
                }
            }
        }
    }

    @Test
    @DisplayName("target policy smoothing (Fujimoto et al. 2018, eq. 14): a' = clip(pi'(s') + clip(sigma eps, -c, c), -1, 1), by hand; noise never moves a' more than c")
    void targetSmoothingAndClipping() {
        assertEquals(0.3 + 0.2 * 0.5, Td3.smoothed(0.3, 0.5, 0.2, 0.5), 1e-15);
        assertEquals(0.3 + 0.5, Td3.smoothed(0.3, 3.0, 0.2, 0.5), 1e-15, "the noise 0.6 is clipped to 0.5");
        assertEquals(-0.3 - 0.5, Td3.smoothed(-0.3, -4.0, 0.2, 0.5), 1e-15);
        assertEquals(1.0, Td3.smoothed(0.9, 1.0, 0.2, 0.5), 0, "the action is clipped to the bounds");
        assertEquals(-1.0, Td3.smoothed(-0.95, -1.0, 0.2, 0.5), 0);
        assertEquals(0.4, Td3.smoothed(0.4, 0.0, 0.0, 0.5), 0, "DDPG: no smoothing");
        Rng rng = new Rng(9);
        int clipped = 0, n = 200_000;
        for (int i = 0; i < n; i++) {
            double a = Td3.smoothed(0, rng.gaussian(), 0.2, 0.5);
            assertTrue(Math.abs(a) <= 0.5);
            if (Math.abs(a) == 0.5) clipped++;
        }
        // P(|N(0, 0.2)| > 0.5) = P(|Z| > 2.5) = 0.012419; 4 standard errors of a binomial at n = 200k is 0.001
        assertEquals(0.012419, clipped / (double) n, 0.001);
    }

    @Test
    @DisplayName("Polyak averaging: after n updates toward a fixed online value 1 from 0, the target is 1 - (1 - tau)^n (tau 0.005, n 100: 0.39423) within 1e-5")
    void polyakAveraging() {
        Param online = Param.trainable("w", Tensor.vector(1f, -2f)), target = Param.trainable("w", Tensor.vector(0f, 0f));
        for (int i = 0; i < 100; i++) Polyak.average(List.of(online), List.of(target), 0.005);
        double f = 1 - Math.pow(0.995, 100);
        assertEquals(0.394230, f, 1e-6);
        assertEquals(f, target.value().get(0), 1e-5);
        assertEquals(-2 * f, target.value().get(1), 1e-5);
        Polyak.average(List.of(online), List.of(target), 1.0);
        assertEquals(1f, target.value().get(0), 0f, "tau 1 copies");
    }

    @Test
    @DisplayName("temperature loss (Haarnoja et al. 2018, eq. 18): J(log alpha) = -log alpha (mean log pi + H_target) has the closed-form gradient (central differences, 1e-9), and descent raises alpha when the entropy is below the target")
    void temperatureLossGradient() {
        double h = 1e-6;
        for (double meanLogp : new double[] {-2.5, -0.3, 0.7, 3.0}) {
            for (double target : new double[] {-1, -2, -6}) {
                java.util.function.DoubleUnaryOperator j = la -> -la * (meanLogp + target);
                double la = Math.log(0.3);
                double fd = (j.applyAsDouble(la + h) - j.applyAsDouble(la - h)) / (2 * h);
                assertEquals(fd, Sac.temperatureGradient(meanLogp, target), 1e-9);
            }
        }
        // entropy estimate -mean log pi = -3 is below the target -1: the step -lr * gradient is positive, alpha rises
        assertTrue(-Sac.temperatureGradient(3.0, -1) > 0);
        assertTrue(-Sac.temperatureGradient(-3.0, -1) < 0, "entropy 3 above the target -1: alpha falls");
    }
}
