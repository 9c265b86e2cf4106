package dev.jgym.core.vector;

import dev.jgym.core.env.ActionMask;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.space.Box;
import dev.jgym.core.space.Discrete;
import dev.jgym.core.space.Space;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A {@link VectorEnv} over N ordinary envs with Box observations (Gymnasium's
 * {@code SyncVectorEnv}), optionally spread over threads ({@link ParallelRange}): no sub-env reads
 * another's state and each writes only its own slots, so the arrays are identical for any thread
 * count.
 * Each sub-env allocates what its own {@code step} allocates; the vector adds nothing per step for
 * discrete actions (Box actions are copied into one small array per sub-env, as {@code Env.step} needs).
 *
 * <p>Actions: {@code step(int[])} when the single action space is {@link Discrete},
 * {@code step(float[])} (flat, {@code numEnvs * size}) when it is a {@link Box}.
 *
 * <p>Action masks ({@link #trackActionMasks()}, Discrete actions): sub-env i's info
 * {@code "action_mask"} ({@link ActionMask}) of the observation in {@link #observations()} is kept
 * at {@code actionMasks()[i * n .. i * n + n)}: the reset's, the step's, and after a same-step
 * autoreset the new episode's (its reset info), as Gymnasium's vector infos carry it.
 */
public final class SyncVectorEnv implements VectorEnv {
    private final List<Env<float[], Object>> envs;
    private final AutoresetMode mode;
    private final ParallelRange range;
    private final int n, d;
    private final Space<float[]> observationSpace;
    private final Space<?> actionSpace;
    private final int actionSize;
    private final float[] observations, finalObservations;
    private final double[] rewards;
    private final boolean[] terminated, truncated, hasFinal, prevDone;
    private final Object[] pendingActions;
    private byte[] actionMasks; // null until trackActionMasks()
    private final ParallelRange.Body stepBody = this::stepRange;
    private Long resetSeed;
    private final ParallelRange.Body resetBody = this::resetRange;

    /** N envs from the registry: {@code EnvRegistry.make(id, options)} each. */
    public static SyncVectorEnv make(String id, Map<String, ?> options, int numEnvs, int threads, AutoresetMode mode) {
        return new SyncVectorEnv(() -> EnvRegistry.make(id, options), numEnvs, threads, mode);
    }

    @SuppressWarnings("unchecked")
    public <A> SyncVectorEnv(Supplier<? extends Env<float[], A>> factory, int numEnvs, int threads, AutoresetMode mode) {
        if (numEnvs < 1) throw new IllegalArgumentException("numEnvs must be positive, was " + numEnvs);
        this.n = numEnvs;
        this.mode = mode == null ? AutoresetMode.NEXT_STEP : mode;
        this.envs = new ArrayList<>(numEnvs);
        for (int i = 0; i < numEnvs; i++) envs.add((Env<float[], Object>) factory.get());
        this.observationSpace = envs.get(0).observationSpace();
        if (!(observationSpace instanceof Box box)) {
            throw new IllegalArgumentException("SyncVectorEnv needs Box observations, found " + observationSpace);
        }
        this.d = box.size();
        this.actionSpace = envs.get(0).actionSpace();
        this.actionSize = actionSpace instanceof Box b ? b.size() : 1;
        this.observations = new float[n * d];
        this.finalObservations = new float[n * d];
        this.rewards = new double[n];
        this.terminated = new boolean[n];
        this.truncated = new boolean[n];
        this.hasFinal = new boolean[n];
        this.prevDone = new boolean[n];
        this.pendingActions = new Object[n];
        this.range = new ParallelRange(Math.max(1, Math.min(threads, numEnvs)));
    }

    @Override
    public int numEnvs() {
        return n;
    }

    @Override
    public Space<float[]> singleObservationSpace() {
        return observationSpace;
    }

    @Override
    public Space<?> singleActionSpace() {
        return actionSpace;
    }

    @Override
    public int observationSize() {
        return d;
    }

    @Override
    public AutoresetMode autoresetMode() {
        return mode;
    }

    /**
     * Keeps each sub-env's {@code action_mask} from its info from now on (the next reset fills
     * it); every reset and step info must then carry one. Discrete actions only.
     */
    public SyncVectorEnv trackActionMasks() {
        if (!(actionSpace instanceof Discrete d)) throw new UnsupportedOperationException("action masks need a Discrete action space, found " + actionSpace);
        if (actionMasks == null) actionMasks = new byte[n * d.n()];
        return this;
    }

    /** The legal actions of each sub-env's current observation, {@code [numEnvs * n]}, 1 = legal; null unless tracked. */
    public byte[] actionMasks() {
        return actionMasks;
    }

    private void keepMask(int i, Map<String, Object> info) {
        if (actionMasks == null) return;
        int k = actionMasks.length / n;
        try {
            ActionMask.copy(info, k, actionMasks, i * k);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sub-env " + i + ": " + e.getMessage(), e);
        }
    }

    /** Sub-env i, for inspection (its scene, its spec). */
    public Env<float[], ?> subEnv(int i) {
        return envs.get(i);
    }

    @Override
    public void reset(Long seed) {
        resetSeed = seed;
        range.run(n, resetBody);
    }

    private void resetRange(int from, int to) {
        for (int i = from; i < to; i++) {
            Long s = resetSeed == null ? null : VectorEnv.subEnvSeed(resetSeed, i);
            Reset<float[]> r = envs.get(i).reset(s, Map.of());
            System.arraycopy(r.observation(), 0, observations, i * d, d);
            keepMask(i, r.info());
            rewards[i] = 0;
            terminated[i] = truncated[i] = hasFinal[i] = prevDone[i] = false;
        }
    }

    @Override
    public void step(int[] actions) {
        if (!(actionSpace instanceof Discrete)) throw new UnsupportedOperationException("the action space is " + actionSpace + ": call step(float[])");
        if (actions.length != n) throw new IllegalArgumentException("expected " + n + " actions, found " + actions.length);
        for (int i = 0; i < n; i++) pendingActions[i] = actions[i]; // Integer.valueOf: cached for small actions
        range.run(n, stepBody);
    }

    @Override
    public void step(float[] actions) {
        if (!(actionSpace instanceof Box)) throw new UnsupportedOperationException("the action space is " + actionSpace + ": call step(int[])");
        if (actions.length != n * actionSize) {
            throw new IllegalArgumentException("expected " + n + " x " + actionSize + " action values, found " + actions.length);
        }
        for (int i = 0; i < n; i++) pendingActions[i] = java.util.Arrays.copyOfRange(actions, i * actionSize, (i + 1) * actionSize);
        range.run(n, stepBody);
    }

    private void stepRange(int from, int to) {
        for (int i = from; i < to; i++) {
            Env<float[], Object> env = envs.get(i);
            hasFinal[i] = false;
            if (mode == AutoresetMode.NEXT_STEP && prevDone[i]) {
                Reset<float[]> r = env.reset(null, Map.of());
                System.arraycopy(r.observation(), 0, observations, i * d, d);
                keepMask(i, r.info());
                rewards[i] = 0;
                terminated[i] = truncated[i] = prevDone[i] = false;
                continue;
            }
            Step<float[]> s = env.step(pendingActions[i]);
            rewards[i] = s.reward();
            terminated[i] = s.terminated();
            truncated[i] = s.truncated();
            if (s.done() && mode == AutoresetMode.SAME_STEP) {
                System.arraycopy(s.observation(), 0, finalObservations, i * d, d);
                hasFinal[i] = true;
                Reset<float[]> r = env.reset(null, Map.of());
                System.arraycopy(r.observation(), 0, observations, i * d, d);
                keepMask(i, r.info());
            } else {
                System.arraycopy(s.observation(), 0, observations, i * d, d);
                keepMask(i, s.info());
                prevDone[i] = s.done();
            }
        }
    }

    @Override
    public float[] observations() {
        return observations;
    }

    @Override
    public double[] rewards() {
        return rewards;
    }

    @Override
    public boolean[] terminated() {
        return terminated;
    }

    @Override
    public boolean[] truncated() {
        return truncated;
    }

    @Override
    public float[] finalObservations() {
        return finalObservations;
    }

    @Override
    public boolean[] hasFinalObservation() {
        return hasFinal;
    }

    @Override
    public void close() {
        range.close();
        for (Env<float[], Object> e : envs) e.close();
    }
}
