package dev.jgym.experiments.shallow;

import dev.jgym.nn.anneal.Qubo;
import dev.jgym.nn.anneal.SimulatedAnnealing;
import dev.jgym.core.config.Check;
import dev.jgym.core.rng.Rng;
import java.util.Arrays;
import java.util.List;

/**
 * QBoost (Neven, Denchev, Rose and Macready, 2008): pick a subset of weak classifiers
 * h_i(x) in {-1, +1} by minimising, over w_i in {0, 1},
 * <pre>  L(w) = sum_s ((1/N) sum_i w_i h_i(x_s) - y_s)^2 + lambda sum_i w_i.</pre>
 * With h^2 = 1 this is the QUBO
 * <pre>  Q_ii = S/N^2 - (2/N) sum_s h_i(x_s) y_s + lambda,   Q_ij = (2/N^2) sum_s h_i(x_s) h_j(x_s)  (i < j)</pre>
 * plus the constant sum_s y_s^2 (the factor 2 of Q_ij counts both orders of the pair).
 *
 * <p>Weak classifiers are decision stumps, one per feature and threshold
 * {@code t = j / (thresholds + 1)}: {@code h(x) = +1 when x_p > t, else -1}, turned around when
 * it agrees with the class less than with the rest. Per class (one-vs-rest) the
 * {@code candidates} stumps that separate the class best (balanced: |P(h = 1 | class) - P(h = 1 | rest)|,
 * ties by index; an unbalanced count would favour stumps that always say "rest") form the
 * QUBO; one annealing solve per class, classes in parallel, class c seeded by
 * {@code rng.child("solve").child(c)}. The output is {@code (1/N) sum_i w_i h_i(x)}, scored raw or
 * by the softmax over classes ({@link Scores}; default raw).
 */
public final class QBoost {

    /**
     * @param thresholds stump thresholds per feature, evenly spaced in (0, 1) (default 3)
     * @param candidates stumps per class in the QUBO, the most agreeing first (default 200)
     * @param lambda the price of each chosen stump (default 0.01)
     * @param anneal the annealer's settings
     * @param score how class outputs become AUC scores: {@code raw} (default) or {@code softmax}
     */
    public record Settings(Integer thresholds, Integer candidates, Double lambda, SimulatedAnnealing.Settings anneal, String score) {
        public Settings {
            if (thresholds == null) thresholds = 3;
            if (candidates == null) candidates = 200;
            if (lambda == null) lambda = 0.01;
            if (anneal == null) anneal = new SimulatedAnnealing.Settings(1000, 4, null, null);
            if (score == null) score = "raw";
            Scores.check(score);
            Check.positive("thresholds", thresholds);
            Check.positive("candidates", candidates);
            Check.nonNegative("lambda", lambda);
        }
    }

    /** A stump: +polarity when x[feature] > threshold, else -polarity. */
    public record Stump(int feature, double threshold, int polarity) {
        public int apply(float[] x, int offset) {
            return x[offset + feature] > threshold ? polarity : -polarity;
        }
    }

    /** Per class the chosen stumps and N (the candidate count the output is divided by). */
    public record Model(List<List<Stump>> chosen, int n, String score) implements Classifier {
        @Override
        public double[][] scores(float[] x, int count) {
            int d = x.length / Math.max(1, count);
            double[][] out = new double[count][chosen.size()];
            for (int i = 0; i < count; i++) {
                for (int c = 0; c < chosen.size(); c++) {
                    double s = 0;
                    for (Stump st : chosen.get(c)) s += st.apply(x, i * d);
                    out[i][c] = s / n;
                }
            }
            return Scores.apply(score, out);
        }
    }

    private final Settings settings;

    public QBoost(Settings settings) {
        this.settings = settings;
    }

    /**
     * The QBoost QUBO for weak-classifier outputs {@code h[i][s]} (N classifiers by S samples) and
     * targets y_s; its energy plus sum_s y_s^2 (in the offset) equals L(w) for every w.
     */
    public static Qubo qubo(int[][] h, double[] y, double lambda) {
        int n = h.length, samples = y.length;
        Qubo q = new Qubo(n);
        double yy = 0;
        for (double v : y) yy += v * v;
        q.addOffset(yy);
        for (int i = 0; i < n; i++) {
            double hy = 0;
            for (int s = 0; s < samples; s++) hy += h[i][s] * y[s];
            q.add(i, i, samples / ((double) n * n) - 2.0 / n * hy + lambda);
            for (int j = i + 1; j < n; j++) {
                long hh = 0;
                for (int s = 0; s < samples; s++) hh += h[i][s] * h[j][s];
                q.add(i, j, 2.0 / ((double) n * n) * hh);
            }
        }
        return q;
    }

    /** L(w) computed directly: the reference for the QUBO. */
    public static double loss(int[][] h, double[] y, double lambda, byte[] w) {
        int n = h.length;
        double loss = 0;
        for (int s = 0; s < y.length; s++) {
            double f = 0;
            for (int i = 0; i < n; i++) f += w[i] * h[i][s];
            double r = f / n - y[s];
            loss += r * r;
        }
        for (byte b : w) loss += lambda * b;
        return loss;
    }

    public Model train(Examples data, Rng rng, int threads) {
        int d = data.d(), samples = data.size(), t = settings.thresholds();
        SimulatedAnnealing sa = new SimulatedAnnealing(settings.anneal());
        int n = Math.min(settings.candidates(), d * t);
        List<List<Stump>> chosen = BatchSolves.run(data.classes(), threads, c -> {
            double[] y = data.oneVsRest(c);
            long positives = 0;
            for (double v : y) if (v > 0) positives++;
            long negatives = samples - positives;
            Stump[] all = new Stump[d * t];
            long[] agree = new long[d * t];
            for (int p = 0; p < d; p++) {
                for (int j = 0; j < t; j++) {
                    double th = (j + 1) / (double) (t + 1);
                    long onPos = 0, onNeg = 0;
                    for (int s = 0; s < samples; s++) {
                        if (data.x()[s * d + p] > th) {
                            if (y[s] > 0) onPos++;
                            else onNeg++;
                        }
                    }
                    // balanced agreement: P(h = +1 | class) - P(h = +1 | rest), scaled to integers
                    long a = onPos * negatives - onNeg * positives;
                    all[p * t + j] = new Stump(p, th, a >= 0 ? 1 : -1);
                    agree[p * t + j] = Math.abs(a);
                }
            }
            Integer[] order = new Integer[all.length];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> agree[a] != agree[b] ? Long.compare(agree[b], agree[a]) : Integer.compare(a, b));
            int[][] h = new int[n][samples];
            Stump[] cand = new Stump[n];
            for (int i = 0; i < n; i++) {
                cand[i] = all[order[i]];
                for (int s = 0; s < samples; s++) h[i][s] = cand[i].apply(data.x(), s * d);
            }
            byte[] w = sa.solve(qubo(h, y, settings.lambda()), rng.child("solve").child(c)).best();
            List<Stump> keep = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) if (w[i] != 0) keep.add(cand[i]);
            return List.copyOf(keep);
        });
        return new Model(chosen, n, settings.score());
    }
}
