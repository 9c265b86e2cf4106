package dev.jgym.agents.planning;

import dev.jgym.core.config.Check;
import dev.jgym.core.env.TabularModel;

/**
 * Value iteration (Sutton &amp; Barto, 2nd ed., section 4.4): sweep the Bellman optimality
 * update until the largest change in a sweep is below θ, then read a greedy policy off the values.
 * <pre>  v(s) ← max_a Σ_{s', r} p(s', r | s, a) [r + γ v(s')]</pre>
 * Sweeps update in place (Gauss-Seidel, as the book's pseudocode), states in index order.
 */
public final class ValueIteration {

    /**
     * @param gamma discount γ in [0, 1]; with 1 the MDP must end with probability 1 under the
     *     optimal policy (the grid tasks do)
     * @param theta stop when a sweep changes no value by more than θ (default 1e-10)
     * @param maxSweeps give up after this many sweeps (default 100,000): an error, not a silent answer
     */
    public record Settings(double gamma, double theta, int maxSweeps) {
        public Settings {
            Check.inRange("gamma", gamma, 0, 1);
            Check.positive("theta", theta);
            Check.positive("max_sweeps", maxSweeps);
        }

        public Settings(double gamma) {
            this(gamma, 1e-10, 100_000);
        }
    }

    private ValueIteration() {}

    public static Solution solve(TabularModel model, double gamma) {
        return solve(new FlatModel(model), new Settings(gamma));
    }

    public static Solution solve(FlatModel m, Settings settings) {
        double gamma = settings.gamma();
        double[] v = new double[m.nS];
        int sweeps = 0;
        while (true) {
            double delta = 0;
            for (int s = 0; s < m.nS; s++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < m.nA; a++) best = Math.max(best, m.backup(s, a, v, gamma));
                delta = Math.max(delta, Math.abs(best - v[s]));
                v[s] = best;
            }
            sweeps++;
            if (delta < settings.theta()) break;
            if (sweeps >= settings.maxSweeps()) {
                throw new IllegalStateException("value iteration did not converge in " + sweeps + " sweeps (last change " + delta + ")");
            }
        }
        double[] q = Solution.actionValues(m, v, gamma);
        return new Solution(v, q, Solution.greedy(m, q), sweeps, m.nA);
    }

    /**
     * Value iteration for the best ε-greedy policy (Sutton &amp; Barto, 2nd ed., section 5.4: among
     * ε-soft policies, policy improvement stops at the ε-greedy policy whose values satisfy)
     * <pre>  v(s) = (1 − ε) max_a q(s, a) + (ε / |A|) Σ_a q(s, a),   q(s, a) = Σ_{s', r} p(s', r | s, a) [r + γ v(s')]</pre>
     * These action values are also the fixed point of SARSA's expected update with that fixed ε
     * (q is the value of the ε-greedy policy on q itself), so the {@link Solution#policy} read off
     * them is the greedy policy that constant-ε SARSA approaches as its step size shrinks, given
     * enough visits everywhere. With ε = 0 it is {@link #solve}.
     *
     * @param epsilon ε in [0, 1]
     */
    public static Solution solveEpsilonSoft(FlatModel m, Settings settings, double epsilon) {
        Check.inRange("epsilon", epsilon, 0, 1);
        double gamma = settings.gamma();
        double[] v = new double[m.nS];
        int sweeps = 0;
        while (true) {
            double delta = 0;
            for (int s = 0; s < m.nS; s++) {
                double best = Double.NEGATIVE_INFINITY, sum = 0;
                for (int a = 0; a < m.nA; a++) {
                    double q = m.backup(s, a, v, gamma);
                    best = Math.max(best, q);
                    sum += q;
                }
                double value = (1 - epsilon) * best + epsilon * sum / m.nA;
                delta = Math.max(delta, Math.abs(value - v[s]));
                v[s] = value;
            }
            sweeps++;
            if (delta < settings.theta()) break;
            if (sweeps >= settings.maxSweeps()) {
                throw new IllegalStateException("epsilon-soft value iteration did not converge in " + sweeps + " sweeps (last change " + delta + ")");
            }
        }
        double[] q = Solution.actionValues(m, v, gamma);
        return new Solution(v, q, Solution.greedy(m, q), sweeps, m.nA);
    }

    /**
     * Finite-horizon value iteration: the best expected undiscounted return of at most
     * {@code horizon} steps from each state (the optimal policy may change with the steps left).
     * For a task whose only reward is 1 at the goal, the best chance of success within a time limit.
     */
    public static double[] finiteHorizon(FlatModel m, int horizon) {
        double[] v = new double[m.nS], next = new double[m.nS];
        for (int h = 0; h < horizon; h++) {
            for (int s = 0; s < m.nS; s++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < m.nA; a++) best = Math.max(best, m.backup(s, a, v, 1.0));
                next[s] = best;
            }
            double[] t = v;
            v = next;
            next = t;
        }
        return v;
    }
}
