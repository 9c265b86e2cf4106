package dev.jgym.core.sim;

import java.util.Map;

/**
 * Watches a simulation: metrics, replay recording and the live viewer are listeners. Listeners
 * run on the simulation thread after the agent has observed the step; they must not change the
 * env or the agent.
 */
public interface SimulatorListener<O, A> {

    /** A new episode began with {@code observation}; {@code episode} counts from 0. */
    default void onEpisodeStart(int episode, O observation, Map<String, Object> info) {}

    /** One tick: the transition just observed; {@code step} is the global step index from 0. */
    default void onStep(long step, Transition<O, A> transition) {}

    /** An episode ended with these totals (not called for an episode the budget cut short). */
    default void onEpisodeEnd(int episode, double episodeReturn, int length, boolean terminated) {}
}
