package dev.jgym.nn.generative;

import dev.jgym.nn.Backend;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.layers.Sequential;
import dev.jgym.nn.optim.Optimizer;
import dev.jgym.core.rng.Rng;

/**
 * A variational autoencoder (Kingma and Welling 2014): the encoder maps x to the mean and log
 * variance of q(z | x) (its output is {@code [N, 2 latent]}: means first, then log variances);
 * z = mu + exp(logvar / 2) eps with eps ~ N(0, I) (the reparameterisation trick, section 2.4);
 * the decoder maps z to Bernoulli logits of the pixels (inputs in [0, 1]). Loss per example, the
 * negative ELBO (Appendix B for the KL term):
 * <pre>
 *   L = sum_pixels BCE(decoder(z), x) + KL,   KL = -1/2 sum_j (1 + logvar_j - mu_j^2 - exp(logvar_j))
 * </pre>
 * averaged over the batch. eps is drawn from the given {@link Rng} in index order.
 */
public final class Vae {
    /** Mean per-example losses: reconstruction (summed BCE over pixels) and KL. */
    public record Losses(double reconstruction, double kl) {
        public double total() {
            return reconstruction + kl;
        }
    }

    private final Backend backend;
    private final Sequential encoder, decoder;
    private final int latent;

    public Vae(Backend backend, Sequential encoder, Sequential decoder, int latent) {
        this.backend = backend;
        this.encoder = encoder;
        this.decoder = decoder;
        this.latent = latent;
    }

    public Sequential encoder() {
        return encoder;
    }

    public Sequential decoder() {
        return decoder;
    }

    public int latent() {
        return latent;
    }

    /** One optimisation step on x (values in [0, 1]); the optimizer holds both networks' parameters. */
    public Losses step(Tensor x, Optimizer opt, Rng rng) {
        encoder.train(true);
        decoder.train(true);
        opt.zeroGrad();
        Losses l = lossAndBackward(x, rng, true);
        opt.step();
        return l;
    }

    /** Mean losses on x without training (eval mode; z still sampled, as the ELBO is defined). */
    public Losses evaluate(Tensor x, Rng rng) {
        encoder.train(false);
        decoder.train(false);
        Losses l = lossAndBackward(x, rng, false);
        encoder.train(true);
        decoder.train(true);
        return l;
    }

    private Losses lossAndBackward(Tensor x, Rng rng, boolean backward) {
        int n = x.rows();
        Tensor stats = encoder.forward(x);
        if (stats.cols() != 2 * latent) throw new IllegalArgumentException("vae: the encoder must output 2 x " + latent + " values, found " + stats.cols());
        float[] s = stats.data();
        Tensor z = Tensor.zeros(n, latent);
        float[] eps = new float[n * latent], zd = z.data();
        double kl = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < latent; j++) {
                double mu = s[i * 2 * latent + j], lv = s[i * 2 * latent + latent + j];
                eps[i * latent + j] = (float) rng.gaussian();
                zd[i * latent + j] = (float) (mu + Math.exp(0.5 * lv) * eps[i * latent + j]);
                kl += -0.5 * (1 + lv - mu * mu - Math.exp(lv));
            }
        }
        Tensor logits = decoder.forward(z);
        Tensor grad = backward ? Tensor.zeros(logits.shape()) : null;
        double rec = backend.pointwiseLoss(dev.jgym.nn.PointLoss.BCE_WITH_LOGITS, 0f, logits, x, grad);
        if (backward) {
            backend.scale(grad, 1f / n, grad);
            Tensor dz = decoder.backward(grad, true);
            Tensor dStats = Tensor.zeros(stats.shape());
            float[] g = dz.data(), o = dStats.data();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < latent; j++) {
                    double mu = s[i * 2 * latent + j], lv = s[i * 2 * latent + latent + j];
                    double gz = g[i * latent + j];
                    o[i * 2 * latent + j] = (float) (gz + mu / n);
                    o[i * 2 * latent + latent + j] = (float) (gz * 0.5 * Math.exp(0.5 * lv) * eps[i * latent + j] + 0.5 * (Math.exp(lv) - 1) / n);
                }
            }
            encoder.backward(dStats, false);
        }
        return new Losses(rec / n, kl / n);
    }

    /** Decodes n draws from the prior N(0, I) into pixel probabilities in [0, 1]. */
    public Tensor sample(int n, Rng rng) {
        decoder.train(false);
        Tensor z = Tensor.zeros(n, latent);
        for (int i = 0; i < z.size(); i++) z.data()[i] = (float) rng.gaussian();
        Tensor logits = decoder.forward(z);
        Tensor p = Tensor.zeros(logits.shape());
        backend.activation(dev.jgym.nn.ActivationKind.SIGMOID, 0f, logits, p);
        decoder.train(true);
        return p;
    }
}
