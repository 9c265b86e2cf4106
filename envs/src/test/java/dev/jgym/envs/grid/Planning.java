package dev.jgym.envs.grid;

import dev.jgym.core.env.TabularModel;
import dev.jgym.core.env.TabularModel.Outcome;

/** Finite-horizon value iteration over a {@link TabularModel}, for the tests' reference optima. */
final class Planning {
    private Planning() {}

    /** V_h(s): the best expected undiscounted return of h steps from s (terminal outcomes stop). */
    static double[] optimalValues(TabularModel m, int horizon) {
        double[] v = new double[m.stateCount()], next = new double[m.stateCount()];
        for (int h = 0; h < horizon; h++) {
            for (int s = 0; s < m.stateCount(); s++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < m.actionCount(); a++) {
                    double q = 0;
                    for (Outcome o : m.transitions(s, a)) q += o.probability() * (o.reward() + (o.terminated() ? 0 : v[o.nextState()]));
                    best = Math.max(best, q);
                }
                next[s] = best;
            }
            double[] t = v;
            v = next;
            next = t;
        }
        return v;
    }

    /** The expectation of {@code values} under the start distribution. */
    static double fromStart(TabularModel m, double[] values) {
        double[] d = m.initialDistribution();
        double sum = 0;
        for (int s = 0; s < d.length; s++) sum += d[s] * values[s];
        return sum;
    }
}
