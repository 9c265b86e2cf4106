package dev.jgym.core.env.wrappers;

import java.util.Arrays;

/**
 * Running mean and variance of vectors (Chan, Golub and LeVeque's parallel update, as Gymnasium's
 * {@code RunningMeanStd}): starts at mean 0, variance 1, count 1e-4, and each {@link #update}
 * folds in one sample. Its {@link State} is plain data, saved with an agent and restored later.
 */
public final class RunningMeanStd {
    /** Everything the statistics are: mean and variance per coordinate, and the (fractional) count. */
    public record State(double[] mean, double[] var, double count) {
        public State {
            if (mean.length != var.length) throw new IllegalArgumentException("mean and var lengths differ: " + mean.length + " vs " + var.length);
            mean = mean.clone();
            var = var.clone();
        }
    }

    private final double[] mean, var;
    private double count;

    public RunningMeanStd(int size) {
        mean = new double[size];
        var = new double[size];
        Arrays.fill(var, 1.0);
        count = 1e-4;
    }

    public int size() {
        return mean.length;
    }

    /** Adds one sample (a batch of one: batch variance 0). */
    public void update(float[] x) {
        update(x, 0);
    }

    /** Adds one sample, the {@link #size()} values of {@code x} from {@code offset} (a row of a batch). */
    public void update(float[] x, int offset) {
        double total = count + 1;
        for (int i = 0; i < mean.length; i++) {
            double delta = x[offset + i] - mean[i];
            mean[i] = mean[i] + delta / total;
            var[i] = (var[i] * count + delta * delta * count / total) / total;
        }
        count = total;
    }

    /** Adds one scalar sample (size 1). */
    public void update(double x) {
        double total = count + 1, delta = x - mean[0];
        mean[0] = mean[0] + delta / total;
        var[0] = (var[0] * count + delta * delta * count / total) / total;
        count = total;
    }

    public double mean(int i) {
        return mean[i];
    }

    public double var(int i) {
        return var[i];
    }

    public double count() {
        return count;
    }

    public State state() {
        return new State(mean, var, count);
    }

    public void restore(State s) {
        if (s.mean().length != mean.length) {
            throw new IllegalArgumentException("running statistics of size " + s.mean().length + " cannot restore size " + mean.length);
        }
        System.arraycopy(s.mean(), 0, mean, 0, mean.length);
        System.arraycopy(s.var(), 0, var, 0, var.length);
        count = s.count();
    }
}
