package dev.jgym.agents.mc;

import java.util.Arrays;

/**
 * One episode's experience, for the Monte Carlo methods that learn only when it is over: S_t,
 * A_t, R_{t+1} and the behaviour policy's b(A_t | S_t), in growable primitive arrays reused
 * across episodes. {@link #markFirstVisits} marks the first visit of each pair (or state)
 * in the episode.
 */
final class Episode {
    int[] states = new int[64];
    int[] actions = new int[64];
    double[] rewards = new double[64];
    double[] behaviour = new double[64];
    int length;
    private int[] stamp = new int[0];
    private int id;
    private boolean[] first = new boolean[64];

    void clear() {
        length = 0;
    }

    void add(int s, int a, double r, double b) {
        if (length == states.length) {
            int n = length * 2;
            states = Arrays.copyOf(states, n);
            actions = Arrays.copyOf(actions, n);
            rewards = Arrays.copyOf(rewards, n);
            behaviour = Arrays.copyOf(behaviour, n);
        }
        states[length] = s;
        actions[length] = a;
        rewards[length] = r;
        behaviour[length] = b;
        length++;
    }

    /**
     * Marks, for every step, whether it is the first occurrence of its key in this episode: the
     * key is {@code s * width + a} with {@code width} actions, or the state alone with width 0.
     * Call once per finished episode; then read {@link #isFirst(int)}.
     */
    void markFirstVisits(int keys, int width) {
        if (stamp.length != keys) stamp = new int[keys];
        if (first.length < length) first = new boolean[states.length];
        id++;
        if (id == 0) {
            Arrays.fill(stamp, 0);
            id = 1;
        }
        for (int t = 0; t < length; t++) {
            int key = width == 0 ? states[t] : states[t] * width + actions[t];
            first[t] = stamp[key] != id;
            stamp[key] = id;
        }
    }

    boolean isFirst(int t) {
        return first[t];
    }

}
