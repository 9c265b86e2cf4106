package dev.jgym.envs.grid;

import dev.jgym.core.space.Discrete;

/** The check every grid env makes on an action before using it. */
public final class GridActions {
    private GridActions() {}

    /** The action as an int, or an error naming the env, the action and the space. */
    public static int check(String id, Integer action, Discrete space) {
        if (action == null || !space.contains(action)) {
            throw new IllegalArgumentException(id + ": action " + action + " is not in the action space " + space);
        }
        return action - space.start();
    }
}
