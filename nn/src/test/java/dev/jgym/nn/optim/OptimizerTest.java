package dev.jgym.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each optimizer on two classic test functions, Adam by hand, clipping and schedules. */
class OptimizerTest {

    interface Objective {
        /** Writes the gradient at w into g and returns f(w). */
        double eval(float[] w, float[] g);
    }

    /** f(w) = (w0 - 3)^2 + 10 (w1 + 1)^2: minimum 0 at (3, -1), condition number 10. */
    static final Objective QUADRATIC = (w, g) -> {
        g[0] = 2 * (w[0] - 3);
        g[1] = 20 * (w[1] + 1);
        return (w[0] - 3) * (w[0] - 3) + 10 * (w[1] + 1) * (w[1] + 1);
    };

    /** Rosenbrock (1960): f = (1 - x)^2 + 100 (y - x^2)^2, minimum 0 at (1, 1), a curved valley. */
    static final Objective ROSENBROCK = (w, g) -> {
        double x = w[0], y = w[1];
        g[0] = (float) (-2 * (1 - x) - 400 * x * (y - x * x));
        g[1] = (float) (200 * (y - x * x));
        return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
    };

    static float[] run(Function<List<Param>, Optimizer> make, Objective f, float[] start, int steps) {
        Param p = Param.trainable("w", Tensor.vector(start));
        Optimizer opt = make.apply(List.of(p));
        for (int t = 0; t < steps; t++) {
            opt.zeroGrad();
            f.eval(p.value().data(), p.grad().data());
            opt.step();
        }
        return p.value().data();
    }

    record Case(String name, Function<List<Param>, Optimizer> quadratic, int quadraticSteps,
                Function<List<Param>, Optimizer> rosenbrock, int rosenbrockSteps) {}

    static final List<Case> CASES = List.of(
            new Case("SGD", ps -> new Sgd(ps, 0.04), 300, ps -> new Sgd(ps, 1e-3), 60_000),
            new Case("momentum 0.9", ps -> new Sgd(ps, 0.01, 0.9, false, 0), 400, ps -> new Sgd(ps, 2e-4, 0.9, false, 0), 30_000),
            new Case("Nesterov 0.9", ps -> new Sgd(ps, 0.01, 0.9, true, 0), 400, ps -> new Sgd(ps, 2e-4, 0.9, true, 0), 30_000),
            new Case("RMSProp", ps -> new RmsProp(ps, 0.05).schedule(LrSchedule.step(400, 0.1)), 1500,
                    ps -> new RmsProp(ps, 1e-3).schedule(LrSchedule.step(5000, 0.3)), 30_000),
            new Case("Adam", ps -> new Adam(ps, 0.1), 1000, ps -> new Adam(ps, 0.01), 20_000),
            new Case("AdamW 1e-4", ps -> Adam.adamW(ps, 0.1, 1e-4), 1000, ps -> Adam.adamW(ps, 0.01, 1e-4), 20_000));

    @Test
    @DisplayName("every optimizer brings the quadratic to within 0.01 of (3, -1) and Rosenbrock to within 0.05 of (1, 1), from (-1.5, 2)")
    void optimizersReachMinima() {
        StringBuilder report = new StringBuilder();
        for (Case c : CASES) {
            float[] q = run(c.quadratic(), QUADRATIC, new float[] {-1.5f, 2f}, c.quadraticSteps());
            float[] r = run(c.rosenbrock(), ROSENBROCK, new float[] {-1.5f, 2f}, c.rosenbrockSteps());
            double dq = Math.hypot(q[0] - 3, q[1] + 1), dr = Math.hypot(r[0] - 1, r[1] - 1);
            report.append(String.format("%s: quadratic %.2e, rosenbrock %.2e%n", c.name(), dq, dr));
            assertTrue(dq < 0.01, c.name() + " quadratic ended at " + q[0] + ", " + q[1]);
            assertTrue(dr < 0.05, c.name() + " rosenbrock ended at " + r[0] + ", " + r[1]);
        }
        System.out.print(report);
    }

