package dev.jgym.nn.anneal;

/**
 * An Ising Hamiltonian over spins s_i in {-1, +1}:
 * <pre>  H(s) = offset + sum_i h_i s_i + sum_{i<j} J_ij s_i s_j.</pre>
 *
 * <p>The physicist's form of a {@link Qubo}; {@link #toQubo()} and {@link Qubo#toIsing()} convert
 * exactly (up to rounding) through x = (s + 1) / 2. Models built from data with +-1 weights
 * (the Ising layers of the shallow-and-wide classifier) are written here, then solved as QUBOs.
 */
public final class Ising {
    private final int n;
    private final double[] fields;
    private final double[] couplings;
    private double offset;

    public Ising(int n) {
        if (n < 1) throw new IllegalArgumentException("an Ising model needs at least one spin, found " + n);
        if ((long) n * n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("too many spins for a dense model: " + n);
        this.n = n;
        this.fields = new double[n];
        this.couplings = new double[n * n];
    }

    public int size() {
        return n;
    }

    public void addField(int i, double v) {
        fields[i] += v;
    }

    /** Adds v to J_ij, i != j (the coefficient of s_i s_j). */
    public void addCoupling(int i, int j, double v) {
        if (i == j) throw new IllegalArgumentException("s_i s_i = 1 is a constant: add it to the offset");
        couplings[i * n + j] += v;
        couplings[j * n + i] += v;
    }

    public void addOffset(double v) {
        offset += v;
    }

    public double field(int i) {
        return fields[i];
    }

    public double coupling(int i, int j) {
        return i == j ? 0 : couplings[i * n + j];
    }

    public double offset() {
        return offset;
    }

    /** H(s) for s_i in {-1, +1}. */
    public double energy(byte[] s) {
        if (s.length != n) throw new IllegalArgumentException("expected " + n + " spins, found " + s.length);
        double e = offset;
        for (int i = 0; i < n; i++) {
            e += fields[i] * s[i];
            int row = i * n;
            double local = 0;
            for (int j = i + 1; j < n; j++) local += couplings[row + j] * s[j];
            e += s[i] * local;
        }
        return e;
    }

    /**
     * The same problem over x = (s + 1) / 2 in {0, 1}: s = 2x - 1 gives
     * {@code Q_ii = 2 h_i - 2 sum_{j != i} J_ij}, {@code Q_ij = 4 J_ij}, and the constant
     * {@code -sum h_i + sum_{i<j} J_ij}.
     */
    public Qubo toQubo() {
        Qubo q = new Qubo(n);
        double constant = offset;
        for (int i = 0; i < n; i++) {
            double diag = 2 * fields[i];
            constant -= fields[i];
            for (int j = 0; j < n; j++) {
                if (j == i) continue;
                double jij = couplings[i * n + j];
                diag -= 2 * jij;
                if (j > i) {
                    q.add(i, j, 4 * jij);
                    constant += jij;
                }
            }
            q.add(i, i, diag);
        }
        q.addOffset(constant);
        return q;
    }

    /** Spins from binary values: s = 2x - 1. */
    public static byte[] spins(byte[] x) {
        byte[] s = new byte[x.length];
        for (int i = 0; i < x.length; i++) s[i] = (byte) (x[i] != 0 ? 1 : -1);
        return s;
    }

    /** Binary values from spins: x = (s + 1) / 2. */
    public static byte[] binary(byte[] s) {
        byte[] x = new byte[s.length];
        for (int i = 0; i < s.length; i++) x[i] = (byte) (s[i] > 0 ? 1 : 0);
        return x;
    }
}
