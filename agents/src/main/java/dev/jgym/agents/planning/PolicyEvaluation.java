package dev.jgym.agents.planning;

import dev.jgym.core.env.TabularModel;

/**
 * Iterative policy evaluation (Sutton &amp; Barto, 2nd ed., section 4.1): the value of a given
 * policy, stochastic or not, by sweeping
 * <pre>  v(s) ← Σ_a π(a|s) Σ_{s', r} p(s', r | s, a) [r + γ v(s')]</pre>
 * until no value changes by more than θ (in place, or {@link #sweep synchronously} as Figure 4.1
 * prints its v_k); and the finite-horizon form, which gives the exact
 * chance of success within a time limit.
 */
public final class PolicyEvaluation {
    private PolicyEvaluation() {}

    /** The uniformly random policy, flat {@code pi[s * nA + a]}. */
    public static double[] uniform(FlatModel m) {
        double[] pi = new double[m.nS * m.nA];
        java.util.Arrays.fill(pi, 1.0 / m.nA);
        return pi;
    }

    /** A deterministic policy as probabilities. */
    public static double[] deterministic(FlatModel m, int[] policy) {
        double[] pi = new double[m.nS * m.nA];
        for (int s = 0; s < m.nS; s++) pi[s * m.nA + policy[s]] = 1;
        return pi;
    }

    public static double[] evaluate(TabularModel model, double[] pi, double gamma) {
        return evaluate(new FlatModel(model), pi, gamma, 1e-12, 1_000_000);
    }

    /** v_π by in-place sweeps; {@code pi[s * nA + a]} = π(a|s). */
    public static double[] evaluate(FlatModel m, double[] pi, double gamma, double theta, int maxSweeps) {
        double[] v = new double[m.nS];
        for (int sweep = 1; ; sweep++) {
            double delta = 0;
            for (int s = 0; s < m.nS; s++) {
                double sum = 0;
                for (int a = 0; a < m.nA; a++) {
                    double p = pi[s * m.nA + a];
                    if (p != 0) sum += p * m.backup(s, a, v, gamma);
                }
                delta = Math.max(delta, Math.abs(sum - v[s]));
                v[s] = sum;
            }
            if (delta < theta) return v;
            if (sweep >= maxSweeps) throw new IllegalStateException("policy evaluation did not converge in " + sweep + " sweeps");
        }
    }

    /**
     * One synchronous (two-array) sweep, as Figure 4.1 computes v_k: every new value from the
     * old array, v_{k+1}(s) = Σ_a π(a|s) Σ_{s', r} p(s', r | s, a) [r + γ v_k(s')].
     */
    public static double[] sweep(FlatModel m, double[] pi, double[] v, double gamma) {
        double[] next = new double[m.nS];
        for (int s = 0; s < m.nS; s++) {
            for (int a = 0; a < m.nA; a++) {
                double p = pi[s * m.nA + a];
                if (p != 0) next[s] += p * m.backup(s, a, v, gamma);
            }
        }
        return next;
    }

    /**
     * The expected undiscounted return of at most {@code horizon} steps from each state under a
     * deterministic policy. For a task whose only reward is 1 at the goal (FrozenLake) it is the
     * probability of reaching the goal within the time limit.
     */
    public static double[] finiteHorizon(FlatModel m, int[] policy, int horizon) {
        double[] v = new double[m.nS], next = new double[m.nS];
        for (int h = 0; h < horizon; h++) {
            for (int s = 0; s < m.nS; s++) next[s] = m.backup(s, policy[s], v, 1.0);
            double[] t = v;
            v = next;
            next = t;
        }
        return v;
    }
}