    @Test
    @DisplayName("Adam, two steps by hand: f = w^2 from w = 1, lr 0.1, betas (0.9, 0.999), eps 1e-8")
    void adamTwoStepsByHand() {
        // Step 1: g = 2, m = 0.2, v = 0.004, mhat = 2, vhat = 4, w = 1 - 0.1 * 2 / (2 + 1e-8) = 0.9000000005 -> 0.9f.
        // Step 2: g = 1.8 (from the float 0.9f), m = 0.18 + 0.18 = 0.36, v = 0.003996 + 0.00324 = 0.007236,
        //   mhat = 0.36 / 0.19 = 1.8947368..., vhat = 0.007236 / 0.001999 = 3.6198099...,
        //   w = 0.9 - 0.1 * 1.8947368 / (1.9025798 + 1e-8) = 0.80041224... (computed below in double
        //   from the float-rounded state, as the optimizer stores m and v in float32).
        Param p = Param.trainable("w", Tensor.vector(1f));
        Adam adam = new Adam(List.of(p), 0.1);
        p.grad().data()[0] = 2f;
        adam.step();
        assertEquals(0.9f, p.value().get(0), "step 1");
        adam.zeroGrad();
        p.grad().data()[0] = 2 * p.value().get(0);
        adam.step();
        double g1 = 2, g2 = 2 * (double) 0.9f;
        float m1 = (float) (0.1 * g1), v1 = (float) (0.001 * g1 * g1);
        double m2 = 0.9 * m1 + 0.1 * g2, v2 = 0.999 * v1 + 0.001 * g2 * g2;
        double mhat = m2 / (1 - 0.9 * 0.9), vhat = v2 / (1 - 0.999 * 0.999);
        float expected = (float) (0.9f - 0.1 * mhat / (Math.sqrt(vhat) + 1e-8));
        assertEquals(expected, p.value().get(0), "step 2");
        assertEquals(0.8004122, p.value().get(0), 1e-6, "step 2, the hand value");
    }

    @Test
    @DisplayName("AdamW decays weights by lr*wd*w apart from the gradient; Adam's L2 goes through the moments")
    void adamWDecoupled() {
        Param a = Param.trainable("w", Tensor.vector(2f));
        Adam.adamW(List.of(a), 0.1, 0.5).step(); // zero gradient: only the decay acts
        assertEquals(2f * (1 - 0.1f * 0.5f), a.value().get(0), 1e-6);
        Param b = Param.trainable("w", Tensor.vector(2f));
        new Adam(List.of(b), 0.1, 0.9, 0.999, 1e-8, 0.5, false).step(); // g = 0.5 * 2 = 1: a full Adam step of 0.1
        assertEquals(1.9f, b.value().get(0), 1e-6);
    }

    @Test
    @DisplayName("AdamW, three steps against PyTorch's torch.optim.AdamW algorithm written out by hand (decay w -= lr wd w first, then the bias-corrected Adam step): 1.4885000, 1.4855663, 1.4820960 within 1e-6")
    void adamWMatchesPyTorchSteps() {
        // lr 0.01, weight_decay 0.1, betas (0.9, 0.999), eps 1e-8; w = 1.5, gradients 0.3, -0.2, 0.05
        Param w = Param.trainable("w", Tensor.vector(1.5f));
        Optimizer opt = new OptimizerConfig("adamw", 0.01, null, 0.1).create(null, List.of(w), 0.9);
        double[] grads = {0.3, -0.2, 0.05}, want = {1.4885000003333333, 1.4855662950925264, 1.482095980971015};
        for (int t = 0; t < 3; t++) {
            w.grad().data()[0] = (float) grads[t];
            opt.step();
            assertEquals(want[t], w.value().get(0), 1e-6, "step " + (t + 1));
        }
    }

    @Test
    @DisplayName("clipping by global norm: gradients (3, 4) and (12) have norm 13; clipped to 6.5 they halve")
    void clipByGlobalNorm() {
        Param a = Param.trainable("a", Tensor.vector(0, 0)), b = Param.trainable("b", Tensor.vector(0));
        a.grad().data()[0] = 3;
        a.grad().data()[1] = 4;
        b.grad().data()[0] = 12;
        assertEquals(13.0, GradClip.byGlobalNorm(List.of(a, b), 6.5), 1e-9);
        assertEquals(1.5f, a.grad().get(0));
        assertEquals(2f, a.grad().get(1));
        assertEquals(6f, b.grad().get(0));
        assertEquals(6.5, GradClip.byGlobalNorm(List.of(a, b), 100), 1e-6, "no change under the limit");
    }

    @Test
    @DisplayName("schedules: step decay, cosine from 1 to 0.1 over 100 steps, linear warm-up over 10 steps")
    void schedules() {
        LrSchedule step = LrSchedule.step(10, 0.5);
        assertEquals(1.0, step.factor(9));
        assertEquals(0.5, step.factor(10));
        assertEquals(0.25, step.factor(25));
        LrSchedule cos = LrSchedule.cosine(100, 0.1);
        assertEquals(1.0, cos.factor(0), 1e-12);
        assertEquals(0.55, cos.factor(50), 1e-12);
        assertEquals(0.1, cos.factor(100), 1e-12);
        LrSchedule warm = LrSchedule.warmup(10, cos);
        assertEquals(0.1, warm.factor(0), 1e-12);
        assertEquals(1.0, warm.factor(9), 1e-12);
        assertEquals(1.0, warm.factor(10), 1e-12);
        assertEquals(0.55, warm.factor(60), 1e-12);
    }
}
