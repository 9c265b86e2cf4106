package dev.jgym.nn.anneal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.rng.Rng;

/**
 * Simulated annealing for a {@link Qubo} (Kirkpatrick, Gelatt and Vecchi, 1983), in the form
 * D-Wave's {@code neal} sampler popularised: single-bit Metropolis flips over the variables in
 * order, one sweep per temperature step, inverse temperature beta rising geometrically from
 * {@code beta_start} to {@code beta_end}, several independent reads, the best one kept.
 *
 * <p>Flipping x_i changes the energy by {@code dE_i = (1 - 2 x_i) (Q_ii + g_i)} where
 * {@code g_i = sum_{j != i} Q_ij x_j} is the variable's local field. The fields are cached and
 * updated along one row of couplings when a flip is accepted, so a proposal costs O(1) and an
 * accepted flip O(n). After the last sweep a greedy descent flips the best improving bit until
 * none improves, so every read ends in a local minimum.
 *
 * <p>Default temperatures (as {@code neal} chooses them): the hottest step accepts the largest
 * possible energy rise with probability 1/2 ({@code beta_start = ln 2 / max_i (|Q_ii| +
 * sum_j |Q_ij|)}); the coldest accepts the smallest non-zero coefficient's rise with
 * probability 1/100 ({@code beta_end = ln 100 / min |Q|}).
 *
 * <p>Randomness: read r starts from a uniform random state and draws its acceptance numbers from
 * {@code rng.child(r)}; the result depends only on the problem, the settings and the stream's
 * seed. Acceptance uses {@link StrictMath#exp}, so results agree on every JVM.
 */
public final class SimulatedAnnealing {

    /**
     * @param sweeps temperature steps per read, one sweep over all variables each (default 1000)
     * @param reads independent restarts; the lowest energy wins (default 10)
     * @param betaStart inverse temperature of the first sweep (default: from the problem, see above)
     * @param betaEnd inverse temperature of the last sweep (default: from the problem)
     */
    public record Settings(Integer sweeps, Integer reads, @JsonProperty("beta_start") Double betaStart,
                           @JsonProperty("beta_end") Double betaEnd) {
        public Settings {
            if (sweeps == null) sweeps = 1000;
            if (reads == null) reads = 10;
            Check.positive("sweeps", sweeps);
            Check.positive("reads", reads);
            if (betaStart != null) Check.positive("beta_start", betaStart);
            if (betaEnd != null) Check.positive("beta_end", betaEnd);
            if (betaStart != null && betaEnd != null) {
                Check.that(betaEnd >= betaStart, "beta_end", "expected a number >= beta_start (" + betaStart + "), found " + betaEnd);
            }
        }

        public static Settings defaults() {
            return new Settings(null, null, null, null);
        }

        public Settings withSweeps(int s) {
            return new Settings(s, reads, betaStart, betaEnd);
        }

        public Settings withReads(int r) {
            return new Settings(sweeps, r, betaStart, betaEnd);
        }
    }

    /** The best state found, its energy, and the energy each read ended with (in read order). */
    public record Result(byte[] best, double energy, double[] readEnergies) {}

    private final Settings settings;

    public SimulatedAnnealing(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** The [beta_start, beta_end] this solver uses on the problem. */
    public double[] betaRange(Qubo q) {
        int n = q.size();
        double[] lin = q.linearArray(), c = q.couplingArray();
        double maxDelta = 0, minCoef = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double d = Math.abs(lin[i]);
            if (d > 0) minCoef = Math.min(minCoef, d);
            int row = i * n;
            for (int j = 0; j < n; j++) {
                double a = Math.abs(c[row + j]);
                d += a;
                if (a > 0) minCoef = Math.min(minCoef, a);
            }
            maxDelta = Math.max(maxDelta, d);
        }
        if (maxDelta == 0) return new double[] {1, 1}; // every state has the same energy
        double hot = settings.betaStart() != null ? settings.betaStart() : Math.log(2) / maxDelta;
        double cold = settings.betaEnd() != null ? settings.betaEnd() : Math.log(100) / minCoef;
        return new double[] {hot, Math.max(hot, cold)};
    }

    /** Minimises the QUBO; reads r = 0, 1, ... use {@code rng.child(r)}. */
    public Result solve(Qubo q, Rng rng) {
        int n = q.size();
        double[] beta = betaRange(q);
        int sweeps = settings.sweeps(), reads = settings.reads();
        double[] schedule = new double[sweeps];
        for (int t = 0; t < sweeps; t++) {
            schedule[t] = sweeps == 1 ? beta[1] : beta[0] * StrictMath.pow(beta[1] / beta[0], t / (double) (sweeps - 1));
        }
        byte[] x = new byte[n], best = null;
        double[] field = new double[n];
        double[] energies = new double[reads];
        double bestEnergy = Double.POSITIVE_INFINITY;
        for (int r = 0; r < reads; r++) {
            Rng stream = rng.child(r);
            for (int i = 0; i < n; i++) x[i] = (byte) (stream.nextBoolean() ? 1 : 0);
            anneal(q, x, field, schedule, stream);
            energies[r] = q.energy(x);
            if (energies[r] < bestEnergy) {
                bestEnergy = energies[r];
                best = x.clone();
            }
        }
        return new Result(best, bestEnergy, energies);
    }

    /** Anneals x in place along the schedule, then descends greedily to a local minimum. */
    static void anneal(Qubo q, byte[] x, double[] field, double[] schedule, Rng rng) {
        int n = q.size();
        double[] lin = q.linearArray(), c = q.couplingArray();
        java.util.Arrays.fill(field, 0);
        for (int j = 0; j < n; j++) if (x[j] != 0) axpy(1, c, j * n, field, n);
        for (double beta : schedule) {
            for (int i = 0; i < n; i++) {
                double delta = (x[i] == 0 ? 1 : -1) * (lin[i] + field[i]);
                if (delta > 0) {
                    double exponent = beta * delta;
                    if (exponent > 40 || rng.nextDouble() >= StrictMath.exp(-exponent)) continue;
                }
                flip(x, field, c, i, n);
            }
        }
        descend(lin, c, x, field, n);
    }

    /** Steepest descent by single flips (ties: the lowest index) until no flip lowers the energy. */
    static void descend(double[] lin, double[] c, byte[] x, double[] field, int n) {
        while (true) {
            int bestI = -1;
            double bestDelta = 0;
            for (int i = 0; i < n; i++) {
                double delta = (x[i] == 0 ? 1 : -1) * (lin[i] + field[i]);
                if (delta < bestDelta) {
                    bestDelta = delta;
                    bestI = i;
                }
            }
            if (bestI < 0) return;
            flip(x, field, c, bestI, n);
        }
    }

    private static void flip(byte[] x, double[] field, double[] c, int i, int n) {
        double d = x[i] == 0 ? 1 : -1;
        x[i] = (byte) (1 - x[i]);
        axpy(d, c, i * n, field, n);
    }

    private static void axpy(double a, double[] c, int row, double[] y, int n) {
        for (int j = 0; j < n; j++) y[j] += a * c[row + j];
    }
}
