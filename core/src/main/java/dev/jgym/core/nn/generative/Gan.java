package dev.jgym.core.nn.generative;

import dev.jgym.core.nn.Backend;
import dev.jgym.core.nn.Tensor;
import dev.jgym.core.nn.layers.Sequential;
import dev.jgym.core.nn.loss.PointwiseLoss;
import dev.jgym.core.nn.loss.Loss;
import dev.jgym.core.nn.optim.Optimizer;
import dev.jgym.core.rng.Rng;

/**
 * A generative adversarial network (Goodfellow et al. 2014, Algorithm 1, one discriminator step
 * per generator step): a generator G maps noise z ~ N(0, I) to samples, a discriminator D maps a
 * sample to one logit (real vs fake); both are {@link Sequential}s, trained with binary
 * cross-entropy on logits.
 * <pre>
 *   D step: minimise BCE(D(x), realLabel) + BCE(D(G(z)), 0)       realLabel = 1 - labelSmoothing
 *   G step: non-saturating: minimise BCE(D(G(z)), 1) = -log D(G(z))   (Goodfellow et al., section 3)
 *           minimax:        minimise -BCE(D(G(z)), 0) = log(1 - D(G(z)))
 * </pre>
 * One-sided label smoothing (Salimans et al. 2016, section 3.4) softens only the real targets.
 * The D step is {@link Discriminator#step} (adversarial imitation reuses it). Noise is drawn from the given {@link Rng} in index order.
 */
public final class Gan {
    /** @param labelSmoothing real targets become 1 - labelSmoothing (0.1 is usual); @param nonSaturating the G loss */
    public record Settings(int latent, double labelSmoothing, boolean nonSaturating) {}

    /** Mean losses of one step. */
    public record StepLosses(double discriminator, double generator, double realScore, double fakeScore) {}

    private final Backend backend;
    private final Sequential generator, discriminator;
    private final Optimizer gOpt, dOpt;
    private final Settings settings;
    private final Rng noise;
    private final Discriminator dStep;

    public Gan(Backend backend, Sequential generator, Sequential discriminator, Optimizer gOpt, Optimizer dOpt, Settings settings, Rng noise) {
        this.backend = backend;
        this.generator = generator;
        this.discriminator = discriminator;
        this.gOpt = gOpt;
        this.dOpt = dOpt;
        this.settings = settings;
        this.noise = noise;
        this.dStep = new Discriminator(backend, discriminator, dOpt, settings.labelSmoothing());
    }

    public Sequential generator() {
        return generator;
    }

    public Sequential discriminator() {
        return discriminator;
    }

    /** n noise vectors, N(0, 1) per value. */
    public Tensor noise(int n, Rng rng) {
        Tensor z = Tensor.zeros(n, settings.latent());
        for (int i = 0; i < z.size(); i++) z.data()[i] = (float) rng.gaussian();
        return z;
    }

    /** n samples in eval mode. */
    public Tensor sample(int n, Rng rng) {
        boolean was = generator.isTraining();
        generator.train(false);
        Tensor x = generator.forward(noise(n, rng));
        generator.train(was);
        return x;
    }

    /** One discriminator step and one generator step on a batch of real samples. */
    public StepLosses step(Tensor real) {
        int n = real.rows();
        generator.train(true);
        discriminator.train(true);
        Loss bce = PointwiseLoss.bceWithLogits(backend, Loss.Reduction.MEAN);

        // discriminator: real towards 1 - smoothing, fake towards 0 (G not updated)
        Tensor fake = generator.forward(noise(n, noise));
        Discriminator.StepLosses d = dStep.step(real, fake);

        // generator: through D (whose gradients are thrown away) into G
        gOpt.zeroGrad();
        Tensor gen = generator.forward(noise(n, noise));
        Tensor logits = discriminator.forward(gen);
        double gLoss;
        Tensor dLogits;
        if (settings.nonSaturating()) {
            gLoss = bce.forward(logits, Discriminator.filled(n, 1f));
            dLogits = bce.backward();
        } else {
            gLoss = -bce.forward(logits, Discriminator.filled(n, 0f));
            dLogits = bce.backward();
            backend.scale(dLogits, -1f, dLogits);
        }
        Tensor dGen = discriminator.backward(dLogits, true);
        generator.backward(dGen, false);
        gOpt.step();
        dOpt.zeroGrad();
        return new StepLosses(d.total(), gLoss, d.realScore(), d.fakeScore());
    }
}
