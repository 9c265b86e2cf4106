package dev.jgym.nn.generative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.nn.ActivationKind;
import dev.jgym.nn.Init;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.nn.layers.Activation;
import dev.jgym.nn.layers.BatchNorm1d;
import dev.jgym.nn.layers.Dense;
import dev.jgym.nn.layers.Sequential;
import dev.jgym.nn.optim.Adam;
import dev.jgym.core.rng.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link Gan}'s generator averaging (Yazici et al. 2019): the averaged copy follows
 * θ_avg ← β_t θ_avg + (1 − β_t) θ_G, β_t = min(β, (1 + t) / (10 + t)), after each step,
 * parameters and batch-norm statistics alike,
 * and never feeds back into training. Tolerance: 1e-6 against the formula in double (the
 * backend computes it in float).
 */
class GanTest {
    static final int LATENT = 3, PIXELS = 5;

    static Gan gan(CpuBackend be, double averageDecay) {
        Rng rng = new Rng(11);
        Sequential g = Sequential.of(new Dense(be, LATENT, 8, Init.xavierUniform(), Init.constant(0), rng.child("g1")), new BatchNorm1d(be, 8),
                new Activation(be, ActivationKind.LEAKY_RELU, 0.2f), new Dense(be, 8, PIXELS, Init.xavierUniform(), Init.constant(0), rng.child("g2")),
                new Activation(be, ActivationKind.TANH));
        Sequential d = Sequential.of(new Dense(be, PIXELS, 8, Init.xavierUniform(), Init.constant(0), rng.child("d1")),
                new Activation(be, ActivationKind.LEAKY_RELU, 0.2f), new Dense(be, 8, 1, Init.xavierUniform(), Init.constant(0), rng.child("d2")));
        return new Gan(be, g, d, new Adam(g.trainable(), 0.01, 0.5, 0.999, 1e-8, 0, false), new Adam(d.trainable(), 0.01, 0.5, 0.999, 1e-8, 0, false),
                new Gan.Settings(LATENT, 0.1, true, averageDecay), rng.child("noise"));
    }

    static Tensor real(int step) {
        Rng rng = new Rng(100 + step);
        Tensor x = Tensor.zeros(16, PIXELS);
        for (int i = 0; i < x.size(); i++) x.data()[i] = (float) Math.tanh(0.5 + 0.3 * rng.gaussian());
        return x;
    }

    static List<float[]> snapshot(Sequential net) {
        List<float[]> out = new ArrayList<>();
        for (Param p : net.params()) out.add(p.value().data().clone());
        return out;
    }

    @Test
    @DisplayName("averageDecay 0: samples come from the generator itself")
    void offMeansTheGenerator() {
        try (CpuBackend be = new CpuBackend(1)) {
            Gan gan = gan(be, 0);
            assertSame(gan.generator(), gan.sampler());
        }
    }

    @Test
    @DisplayName("averageDecay 0.5: after each of 12 steps every parameter and running statistic is β_t avg + (1 - β_t) G, β_t = min(0.5, (1 + t) / (10 + t)) (within 1e-6)")
    void averageFollowsTheFormula() {
        try (CpuBackend be = new CpuBackend(1)) {
            Gan gan = gan(be, 0.5);
            assertNotSame(gan.generator(), gan.sampler());
            List<float[]> expected = snapshot(gan.generator());
            List<float[]> start = snapshot(gan.sampler());
            for (int k = 0; k < expected.size(); k++) {
                for (int i = 0; i < expected.get(k).length; i++) assertEquals(expected.get(k)[i], start.get(k)[i], "the average starts as a copy");
            }
            for (int step = 0; step < 12; step++) {
                gan.step(real(step));
                double beta = Math.min(0.5, (1.0 + step) / (10 + step));
                List<float[]> g = snapshot(gan.generator());
                List<float[]> avg = snapshot(gan.sampler());
                for (int k = 0; k < g.size(); k++) {
                    float[] e = expected.get(k);
                    for (int i = 0; i < e.length; i++) {
                        e[i] = (float) (beta * e[i] + (1 - beta) * g.get(k)[i]);
                        assertEquals(e[i], avg.get(k)[i], 1e-6, "param " + k + "[" + i + "] after step " + step);
                    }
                }
            }
            boolean moved = false;
            List<float[]> g = snapshot(gan.generator()), avg = snapshot(gan.sampler());
            for (int k = 0; k < g.size(); k++) for (int i = 0; i < g.get(k).length; i++) moved |= g.get(k)[i] != avg.get(k)[i];
            assertTrue(moved, "the average lags the generator");
        }
    }

    @Test
    @DisplayName("averaging does not change training: the generator and discriminator get the same bits with and without it")
    void averagingIsPassive() {
        try (CpuBackend be = new CpuBackend(1)) {
            Gan plain = gan(be, 0), averaged = gan(be, 0.99);
            for (int step = 0; step < 4; step++) {
                Gan.StepLosses a = plain.step(real(step)), b = averaged.step(real(step));
                assertEquals(a, b);
            }
            List<float[]> g1 = snapshot(plain.generator()), g2 = snapshot(averaged.generator());
            for (int k = 0; k < g1.size(); k++) assertTrue(java.util.Arrays.equals(g1.get(k), g2.get(k)), "generator param " + k);
            Tensor s = averaged.sample(4, new Rng(1));
            assertFalse(averaged.sampler().isTraining(), "sampling leaves the averaged generator as it was (eval)");
            assertEquals(PIXELS, s.cols());
        }
    }

    @Test
    @DisplayName("the decay ramps: β_0 = 0.1, β_90 = 0.91, then capped at β")
    void decayRamps() {
        assertEquals(0.1, Gan.averageDecay(0, 0.999), 1e-12);
        assertEquals(0.91, Gan.averageDecay(90, 0.999), 1e-12);
        assertEquals(0.999, Gan.averageDecay(1_000_000, 0.999), 1e-12);
        assertEquals(0.5, Gan.averageDecay(100, 0.5), 1e-12);
    }

    @Test
    @DisplayName("averageDecay outside [0, 1) is refused")
    void badDecay() {
        assertThrows(IllegalArgumentException.class, () -> new Gan.Settings(LATENT, 0.1, true, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new Gan.Settings(LATENT, 0.1, true, -0.1));
    }
}
