package dev.jgym.core.env;

import java.util.List;

/**
 * The known model of a finite MDP (Gymnasium's {@code env.unwrapped.P}), for planning agents:
 * dynamic programming, value iteration, policy iteration.
 *
 * <p>States are {@code 0 .. stateCount() - 1} and actions {@code 0 .. actionCount() - 1}, the same
 * integers the env observes and accepts. {@link #transitions(int, int)} lists the outcomes of
 * taking {@code action} in {@code state}, each with its probability; the probabilities sum to 1.
 * As in Gymnasium, the list may hold the same next state more than once (a slippery move that hits
 * a wall lands where the straight move does): sum over entries, never assume they are distinct.
 *
 * <p>An env offers its model by implementing this interface; reach it through wrappers with
 * {@code env.unwrapped() instanceof TabularModel m}.
 */
public interface TabularModel {

    /** One possible result of an action: Gymnasium's {@code (prob, next_state, reward, terminated)}. */
    record Outcome(double probability, int nextState, double reward, boolean terminated) {}

    int stateCount();

    int actionCount();

    /** The outcomes of {@code action} in {@code state}, in Gymnasium's order; never empty. */
    List<Outcome> transitions(int state, int action);

    /** The start-state distribution (length {@code stateCount()}, sums to 1). */
    double[] initialDistribution();
}
