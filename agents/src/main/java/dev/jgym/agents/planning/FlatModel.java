package dev.jgym.agents.planning;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.TabularModel;
import dev.jgym.core.env.TabularModel.Outcome;
import dev.jgym.core.config.UserError;
import java.util.List;

/**
 * A {@link TabularModel} copied once into flat primitive arrays, so the planning sweeps read
 * arrays instead of lists of records: the outcomes of (s, a) are the entries
 * {@code [offset[s * nA + a], offset[s * nA + a + 1])} of {@code prob}, {@code next},
 * {@code reward} and {@code terminal}.
 */
public final class FlatModel {
    final int nS;
    final int nA;
    final int[] offset;
    final double[] prob;
    final int[] next;
    final double[] reward;
    final boolean[] terminal;
    final double[] initial;

    public FlatModel(TabularModel m) {
        nS = m.stateCount();
        nA = m.actionCount();
        offset = new int[nS * nA + 1];
        int total = 0;
        for (int s = 0; s < nS; s++) {
            for (int a = 0; a < nA; a++) {
                offset[s * nA + a] = total;
                total += m.transitions(s, a).size();
            }
        }
        offset[nS * nA] = total;
        prob = new double[total];
        next = new int[total];
        reward = new double[total];
        terminal = new boolean[total];
        int k = 0;
        for (int s = 0; s < nS; s++) {
            for (int a = 0; a < nA; a++) {
                List<Outcome> outcomes = m.transitions(s, a);
                for (Outcome o : outcomes) {
                    prob[k] = o.probability();
                    next[k] = o.nextState();
                    reward[k] = o.reward();
                    terminal[k] = o.terminated();
                    k++;
                }
            }
        }
        initial = m.initialDistribution();
    }

    /** The model of an env that has one (through any wrappers), or a {@link UserError} naming the env. */
    public static TabularModel of(Env<?, ?> env) {
        if (env.unwrapped() instanceof TabularModel m) return m;
        String id = env.spec() == null ? env.unwrapped().getClass().getSimpleName() : env.spec().id();
        throw new UserError(id + ": planning needs an env that exposes its model (TabularModel); this one does not");
    }

    public int states() {
        return nS;
    }

    public int actions() {
        return nA;
    }

    /** q(s, a) = sum over outcomes of p * (r + gamma * v(s')), with v(s') = 0 after a terminal outcome. */
    double backup(int s, int a, double[] v, double gamma) {
        double q = 0;
        for (int i = offset[s * nA + a], end = offset[s * nA + a + 1]; i < end; i++) {
            q += prob[i] * (reward[i] + (terminal[i] ? 0 : gamma * v[next[i]]));
        }
        return q;
    }

    /** True when every action in s stays in s for reward 0: a terminal state drawn without a policy (Figure 4.1's shaded corners). */
    boolean absorbing(int s) {
        for (int i = offset[s * nA], end = offset[s * nA + nA]; i < end; i++) {
            if (prob[i] != 0 && (next[i] != s || reward[i] != 0)) return false;
        }
        return true;
    }

    /** The expectation of {@code values} under the start distribution. */
    public double fromStart(double[] values) {
        double sum = 0;
        for (int s = 0; s < nS; s++) sum += initial[s] * values[s];
        return sum;
    }
}
