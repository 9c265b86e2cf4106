package dev.jgym.core.nn;

/**
 * Rosenblatt's perceptron (1958): {@code y = step(w . x + b)}, with y in {0, 1}, trained by the
 * perceptron learning rule, one example at a time:
 * <pre>
 *   w += lr (t - y) x,   b += lr (t - y)
 * </pre>
 * By Novikoff's theorem (1962) the rule stops making mistakes after finitely many updates when
 * the classes are linearly separable; on XOR they are not, and it never settles.
 */
public final class Perceptron {
    private final double[] w;
    private double b;
    private final double lr;

    public Perceptron(int inputs, double lr) {
        this.w = new double[inputs];
        this.lr = lr;
    }

    public int predict(float[] x) {
        double s = b;
        for (int i = 0; i < w.length; i++) s += w[i] * x[i];
        return s >= 0 ? 1 : 0;
    }

    /** One pass over the examples in order; returns how many it got wrong (and corrected). */
    public int epoch(float[][] xs, int[] targets) {
        int mistakes = 0;
        for (int n = 0; n < xs.length; n++) {
            int err = targets[n] - predict(xs[n]);
            if (err != 0) {
                mistakes++;
                for (int i = 0; i < w.length; i++) w[i] += lr * err * xs[n][i];
                b += lr * err;
            }
        }
        return mistakes;
    }

    /** Trains until an epoch without mistakes; returns the epochs used, or -1 if maxEpochs ran out. */
    public int train(float[][] xs, int[] targets, int maxEpochs) {
        for (int e = 1; e <= maxEpochs; e++) if (epoch(xs, targets) == 0) return e;
        return -1;
    }

    public double[] weights() {
        return w.clone();
    }

    public double bias() {
        return b;
    }
}
