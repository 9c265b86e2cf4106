package dev.jgym.nn.generative;

import dev.jgym.nn.Backend;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.layers.Sequential;
import dev.jgym.nn.loss.Loss;
import dev.jgym.nn.loss.PointwiseLoss;
import dev.jgym.nn.optim.Optimizer;

/**
 * A discriminator D: a {@link Sequential} from a sample to one logit, D(x) = sigmoid(logit), the
 * probability that x is real. Its update is the discriminator half of a GAN step (Goodfellow et
 * al. 2014, Algorithm 1), shared by {@link Gan} and by adversarial imitation (Ho &amp; Ermon 2016,
 * where "real" is an expert's state-action pair and "fake" the learner's):
 * <pre>
 *   minimise BCE(D(real), 1 - labelSmoothing) + BCE(D(fake), 0)
 *          = -mean log D(real) - mean log(1 - D(fake))        (labelSmoothing = 0)
 * </pre>
 * binary cross-entropy on logits, one optimizer step on the sum of both gradients.
 * One-sided label smoothing (Salimans et al. 2016, section 3.4) softens only the real targets.
 */
public final class Discriminator {
    /** Mean losses and mean D (the probability "real") of one step, before the update. */
    public record StepLosses(double real, double fake, double realScore, double fakeScore) {
        public double total() {
            return real + fake;
        }
    }

    private final Backend backend;
    private final Sequential network;
    private final Optimizer optimizer;
    private final double labelSmoothing;

    public Discriminator(Backend backend, Sequential network, Optimizer optimizer, double labelSmoothing) {
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) throw new IllegalArgumentException("label smoothing must be in [0, 1), was " + labelSmoothing);
        this.backend = backend;
        this.network = network;
        this.optimizer = optimizer;
        this.labelSmoothing = labelSmoothing;
    }

    public Sequential network() {
        return network;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** The logits of every row of {@code x}, {@code [rows, 1]}, in eval mode. */
    public Tensor logits(Tensor x) {
        boolean was = network.isTraining();
        network.train(false);
        Tensor out = network.forward(x);
        network.train(was);
        return out;
    }

    /** One update: {@code real} towards 1 - labelSmoothing, {@code fake} towards 0. */
    public StepLosses step(Tensor real, Tensor fake) {
        network.train(true);
        Loss bce = PointwiseLoss.bceWithLogits(backend, Loss.Reduction.MEAN);
        optimizer.zeroGrad();
        Tensor realLogits = network.forward(real);
        double dReal = bce.forward(realLogits, filled(real.rows(), (float) (1 - labelSmoothing)));
        network.backward(bce.backward(), false);
        Tensor fakeLogits = network.forward(fake);
        double dFake = bce.forward(fakeLogits, filled(fake.rows(), 0f));
        network.backward(bce.backward(), false);
        optimizer.step();
        return new StepLosses(dReal, dFake, meanProbability(realLogits), meanProbability(fakeLogits));
    }

    /** A {@code [rows, 1]} tensor of one value (BCE targets). */
    static Tensor filled(int rows, float v) {
        Tensor t = Tensor.zeros(rows, 1);
        t.fill(v);
        return t;
    }

    /** mean sigmoid(logit). */
    static double meanProbability(Tensor logits) {
        double s = 0;
        for (float v : logits.data()) s += 1 / (1 + Math.exp(-v));
        return s / logits.size();
    }
}
