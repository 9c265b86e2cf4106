package dev.jgym.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.cpu.CpuBackend;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Centered RMSProp against PyTorch's {@code torch.optim.RMSprop(centered=True)} update rule
 * (torch/optim/rmsprop.py: {@code avg = sqrt(square_avg - grad_avg^2) + eps}), with the settings of
 * MinAtar's examples/dqn.py: lr 2.5e-4, alpha (SQUARED_GRAD_MOMENTUM) 0.95, eps (MIN_SQUARED_GRAD) 0.01.
 */
class CenteredRmsPropTest {

    @Test
    @DisplayName("First step from zero state: w -= lr g / (sqrt(alpha (1 - alpha)) |g| + eps); MinAtar's settings, g = 1 gives 2.5e-4 / 0.227945")
    void firstStepClosedForm() {
        Param p = Param.trainable("w", Tensor.of(new float[] {1f, -1f}, 2));
        CenteredRmsProp o = new CenteredRmsProp(List.of(p), 2.5e-4, CenteredRmsProp.MINATAR_ALPHA, CenteredRmsProp.MINATAR_EPS, 0);
        p.grad().data()[0] = 1f;
        p.grad().data()[1] = -2f;
        o.step();
        double d1 = Math.sqrt(0.95 * 0.05) * 1 + 0.01; // 0.2279446
        double d2 = Math.sqrt(0.95 * 0.05) * 2 + 0.01;
        assertEquals(0.22794, d1, 1e-5);
        assertEquals(1 - 2.5e-4 / d1, p.value().data()[0], 1e-7);
        assertEquals(-1 + 2.5e-4 * 2 / d2, p.value().data()[1], 1e-7);
    }

    @Test
    @DisplayName("Ten steps match the PyTorch recurrence written out in double (within float rounding), with weight decay")
    void matchesRecurrence() {
        float[] w0 = {0.3f, -0.7f, 1.2f};
        Param p = Param.trainable("w", Tensor.of(w0.clone(), 3));
        double lr = 0.01, alpha = 0.9, eps = 0.01, wd = 0.001;
        CenteredRmsProp o = new CenteredRmsProp(List.of(p), lr, alpha, eps, wd);
        double[] w = {0.3, -0.7, 1.2}, s = new double[3], m = new double[3];
        for (int t = 0; t < 10; t++) {
            for (int i = 0; i < 3; i++) {
                float gi = (float) Math.cos(3 * t + i) * (i + 1);
                p.grad().data()[i] = gi;
                double g = gi + wd * w[i];
                s[i] = alpha * s[i] + (1 - alpha) * g * g;
                m[i] = alpha * m[i] + (1 - alpha) * g;
                w[i] -= lr * g / (Math.sqrt(s[i] - m[i] * m[i]) + eps);
            }
            o.step();
            o.zeroGrad();
        }
        for (int i = 0; i < 3; i++) assertEquals(w[i], p.value().data()[i], 1e-5, "w[" + i + "]");
        // centering matters: plain RMSProp with the same settings ends elsewhere
        Param q = Param.trainable("w", Tensor.of(w0.clone(), 3));
        RmsProp plain = new RmsProp(List.of(q), lr, alpha, eps, wd);
        for (int t = 0; t < 10; t++) {
            for (int i = 0; i < 3; i++) q.grad().data()[i] = (float) Math.cos(3 * t + i) * (i + 1);
            plain.step();
            plain.zeroGrad();
        }
        assertTrue(Math.abs(q.value().data()[0] - p.value().data()[0]) > 1e-4);
    }

    @Test
    @DisplayName("Through a 2-thread CpuBackend it gives the host result bit for bit; its two state tables survive a checkpoint")
    void backendAndState() {
        Param a = Param.trainable("w", Tensor.of(new float[] {1f, 2f, 3f, 4f}, 4));
        Param b = Param.trainable("w", Tensor.of(new float[] {1f, 2f, 3f, 4f}, 4));
        try (CpuBackend be = new CpuBackend(2)) {
            CenteredRmsProp oa = new CenteredRmsProp(List.of(a), 0.01, 0.95, 0.01, 0);
            CenteredRmsProp ob = new CenteredRmsProp(be, List.of(b), 0.01, 0.95, 0.01, 0);
            for (int t = 0; t < 3; t++) {
                for (int i = 0; i < 4; i++) a.grad().data()[i] = b.grad().data()[i] = (float) Math.sin(t + i);
                oa.step();
                ob.step();
            }
            assertTrue(a.value().bitEquals(b.value()));
            OptimizerState saved = OptimizerState.of(oa);
            assertEquals(2, saved.tables().length);
            CenteredRmsProp oc = new CenteredRmsProp(List.of(b), 0.01, 0.95, 0.01, 0);
            saved.restoreInto(oc);
            for (int i = 0; i < 4; i++) a.grad().data()[i] = b.grad().data()[i] = 0.5f;
            oa.step();
            oc.step();
            assertTrue(a.value().bitEquals(b.value()));
        }
    }
}
