package dev.jgym.envs.games;

import dev.jgym.core.space.Discrete;

/** The check every game makes on the action it is given, so the error always names the space. */
public final class Actions {
    private Actions() {}

    /**
     * The action as an int, or an {@link IllegalArgumentException} naming the env, the action and
     * the space ({@code "MinAtar/Breakout-v1: action 7 is not in Discrete(3)"}).
     */
    public static int check(String env, Discrete space, Integer action) {
        if (action == null || !space.contains(action)) {
            throw new IllegalArgumentException(env + ": action " + action + " is not in " + space);
        }
        return action;
    }
}
