package dev.jgym.agents.tabular;

/**
 * A tabular learner's value estimates, read by row of its {@link StateIndex}: V(s) for every
 * learner, and Q(s, a) for those that learn action values. The agents kind writes them to
 * {@code values.csv} after each run and measures them against a true value function
 * ({@code true_values} in a config) for the error curves of S&amp;B Figures 5.3 and 6.2.
 *
 * <p>Reading never changes the agent or draws from its stream.
 */
public interface ValueEstimates {

    /** The rows: one per observation of the env's (finite) observation space. */
    StateIndex states();

    /**
     * V(row): the learned state value; for an action-value learner max_a Q(row, a), the value of
     * its greedy policy by its own estimates (v* for Q-learning's fixed point).
     */
    double stateValue(int row);

    /** Actions per row of Q, or 0 for a learner of state values only. */
    default int actions() {
        return 0;
    }

    /** Q(row, column); only for {@code column < actions()}. */
    default double actionValue(int row, int column) {
        throw new UnsupportedOperationException("a state-value learner has no action values");
    }

    /** The env's action for a column of Q (the Discrete space's start + column). */
    default int action(int column) {
        return column;
    }
}
