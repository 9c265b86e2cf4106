package dev.jgym.agents;

/**
 * An agent whose learned behaviour has a greedy form: the action it would take with exploration
 * switched off. Evaluation ({@link dev.jgym.agents.Evaluation}) plays it without
 * learning. Ties are broken deterministically (the lowest action), so evaluating never draws from
 * the agent's stream.
 */
public interface GreedyPolicy<O, A> {

    /** The greedy action on {@code observation}. */
    A greedyAction(O observation);
}
