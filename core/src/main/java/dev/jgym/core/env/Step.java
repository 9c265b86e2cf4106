package dev.jgym.core.env;

import java.util.Map;

/**
 * What {@link Env#step} returns (Gymnasium's five-tuple).
 *
 * @param observation the observation after the action
 * @param reward the reward for the transition
 * @param terminated the episode reached a terminal state of the MDP (do not bootstrap past it)
 * @param truncated the episode was cut short from outside the MDP, typically a time limit
 *     (bootstrap from {@code observation})
 * @param info diagnostic values; never needed to learn
 */
public record Step<O>(O observation, double reward, boolean terminated, boolean truncated, Map<String, Object> info) {
    public Step {
        info = info == null ? Map.of() : info;
    }

    public Step(O observation, double reward, boolean terminated) {
        this(observation, reward, terminated, false, Map.of());
    }

    /** The episode is over, either way. */
    public boolean done() {
        return terminated || truncated;
    }

    /** The same step, with {@code truncated} set. */
    public Step<O> withTruncated(boolean t) {
        return t == truncated ? this : new Step<>(observation, reward, terminated, t, info);
    }

    /** The same step, with a different info map. */
    public Step<O> withInfo(Map<String, Object> newInfo) {
        return new Step<>(observation, reward, terminated, truncated, newInfo);
    }
}
