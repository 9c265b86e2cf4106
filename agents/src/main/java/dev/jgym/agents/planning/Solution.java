package dev.jgym.agents.planning;

/**
 * What a planner found for a finite MDP.
 *
 * @param values v(s) for every state
 * @param q q(s, a), flat: {@code q[s * actions + a]}
 * @param policy a greedy action per state (the lowest-numbered one among values within
 *     {@link #TIE} of the best, so the result never depends on a random draw)
 * @param iterations sweeps of value iteration, or policy-improvement steps of policy iteration
 * @param actions the number of actions
 */
public record Solution(double[] values, double[] q, int[] policy, int iterations, int actions) {
    /** Action values this close count as tied when a policy is read off them. */
    public static final double TIE = 1e-9;

    /** q(s, a). */
    public double q(int s, int a) {
        return q[s * actions + a];
    }

    /** v(s). */
    public double value(int s) {
        return values[s];
    }

    /** True when {@code a} is within {@link #TIE} of the best action in s (an optimal action, ties included). */
    public boolean isGreedy(int s, int a) {
        double best = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < actions; b++) best = Math.max(best, q(s, b));
        return q(s, a) >= best - TIE;
    }

    /** The gap between the best and second-best action values in s (0 when tied). */
    public double gap(int s) {
        double best = Double.NEGATIVE_INFINITY, second = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < actions; b++) {
            double v = q(s, b);
            if (v > best) {
                second = best;
                best = v;
            } else if (v > second) {
                second = v;
            }
        }
        return actions < 2 ? 0 : best - second;
    }

    static int[] greedy(FlatModel m, double[] q) {
        int[] policy = new int[m.nS];
        for (int s = 0; s < m.nS; s++) {
            int best = 0;
            for (int a = 1; a < m.nA; a++) {
                if (q[s * m.nA + a] > q[s * m.nA + best] + TIE) best = a;
            }
            policy[s] = best;
        }
        return policy;
    }

    static double[] actionValues(FlatModel m, double[] v, double gamma) {
        double[] q = new double[m.nS * m.nA];
        for (int s = 0; s < m.nS; s++) {
            for (int a = 0; a < m.nA; a++) q[s * m.nA + a] = m.backup(s, a, v, gamma);
        }
        return q;
    }
}
