package dev.jgym.nn.anneal;

/**
 * The exact minimum of a small {@link Qubo} by visiting all 2^n states in Gray-code order (one
 * flip between neighbours, each energy change from cached local fields): the reference the
 * annealer is tested against. Up to 30 variables; 20 take a few milliseconds.
 */
public final class BruteForce {
    private BruteForce() {}

    /** The lowest-energy state (the first in Gray-code order among equals) and its energy. */
    public static SimulatedAnnealing.Result minimize(Qubo q) {
        int n = q.size();
        if (n > 30) throw new IllegalArgumentException("brute force is for at most 30 variables, found " + n);
        double[] lin = q.linearArray(), c = q.couplingArray();
        byte[] x = new byte[n];
        double[] field = new double[n];
        double e = q.offset(), bestE = e;
        byte[] best = x.clone();
        long states = 1L << n;
        for (long k = 1; k < states; k++) {
            int i = Long.numberOfTrailingZeros(k); // the bit Gray code k flips
            double d = x[i] == 0 ? 1 : -1;
            e += d * (lin[i] + field[i]);
            x[i] = (byte) (1 - x[i]);
            int row = i * n;
            for (int j = 0; j < n; j++) field[j] += d * c[row + j];
            if (e < bestE) {
                bestE = e;
                best = x.clone();
            }
        }
        return new SimulatedAnnealing.Result(best, q.energy(best), new double[] {q.energy(best)});
    }
}
