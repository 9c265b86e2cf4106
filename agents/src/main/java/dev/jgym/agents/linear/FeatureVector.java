package dev.jgym.agents.linear;

/**
 * A feature vector x(s) in sparse form: {@code n} pairs (index, value), the non-zero features of one
 * observation. Dense bases (polynomial, Fourier) fill every index; one-hot, aggregation and tile
 * coding fill one per group or tiling. Reused from step to step, so encoding allocates nothing.
 */
public final class FeatureVector {
    final int[] index;
    final double[] value;
    int n;

    public FeatureVector(int capacity) {
        index = new int[capacity];
        value = new double[capacity];
    }

    void clear() {
        n = 0;
    }

    void put(int i, double v) {
        index[n] = i;
        value[n++] = v;
    }

    /** wᵀx. */
    public double dot(double[] w) {
        double s = 0;
        for (int k = 0; k < n; k++) s += w[index[k]] * value[k];
        return s;
    }

    /** w ← w + scale · x. */
    public void addTo(double[] w, double scale) {
        for (int k = 0; k < n; k++) w[index[k]] += scale * value[k];
    }

    /** Makes this hold the features of {@code other}. */
    void set(FeatureVector other) {
        System.arraycopy(other.index, 0, index, 0, other.n);
        System.arraycopy(other.value, 0, value, 0, other.n);
        n = other.n;
    }

    /** A copy holding the same features. */
    public FeatureVector copy() {
        FeatureVector c = new FeatureVector(n);
        System.arraycopy(index, 0, c.index, 0, n);
        System.arraycopy(value, 0, c.value, 0, n);
        c.n = n;
        return c;
    }

    public int size() {
        return n;
    }

    public int index(int k) {
        return index[k];
    }

    public double value(int k) {
        return value[k];
    }
}
