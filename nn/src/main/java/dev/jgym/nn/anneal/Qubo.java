package dev.jgym.nn.anneal;

import java.util.Arrays;

/**
 * A quadratic unconstrained binary optimisation problem: minimise
 * <pre>  E(x) = offset + sum_i Q_ii x_i + sum_{i<j} Q_ij x_i x_j,   x_i in {0, 1}.</pre>
 *
 * <p>Held as a linear part {@code q[i] = Q_ii} and a dense symmetric coupling matrix
 * {@code c[i*n + j] = c[j*n + i] = Q_ij} (zero diagonal), so the solver reads a whole row of
 * couplings contiguously when one variable flips. Built by {@link #add} calls; then read only.
 * Dense storage suits the problems here (a few thousand variables at most: 8 n^2 bytes).
 */
public final class Qubo {
    private final int n;
    private final double[] linear;
    private final double[] couplings;
    private double offset;

    public Qubo(int n) {
        if (n < 1) throw new IllegalArgumentException("a QUBO needs at least one variable, found " + n);
        if ((long) n * n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("too many variables for a dense QUBO: " + n);
        this.n = n;
        this.linear = new double[n];
        this.couplings = new double[n * n];
    }

    public int size() {
        return n;
    }

    /** Adds v to Q_ij (i == j: the linear term; otherwise the coupling of the unordered pair). */
    public void add(int i, int j, double v) {
        if (i == j) {
            linear[i] += v;
        } else {
            couplings[i * n + j] += v;
            couplings[j * n + i] += v;
        }
    }

    public void addOffset(double v) {
        offset += v;
    }

    /** Q_ii. */
    public double linear(int i) {
        return linear[i];
    }

    /** Q_ij for i != j (the coefficient of x_i x_j in the energy). */
    public double coupling(int i, int j) {
        return i == j ? 0 : couplings[i * n + j];
    }

    public double offset() {
        return offset;
    }

    /** The linear terms (shared, do not modify). */
    double[] linearArray() {
        return linear;
    }

    /** The symmetric coupling rows (shared, do not modify). */
    double[] couplingArray() {
        return couplings;
    }

    /** E(x) for x_i in {0, 1}. */
    public double energy(byte[] x) {
        if (x.length != n) throw new IllegalArgumentException("expected " + n + " variables, found " + x.length);
        double e = offset;
        for (int i = 0; i < n; i++) {
            if (x[i] == 0) continue;
            e += linear[i];
            int row = i * n;
            for (int j = i + 1; j < n; j++) if (x[j] != 0) e += couplings[row + j];
        }
        return e;
    }

    /**
     * The same problem over spins s = 2x - 1 in {-1, +1}: with x = (s + 1) / 2,
     * {@code h_i = Q_ii / 2 + sum_{j != i} Q_ij / 4}, {@code J_ij = Q_ij / 4}, and the constant
     * collects {@code sum Q_ii / 2 + sum_{i<j} Q_ij / 4}.
     */
    public Ising toIsing() {
        Ising m = new Ising(n);
        double constant = offset;
        for (int i = 0; i < n; i++) {
            double h = linear[i] / 2;
            constant += linear[i] / 2;
            for (int j = 0; j < n; j++) {
                if (j == i) continue;
                double q = couplings[i * n + j];
                h += q / 4;
                if (j > i) {
                    m.addCoupling(i, j, q / 4);
                    constant += q / 4;
                }
            }
            m.addField(i, h);
        }
        m.addOffset(constant);
        return m;
    }

    @Override
    public String toString() {
        return "Qubo(" + n + " variables, offset " + offset + ", linear " + Arrays.toString(Arrays.copyOf(linear, Math.min(n, 4))) + (n > 4 ? "...)" : ")");
    }
}
