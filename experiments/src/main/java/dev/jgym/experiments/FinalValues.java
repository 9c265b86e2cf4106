package dev.jgym.experiments;

import dev.jgym.agents.tabular.StateIndex;
import dev.jgym.agents.tabular.ValueEstimates;

/**
 * One agent's value estimates at the end of its runs, summed run by run and then averaged:
 * V per state, Q per state and action (for action-value learners), and with {@code true_values}
 * the squared error of each listed state's V. Sums are taken in run order within a block and in
 * block order across blocks, so the means do not depend on the thread count.
 */
public final class FinalValues {
    private final StateIndex states;
    private final int actions;
    private final int[] actionNumbers;
    private final double[] v;
    private final double[] q;
    private final ValueErrors errors;
    private final double[] squaredErrors;
    private int runs;

    private FinalValues(ValueEstimates e, ValueErrors errors) {
        this.states = e.states();
        this.actions = e.actions();
        this.actionNumbers = new int[actions];
        for (int a = 0; a < actions; a++) actionNumbers[a] = e.action(a);
        this.v = new double[states.size()];
        this.q = new double[states.size() * actions];
        this.errors = errors;
        this.squaredErrors = errors == null ? null : new double[errors.rows.length];
    }

    /** {@code sums} (or a new sum when null) plus one run's final estimates. */
    static FinalValues add(FinalValues sums, ValueEstimates e, ValueErrors errors) {
        FinalValues f = sums == null ? new FinalValues(e, errors) : sums;
        for (int s = 0; s < f.v.length; s++) {
            f.v[s] += e.stateValue(s);
            for (int a = 0; a < f.actions; a++) f.q[s * f.actions + a] += e.actionValue(s, a);
        }
        if (errors != null) {
            for (int i = 0; i < errors.rows.length; i++) {
                double d = e.stateValue(errors.rows[i]) - errors.truth[i];
                f.squaredErrors[i] += d * d;
            }
        }
        f.runs++;
        return f;
    }

    /** The blocks' sums, added in the order given, divided by the runs: the means over runs. */
    static FinalValues mean(java.util.List<FinalValues> blocks) {
        FinalValues first = blocks.get(0);
        FinalValues m = new FinalValues(first.states, first.actions, first.actionNumbers, first.errors);
        for (FinalValues b : blocks) {
            for (int i = 0; i < m.v.length; i++) m.v[i] += b.v[i];
            for (int i = 0; i < m.q.length; i++) m.q[i] += b.q[i];
            if (m.squaredErrors != null) for (int i = 0; i < m.squaredErrors.length; i++) m.squaredErrors[i] += b.squaredErrors[i];
            m.runs += b.runs;
        }
        for (int i = 0; i < m.v.length; i++) m.v[i] /= m.runs;
        for (int i = 0; i < m.q.length; i++) m.q[i] /= m.runs;
        if (m.squaredErrors != null) for (int i = 0; i < m.squaredErrors.length; i++) m.squaredErrors[i] /= m.runs;
        return m;
    }

    private FinalValues(StateIndex states, int actions, int[] actionNumbers, ValueErrors errors) {
        this.states = states;
        this.actions = actions;
        this.actionNumbers = actionNumbers;
        this.v = new double[states.size()];
        this.q = new double[states.size() * actions];
        this.errors = errors;
        this.squaredErrors = errors == null ? null : new double[errors.rows.length];
    }

    public StateIndex states() {
        return states;
    }

    /** Actions per state of Q, 0 for a state-value learner. */
    public int actions() {
        return actions;
    }

    /** The env's action number of Q's column a. */
    public int actionNumber(int a) {
        return actionNumbers[a];
    }

    /** Mean over runs of the final V(row). */
    public double stateValue(int row) {
        return v[row];
    }

    /** Mean over runs of the final Q(row, column). */
    public double actionValue(int row, int column) {
        return q[row * actions + column];
    }

    /** Runs averaged over. */
    public int runs() {
        return runs;
    }

    /** Whether the config gave true values. */
    public boolean hasTruth() {
        return errors != null;
    }

    /** Index into the config's {@code true_values} of a row, or -1 when the row is not listed. */
    public int truthIndex(int row) {
        if (errors == null) return -1;
        for (int i = 0; i < errors.rows.length; i++) if (errors.rows[i] == row) return i;
        return -1;
    }

    /** The true value of listed state i. */
    public double trueValue(int i) {
        return errors.truth[i];
    }

    /** The RMS error over runs of listed state i's final V: sqrt(mean over runs of (V − v)²). */
    public double rmsError(int i) {
        return Math.sqrt(squaredErrors[i]);
    }
}
