package dev.jgym.replays;

import dev.jgym.core.scene.Annotations;
import java.util.Arrays;

/**
 * One recorded episode: where its env stream started, and per step the action, reward, flags and
 * observation checksum, with the agent's annotations where they were recorded. Steps are held in
 * primitive arrays; step {@code i} (from 0) is the i-th call of {@code env.step}.
 */
public final class ReplayEpisode {
    private final int index;
    private final long seed;
    private final long[] rngState;
    private final long initialChecksum;
    private Object[] actions = new Object[64];
    private double[] rewards = new double[64];
    private byte[] flags = new byte[64];
    private long[] checksums = new long[64];
    private Annotations[] annotations;
    private int length;
    private boolean finished;

    /**
     * @param index the episode's number in its run (0 for the first)
     * @param seed the seed of the run's seeded reset
     * @param rngState the env stream's state just before this episode's (unseeded) reset, or
     *     {@code null} when the episode began with {@code reset(seed)} itself (or the env has no stream)
     * @param initialChecksum the checksum of the reset observation
     */
    public ReplayEpisode(int index, long seed, long[] rngState, long initialChecksum) {
        this.index = index;
        this.seed = seed;
        this.rngState = rngState == null ? null : rngState.clone();
        this.initialChecksum = initialChecksum;
    }

    void add(Object action, double reward, int stepFlags, long checksum, Annotations a) {
        if (length == actions.length) {
            int n = length * 2;
            actions = Arrays.copyOf(actions, n);
            rewards = Arrays.copyOf(rewards, n);
            flags = Arrays.copyOf(flags, n);
            checksums = Arrays.copyOf(checksums, n);
            if (annotations != null) annotations = Arrays.copyOf(annotations, n);
        }
        if (a != null && annotations == null) annotations = new Annotations[actions.length];
        actions[length] = action;
        rewards[length] = reward;
        flags[length] = (byte) stepFlags;
        checksums[length] = checksum;
        if (annotations != null) annotations[length] = a;
        length++;
    }

    /** Forgets the steps from {@code steps} on (the reader drops what a failed checksum no longer vouches for). */
    void truncate(int steps) {
        if (steps < 0 || steps > length) throw new IndexOutOfBoundsException("keep " + steps + " steps of " + length);
        Arrays.fill(actions, steps, length, null);
        if (annotations != null) Arrays.fill(annotations, steps, length, null);
        length = steps;
    }

    void markFinished() {
        finished = true;
    }

    public int index() {
        return index;
    }

    public long seed() {
        return seed;
    }

    /** The env stream's state before the reset, or {@code null} (the reset was {@code reset(seed)}). */
    public long[] rngState() {
        return rngState == null ? null : rngState.clone();
    }

    public long initialChecksum() {
        return initialChecksum;
    }

    /** Steps recorded. */
    public int length() {
        return length;
    }

    /** The episode's end record was written: every step is here. */
    public boolean finished() {
        return finished;
    }

    public Object action(int step) {
        return actions[check(step)];
    }

    public double reward(int step) {
        return rewards[check(step)];
    }

    public boolean terminated(int step) {
        return (flags[check(step)] & ReplayFormat.TERMINATED) != 0;
    }

    public boolean truncated(int step) {
        return (flags[check(step)] & ReplayFormat.TRUNCATED) != 0;
    }

    public long checksum(int step) {
        return checksums[check(step)];
    }

    /** The agent's annotations at this step, or {@link Annotations#NONE}. */
    public Annotations annotations(int step) {
        check(step);
        Annotations a = annotations == null ? null : annotations[step];
        return a == null ? Annotations.NONE : a;
    }

    /** The sum of the rewards of the first {@code steps} steps. */
    public double returnUpTo(int steps) {
        double sum = 0;
        for (int i = 0; i < Math.min(steps, length); i++) sum += rewards[i];
        return sum;
    }

    /** Replaces one step's action (tests make edited replays with it). */
    void setAction(int step, Object action) {
        actions[check(step)] = action;
    }

    private int check(int step) {
        if (step < 0 || step >= length) throw new IndexOutOfBoundsException("step " + step + " of an episode of " + length);
        return step;
    }
}
