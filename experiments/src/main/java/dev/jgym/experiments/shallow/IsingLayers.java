package dev.jgym.experiments.shallow;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.nn.anneal.Ising;
import dev.jgym.nn.anneal.Qubo;
import dev.jgym.nn.anneal.SimulatedAnnealing;
import dev.jgym.core.config.Check;
import dev.jgym.core.rng.Rng;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The "shallow and wide" classifier: layers of binary weights found by annealing an Ising energy,
 * one-vs-rest.
 *
 * <p>Input: features in [0, 1] with zeros replaced by -1 ({@link #encode}), so a blank pixel
 * votes too. A layer is a weight vector w_l in {-1, +1}^d, the input's shape; L layers are
 * averaged inside one model:
 * <pre>  f(x) = (k / (L sqrt(d))) sum_l sum_p w_lp x_p</pre>
 * (divided by sqrt(d), the spread of a sum of d random +-1 terms, so that k = 1 asks the
 * annealer for outputs near the +-1 targets without forcing every weight; see docs/SHALLOW_WIDE.md
 * for how the scale was chosen).
 *
 * <p>Training for class c, on one mini-batch B with targets y_s = +1 (class c) or -1 (the rest),
 * minimises over all L * d spins
 * <pre>  H(w) = sum_{s in B} (f(x_s) - y_s)^2  -  lambda a^2 sum_l sum_{p ~ q} w_lp w_lq</pre>
 * an Ising Hamiltonian: expanding the square with w^2 = 1 gives fields
 * {@code h_i = -2 sum_s a_si y_s} and couplings {@code J_ij = 2 sum_s a_si a_sj}, a_si = a x_s,p(i), a = k / (L sqrt(d));
 * the lambda term couples each weight to its 4 image neighbours in the same layer (a
 * ferromagnetic, smoothing regulariser; 0 turns it off). One annealing solve per batch; the
 * batches are solved in parallel ({@link BatchSolves}), solve t seeded by
 * {@code rng.child("solve").child(c).child(t)}.
 *
 * <p>The model is the ensemble of all solves: its weight for pixel p is the mean of w_lp over
 * layers and batches (a number in [-1, 1]; the "weight map"), and its output for class c is the
 * mean of the solves' outputs, {@code f_c(x) = (k / sqrt(d)) sum_p wbar_cp x_p}, on the scale
 * the solves were fitted to (+-1 targets). Epochs > 1 reshuffle the training set (from
 * {@code rng.child("order").child(epoch)}) and add more solves.
 *
 * <p>Scores for ROC AUC ({@link Scores}): {@code softmax} over the ten class outputs (as the MLP
 * baseline's probabilities), or {@code raw} f_c alone. The softmax needs no extra parameter
 * because the outputs are on the targets' scale.
 */
public final class IsingLayers {

    /**
     * @param layers L, weight layers averaged in one model (default 3)
     * @param k output scale (default 1)
     * @param lambda smoothing between neighbouring pixels' weights, in units of one example's
     *     coupling a^2 (default 0: off; on few-shot MNIST any lambda > 0 lowered the AUC)
     * @param batchSize examples per annealing solve (default 10)
     * @param epochs passes over the training set, each reshuffled (default 3)
     * @param anneal the annealer's sweeps, reads and temperatures
     * @param score how class outputs become AUC scores: {@code softmax} (default) or {@code raw}
     */
    public record Settings(Integer layers, Double k, Double lambda, @JsonProperty("batch_size") Integer batchSize,
                           Integer epochs, SimulatedAnnealing.Settings anneal, String score) {
        public Settings {
            if (layers == null) layers = 3;
            if (k == null) k = 1.0;
            if (lambda == null) lambda = 0.0;
            if (batchSize == null) batchSize = 10;
            if (epochs == null) epochs = 3;
            if (anneal == null) anneal = new SimulatedAnnealing.Settings(200, 1, null, null);
            if (score == null) score = "softmax";
            Check.positive("layers", layers);
            Check.positive("k", k);
            Check.nonNegative("lambda", lambda);
            Check.positive("batch_size", batchSize);
            Check.positive("epochs", epochs);
            Scores.check(score);
        }
    }

    /**
     * The trained ensemble: per class the mean weight of each feature, in [-1, 1]; outputs are
     * {@code scale * sum_p w_p x_p} with scale = k / sqrt(d), scored by {@code score}.
     */
    public record Model(double[][] weights, double scale, String score, int height, int width) implements Classifier {
        /** f_c(x) for each example and class, before scoring. */
        public double[][] outputs(float[] x, int n) {
            int d = weights[0].length;
            double[][] out = new double[n][weights.length];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < weights.length; c++) {
                    double[] w = weights[c];
                    double s = 0;
                    for (int p = 0; p < d; p++) s += w[p] * encode(x[i * d + p]);
                    out[i][c] = scale * s;
                }
            }
            return out;
        }

        @Override
        public double[][] scores(float[] x, int n) {
            return Scores.apply(score, outputs(x, n));
        }
    }

    private final Settings settings;

    public IsingLayers(Settings settings) {
        this.settings = settings;
    }

    /** A feature in [0, 1] as the model sees it: 0 becomes -1. */
    public static double encode(float v) {
        return v == 0 ? -1 : v;
    }

    /** Number of annealing solves training makes per class. */
    public int solvesPerClass(int n) {
        return settings.epochs() * ((n + settings.batchSize() - 1) / settings.batchSize());
    }

    /** Trains all classes; progress receives 1 after each solve. */
    public Model train(Examples data, Rng rng, int threads, IntConsumer progress) {
        int n = data.size(), d = data.d(), classes = data.classes(), bs = settings.batchSize();
        int perEpoch = (n + bs - 1) / bs, perClass = settings.epochs() * perEpoch;
        int[][] orders = new int[settings.epochs()][];
        for (int e = 0; e < orders.length; e++) {
            orders[e] = new int[n];
            for (int i = 0; i < n; i++) orders[e][i] = i;
            if (e > 0) rng.child("order").child(e).shuffle(orders[e]);
        }
        double[][] enc = new double[n][d];
        for (int i = 0; i < n; i++) for (int p = 0; p < d; p++) enc[i][p] = encode(data.x()[i * d + p]);
        SimulatedAnnealing sa = new SimulatedAnnealing(settings.anneal());
        List<byte[]> solved = BatchSolves.run(classes * perClass, threads, t -> {
            int c = t / perClass, local = t % perClass, e = local / perEpoch, b = local % perEpoch;
            int from = b * bs, to = Math.min(n, from + bs);
            double[][] xs = new double[to - from][];
            double[] ys = new double[to - from];
            for (int s = from; s < to; s++) {
                int i = orders[e][s];
                xs[s - from] = enc[i];
                ys[s - from] = data.y()[i] == c ? 1 : -1;
            }
            Qubo q = batchEnergy(xs, ys, data.height(), data.width()).toQubo();
            byte[] spins = Ising.spins(sa.solve(q, rng.child("solve").child(c).child(local)).best());
            progress.accept(1);
            return spins;
        });
        int layers = settings.layers();
        double[][] weights = new double[classes][d];
        for (int t = 0; t < solved.size(); t++) {
            byte[] s = solved.get(t);
            double[] w = weights[t / perClass];
            for (int l = 0; l < layers; l++) for (int p = 0; p < d; p++) w[p] += s[l * d + p];
        }
        for (double[] w : weights) for (int p = 0; p < d; p++) w[p] /= (double) layers * perClass;
        return new Model(weights, settings.k() / Math.sqrt(d), settings.score(), data.height(), data.width());
    }

    /** The batch's Ising Hamiltonian over L * d spins (spin l * d + p is layer l's weight of feature p). */
    public Ising batchEnergy(double[][] xs, double[] ys, int height, int width) {
        int d = xs[0].length, layers = settings.layers();
        double a = settings.k() / (layers * Math.sqrt(d));
        Ising m = new Ising(layers * d);
        // gram[p][q] = sum_s x_sp x_sq, the same for every pair of layers
        double[] gram = new double[d * d];
        double[] xy = new double[d];
        double offset = 0;
        for (int s = 0; s < xs.length; s++) {
            double[] x = xs[s];
            offset += ys[s] * ys[s];
            for (int p = 0; p < d; p++) {
                xy[p] += x[p] * ys[s];
                double xp = x[p];
                int row = p * d;
                for (int q = 0; q < d; q++) gram[row + q] += xp * x[q];
            }
        }
        for (int l = 0; l < layers; l++) {
            for (int p = 0; p < d; p++) {
                int i = l * d + p;
                m.addField(i, -2 * a * xy[p]);
                offset += a * a * gram[p * d + p];
                for (int l2 = l; l2 < layers; l2++) {
                    for (int q = l2 == l ? p + 1 : 0; q < d; q++) m.addCoupling(i, l2 * d + q, 2 * a * a * gram[p * d + q]);
                }
                // the diagonal pairs (same pixel, two layers) are in the loop above via q = p when l2 > l
            }
        }
        m.addOffset(offset);
        double lambda = settings.lambda();
        if (lambda > 0 && height * width == d) {
            double scale = lambda * a * a;
            for (int l = 0; l < layers; l++) {
                for (int r = 0; r < height; r++) {
                    for (int c = 0; c < width; c++) {
                        int p = r * width + c;
                        if (c + 1 < width) m.addCoupling(l * d + p, l * d + p + 1, -scale);
                        if (r + 1 < height) m.addCoupling(l * d + p, l * d + p + width, -scale);
                    }
                }
            }
        }
        return m;
    }

    /** The batch loss sum_s (f(x_s) - y_s)^2 for given spins (no regulariser): the test's reference. */
    public double batchLoss(double[][] xs, double[] ys, byte[] spins) {
        int d = xs[0].length, layers = settings.layers();
        double a = settings.k() / (layers * Math.sqrt(d)), loss = 0;
        for (int s = 0; s < xs.length; s++) {
            double f = 0;
            for (int l = 0; l < layers; l++) for (int p = 0; p < d; p++) f += spins[l * d + p] * xs[s][p];
            double r = a * f - ys[s];
            loss += r * r;
        }
        return loss;
    }
}
