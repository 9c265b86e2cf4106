package dev.jgym.nn.generative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.nn.ActivationKind;
import dev.jgym.nn.Backend;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.layers.Activation;
import dev.jgym.nn.layers.Dense;
import dev.jgym.nn.layers.Sequential;
import dev.jgym.nn.optim.Adam;
import dev.jgym.core.rng.Rng;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The discriminator step shared by the GAN and adversarial imitation. */
class DiscriminatorTest {

    /** n points from N(mean, 0.5^2) per coordinate. */
    private static Tensor gaussian(int n, float mean, Rng rng) {
        Tensor t = Tensor.zeros(n, 2);
        for (int i = 0; i < t.size(); i++) t.data()[i] = (float) (mean + 0.5 * rng.gaussian());
        return t;
    }

    private static Discriminator make(Backend be, double smoothing) {
        Rng init = new Rng(3);
        Sequential d = Sequential.of(new Dense(be, 2, 16, init.child("a")), new Activation(be, ActivationKind.TANH), new Dense(be, 16, 1, init.child("b")));
        return new Discriminator(be, d, new Adam(d.params(), 0.01, 0.9, 0.999, 1e-8, 0, false), smoothing);
    }

    @Test
    @DisplayName("separates N((1,1), 0.25 I) from N((-1,-1), 0.25 I): >= 97% of fresh points on the right side (Bayes: 99.8%)")
    void separatesTwoGaussians() {
        Backend be = new CpuBackend(1);
        Discriminator d = make(be, 0);
        Rng rng = new Rng(1);
        Discriminator.StepLosses first = null, last = null;
        for (int step = 0; step < 300; step++) {
            last = d.step(gaussian(32, 1f, rng), gaussian(32, -1f, rng));
            if (first == null) first = last;
        }
        assertTrue(last.total() < 0.3 * first.total(), "loss fell from " + first.total() + " to " + last.total());
        assertTrue(last.realScore() > 0.9 && last.fakeScore() < 0.1, "mean D: real " + last.realScore() + ", fake " + last.fakeScore());
        float[] real = d.logits(gaussian(500, 1f, rng)).data(), fake = d.logits(gaussian(500, -1f, rng)).data();
        int right = 0;
        for (int i = 0; i < 500; i++) right += (real[i] > 0 ? 1 : 0) + (fake[i] < 0 ? 1 : 0);
        // Bayes error: P(N(0, 0.5^2 * 2) > sqrt(2)) per side = P(Z > 2.83) = 0.23%
        assertTrue(right >= 970, right + " of 1000 on the right side");
    }

    @Test
    @DisplayName("BCE on logits: at initialisation-free logits 0 each half of the loss is log 2; label smoothing 0.1 targets 0.9")
    void lossAtZeroLogits() {
        Backend be = new CpuBackend(1);
        Sequential zero = Sequential.of(new Dense(be, 2, 1, dev.jgym.nn.Init.constant(0), dev.jgym.nn.Init.constant(0), new Rng(1)));
        Discriminator d = new Discriminator(be, zero, new Adam(zero.params(), 0.01, 0.9, 0.999, 1e-8, 0, false), 0.1);
        Discriminator.StepLosses l = d.step(gaussian(4, 1f, new Rng(2)), gaussian(4, -1f, new Rng(3)));
        // BCE(0, t) = log 2 for any target t: -t log 0.5 - (1 - t) log 0.5
        assertEquals(Math.log(2), l.real(), 1e-6);
        assertEquals(Math.log(2), l.fake(), 1e-6);
        assertEquals(0.5, l.realScore(), 1e-12);
    }
}
