package dev.jgym.nn.generative;

import dev.jgym.nn.Backend;
import dev.jgym.nn.Init;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.layers.Layers;
import dev.jgym.nn.layers.Sequential;
import dev.jgym.nn.loss.PointwiseLoss;
import dev.jgym.nn.loss.Loss;
import dev.jgym.nn.optim.Optimizer;
import dev.jgym.core.rng.Rng;
import java.util.List;

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
 *
 * <p>Generator averaging (Yazici et al. 2019, "The Unusual Effectiveness of Averaging in GAN
 * Training"): with {@code averageDecay} β > 0 a copy G_avg of the generator follows
 * <pre>  θ_avg ← β_t θ_avg + (1 − β_t) θ_G,   β_t = min(β, (1 + t) / (10 + t))</pre>
 * after generator step t (t = 0, 1, ...; batch-norm statistics too), and {@link #sampler()}
 * (what {@link #sample} draws from and what an experiment saves) is G_avg. The ramp β_t
 * (TensorFlow's ExponentialMovingAverage with num_updates) keeps the early, quickly changing
 * generators from dominating: the average spans about the last tenth of training until β is reached.
 * The adversarial game itself is unchanged: G_avg never enters a loss. It smooths out the
 * oscillation of simultaneous gradient play, so the samples are those of a time-averaged generator.
 */
public final class Gan {
    /**
     * @param labelSmoothing real targets become 1 - labelSmoothing (0.1 is usual)
     * @param nonSaturating the G loss
     * @param averageDecay β of the averaged generator in [0, 1); 0 turns averaging off
     */
    public record Settings(int latent, double labelSmoothing, boolean nonSaturating, double averageDecay) {
        public Settings {
            if (!(averageDecay >= 0 && averageDecay < 1)) throw new IllegalArgumentException("averageDecay must be in [0, 1), was " + averageDecay);
        }

        /** Without generator averaging. */
        public Settings(int latent, double labelSmoothing, boolean nonSaturating) {
            this(latent, labelSmoothing, nonSaturating, 0);
        }
    }

    /** Mean losses of one step. */
    public record StepLosses(double discriminator, double generator, double realScore, double fakeScore) {}

    private final Backend backend;
    private final Sequential generator, discriminator;
    /** The averaged generator, or the generator itself when averaging is off. */
    private final Sequential average;
    private long averageSteps;
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
        this.average = settings.averageDecay() > 0 ? copy(generator) : generator;
    }

    private Sequential copy(Sequential net) {
        Sequential c = Layers.sequential(net.spec(), 0, backend, new Layers.Inits(Init.constant(0), Init.constant(0), new Rng(0)), "generator", "$");
        List<Param> from = net.params(), to = c.params();
        for (int i = 0; i < from.size(); i++) backend.scale(from.get(i).value(), 1f, to.get(i).value()); // an exact copy, on the device too
        c.eval(); // never trained: its batch norms use the averaged running statistics
        return c;
    }

    /** θ_avg ← β_t θ_avg + (1 − β_t) θ_G for every parameter and buffer. */
    private void updateAverage() {
        if (average == generator) return;
        float beta = (float) averageDecay(averageSteps++, settings.averageDecay());
        List<Param> from = generator.params(), to = average.params();
        for (int i = 0; i < from.size(); i++) {
            Tensor avg = to.get(i).value();
            backend.scale(avg, beta, avg);
            backend.axpy(1 - beta, from.get(i).value(), avg);
        }
    }

    public Sequential generator() {
        return generator;
    }

    public Sequential discriminator() {
        return discriminator;
    }

    /** β_t = min(β, (1 + t) / (10 + t)) after generator step t (from 0). */
    public static double averageDecay(long t, double beta) {
        return Math.min(beta, (1.0 + t) / (10.0 + t));
    }

    /** The network samples come from: the averaged generator when averaging is on, else the generator. */
    public Sequential sampler() {
        return average;
    }

    /** n noise vectors, N(0, 1) per value. */
    public Tensor noise(int n, Rng rng) {
        Tensor z = Tensor.zeros(n, settings.latent());
        for (int i = 0; i < z.size(); i++) z.data()[i] = (float) rng.gaussian();
        return z;
    }

    /** n samples from {@link #sampler()} in eval mode. */
    public Tensor sample(int n, Rng rng) {
        boolean was = average.isTraining();
        average.train(false);
        Tensor x = average.forward(noise(n, rng));
        average.train(was);
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
        updateAverage();
        return new StepLosses(d.total(), gLoss, d.realScore(), d.fakeScore());
    }
}
