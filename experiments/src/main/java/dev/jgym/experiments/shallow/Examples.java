package dev.jgym.experiments.shallow;

/**
 * Labelled examples in one row-major float array: n rows of d features, labels in [0, classes).
 * Images keep their side so weight maps can be drawn.
 */
public record Examples(float[] x, int[] y, int d, int classes, int height, int width) {
    public Examples {
        if (x.length != (long) y.length * d) throw new IllegalArgumentException(y.length + " examples of " + d + " features need " + (long) y.length * d + " values, found " + x.length);
        for (int l : y) if (l < 0 || l >= classes) throw new IllegalArgumentException("label " + l + " outside [0, " + classes + ")");
    }

    public int size() {
        return y.length;
    }

    /** +1 for examples of class c, -1 for the rest. */
    public double[] oneVsRest(int c) {
        double[] t = new double[y.length];
        for (int i = 0; i < t.length; i++) t[i] = y[i] == c ? 1 : -1;
        return t;
    }
}
