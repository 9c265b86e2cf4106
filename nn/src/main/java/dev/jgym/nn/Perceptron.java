package dev.jgym.nn;

/**
 * Rosenblatt's perceptron (1958): {@code y = step(w . x + b)}, with y in {0, 1}, trained by the
 * perceptron learning rule, one example at a time, only on a mistake:
 * <pre>
 *   w += lr (t - y) x,   b += lr (t - y)
 * </pre>
 * With labels written as ±1 (t = 1 is +1, t = 0 is −1) this is the seeds' form: on a mistake,
 * {@code w += lr · label · x}.
 *
 * <p>Two options (the defaults are Rosenblatt's step, as {@link #Perceptron(int, double)} builds):
 * <ul>
 *   <li>{@code bias} (default true): learn b; without it b stays 0 and the boundary goes through
 *       the origin.
 *   <li>{@link Tie}, what an activation of exactly 0 counts as: {@link Tie#ONE} (default, the
 *       step function {@code s >= 0}), {@link Tie#ZERO}, or {@link Tie#MISTAKE}: a point on the
 *       boundary is wrong for either label, so training updates whenever
 *       {@code label · (w . x + b) <= 0}.
 * </ul>
 *
 * <p>The seeds' worked example (six mails over the words "and, viagra, the, of, nigeria", lr 1/2,
 * weights 0, no bias, passes until none is wrong) ends at w = (0, 1, 0, −1/2, 1/2) after two
 * passes under {@link Tie#MISTAKE}, the seeds' reading ("misclassified" when
 * {@code label · w . x <= 0}): pass 1 corrects v1 (activation 0), v2 (1/2), v3 (0) and v4 (1/2),
 * pass 2 finds nothing wrong. {@link Tie#ZERO} happens to end there too. Under {@link Tie#ONE}
 * v1's activation 0 already counts as spam, so only v2 and v3 are corrected and training ends at
 * (0, 1/2, 0, −1/2, 0). {@code PerceptronTest} holds all three.
 *
 * <p>By Novikoff's theorem (1962) the rule stops making mistakes after finitely many updates when
 * the classes are linearly separable; on XOR they are not, and it never settles.
 */
public final class Perceptron {
    /** What a zero activation {@code w . x + b = 0} counts as. */
    public enum Tie {
        /** Class 1, as the step function {@code s >= 0} (the default). */
        ONE,
        /** Class 0. */
        ZERO,
        /** Neither: a mistake for both labels (update when {@code label · s <= 0}). */
        MISTAKE
    }

    private final double[] w;
    private double b;
    private final double lr;
    private final boolean bias;
    private final Tie tie;

    /** With a bias and zero activations counted as class 1 (Rosenblatt's step). */
    public Perceptron(int inputs, double lr) {
        this(inputs, lr, true, Tie.ONE);
    }

    public Perceptron(int inputs, double lr, boolean bias, Tie tie) {
        this.w = new double[inputs];
        this.lr = lr;
        this.bias = bias;
        this.tie = tie;
    }

    /** The activation {@code w . x + b}: the signed score whose sign {@link #predict} reads. */
    public double activation(float[] x) {
        double s = b;
        for (int i = 0; i < w.length; i++) s += w[i] * x[i];
        return s;
    }

    /** The class, 0 or 1; a zero activation gives 0 under {@link Tie#ZERO}, else 1. */
    public int predict(float[] x) {
        double s = activation(x);
        return s > 0 || (s == 0 && tie != Tie.ZERO) ? 1 : 0;
    }

    private boolean wrong(float[] x, int target) {
        double s = activation(x);
        if (s == 0 && tie == Tie.MISTAKE) return true;
        return (s > 0 || (s == 0 && tie == Tie.ONE) ? 1 : 0) != target;
    }

    /** One pass over the examples in order; returns how many it got wrong (and corrected). */
    public int epoch(float[][] xs, int[] targets) {
        int mistakes = 0;
        for (int n = 0; n < xs.length; n++) {
            if (wrong(xs[n], targets[n])) {
                int err = targets[n] == 1 ? 1 : -1;
                mistakes++;
                for (int i = 0; i < w.length; i++) w[i] += lr * err * xs[n][i];
                if (bias) b += lr * err;
            }
        }
        return mistakes;
    }

    /**
     * Trains until an epoch without mistakes; returns the epochs used (the clean one counted), or
     * -1 if maxEpochs ran out.
     */
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
