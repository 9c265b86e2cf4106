package dev.jgym.experiments;

import dev.jgym.nn.optim.OptimizerConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.nn.optim.Optimizer;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every optimizer type a config accepts trains with exactly that rule, in every family that reads
 * an {@code "optimizer"} (supervised on a backend, generative with a GAN's beta1, DQN on the host):
 * two steps on known gradients against the rule written out here (PyTorch's conventions).
 */
class OptimizerFactoryTest {
    static final float[] W = {1f, -2f, 3f};
    static final float[][] GRADS = {{0.5f, 0.25f, -1f}, {-0.3f, 0.6f, 0.2f}};
    static final double LR = 0.1, MOMENTUM = 0.8, ALPHA = 0.9, WD = 0.01;

    static OptimizerConfig config(String type) {
        boolean rms = type.equals("rmsprop");
        return new OptimizerConfig(type, LR, type.equals("momentum") || type.equals("nesterov") ? MOMENTUM : null,
                type.equals("adamw") ? WD : null, rms ? ALPHA : null, rms ? 1e-8 : null, rms ? false : null);
    }

    /** Two steps of the optimizer {@code make} builds, from W with GRADS. */
    static double[] run(Function<List<Param>, Optimizer> make) {
        Param p = Param.trainable("w", Tensor.vector(W.clone()));
        Optimizer opt = make.apply(List.of(p));
        for (float[] g : GRADS) {
            System.arraycopy(g, 0, p.grad().data(), 0, g.length);
            opt.step();
        }
        double[] w = new double[W.length];
        for (int i = 0; i < w.length; i++) w[i] = p.value().get(i);
        return w;
    }

    /** The rule itself, in doubles. */
    static double[] reference(String type, double beta1) {
        double[] w = new double[W.length];
        for (int i = 0; i < w.length; i++) {
            double x = W[i], v = 0, s = 0, m = 0;
            for (int t = 1; t <= GRADS.length; t++) {
                double g = GRADS[t - 1][i];
                switch (type) {
                    case "sgd" -> x -= LR * g;
                    case "momentum" -> {
                        v = t == 1 ? g : MOMENTUM * v + g;
                        x -= LR * v;
                    }
                    case "nesterov" -> {
                        v = t == 1 ? g : MOMENTUM * v + g;
                        x -= LR * (g + MOMENTUM * v);
                    }
                    case "rmsprop" -> {
                        s = ALPHA * s + (1 - ALPHA) * g * g;
                        x -= LR * g / (Math.sqrt(s) + 1e-8);
                    }
                    default -> {
                        if (type.equals("adamw")) x -= LR * WD * x;
                        m = beta1 * m + (1 - beta1) * g;
                        s = 0.999 * s + 0.001 * g * g;
                        double mh = m / (1 - Math.pow(beta1, t)), vh = s / (1 - Math.pow(0.999, t));
                        x -= LR * mh / (Math.sqrt(vh) + 1e-8);
                    }
                }
            }
            w[i] = x;
        }
        return w;
    }

    static void assertRule(String type, double beta1, double[] got, String family) {
        double[] want = reference(type, beta1);
        for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], 2e-6, family + " " + type + ": w[" + i + "]");
    }

    @Test
    @DisplayName("supervised (on a CPU backend), generative (GAN beta1 0.5, VAE 0.9) and DQN configs: each accepted type is that rule")
    void everyTypeEveryFamily() {
        assertEquals(List.of("sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw"), OptimizerConfig.TYPES);
        try (CpuBackend be = new CpuBackend(1)) {
            for (String type : OptimizerConfig.TYPES) {
                OptimizerConfig o = config(type);
                assertRule(type, 0.9, run(ps -> o.create(be, ps, 0.9)), "supervised");
                assertRule(type, 0.5, run(ps -> GenerativeExperiment.optimizer(o, ps, true)), "gan");
                assertRule(type, 0.9, run(ps -> GenerativeExperiment.optimizer(o, ps, false)), "vae");
                assertRule(type, 0.9, run(ps -> dev.jgym.agents.dqn.DqnLearnerAccess.optimizer(o, ps)), "dqn");
            }
        }
    }
}
