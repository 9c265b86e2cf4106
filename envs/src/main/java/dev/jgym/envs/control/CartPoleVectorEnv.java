package dev.jgym.envs.control;

import static dev.jgym.envs.control.CartPole.FORCES;
import static dev.jgym.envs.control.CartPole.GRAVITY;
import static dev.jgym.envs.control.CartPole.HALF_LENGTH;
import static dev.jgym.envs.control.CartPole.POLE_MASS;
import static dev.jgym.envs.control.CartPole.POLE_MASS_LENGTH;
import static dev.jgym.envs.control.CartPole.TAU;
import static dev.jgym.envs.control.CartPole.THETA_THRESHOLD;
import static dev.jgym.envs.control.CartPole.TOTAL_MASS;
import static dev.jgym.envs.control.CartPole.X_THRESHOLD;

import dev.jgym.core.rng.Rng;
import dev.jgym.core.space.Discrete;
import dev.jgym.core.space.Space;
import dev.jgym.core.vector.AutoresetMode;
import dev.jgym.core.vector.ParallelRange;
import dev.jgym.core.vector.VectorEnv;

/**
 * N CartPole-v1 copies as struct-of-arrays (Gymnasium's {@code CartPoleVectorEnv}): the four
 * state variables in four double arrays, stepped in one loop, with the time limit built in.
 * A step allocates nothing.
 *
 * <p>Sub-env i is, bit for bit, {@code EnvRegistry.make("CartPole-v1")} reset with
 * {@link VectorEnv#subEnvSeed(long, int) subEnvSeed(seed, i)} and auto-reset as the mode says: it
 * draws its starts from {@code new Rng(subEnvSeed).child("env")}, in the order x, x_dot, theta,
 * theta_dot, exactly as {@link CartPole} does, and uses the same equations in the same order.
 *
 * <p>Rewards, termination and truncation as {@link CartPole} and its 500-step limit
 * ({@code maxEpisodeSteps}; a step that ends by both gives both flags).
 */
public final class CartPoleVectorEnv implements VectorEnv {
    private static final Discrete ACTIONS = new Discrete(2);

    private final int n;
    private final int maxEpisodeSteps;
    private final boolean suttonBartoReward;
    private final AutoresetMode mode;
    private final ParallelRange range;
    private final double[] x, xDot, theta, thetaDot;
    private final int[] steps;
    private final boolean[] prevDone, terminated, truncated, hasFinal;
    private final double[] rewards;
    private final float[] observations, finalObservations;
    private final Rng[] rngs;
    private int[] actions;
    private Long resetSeed;
    private final ParallelRange.Body stepBody = this::stepRange;
    private final ParallelRange.Body resetBody = this::resetRange;

    /** CartPole-v1 as Gymnasium registers it: 500-step limit, +1 rewards, next-step autoreset, one thread. */
    public CartPoleVectorEnv(int numEnvs) {
        this(numEnvs, 1, AutoresetMode.NEXT_STEP, 500, false);
    }

    public CartPoleVectorEnv(int numEnvs, int threads, AutoresetMode mode, int maxEpisodeSteps, boolean suttonBartoReward) {
        if (numEnvs < 1) throw new IllegalArgumentException("numEnvs must be positive, was " + numEnvs);
        if (maxEpisodeSteps < 1) throw new IllegalArgumentException("maxEpisodeSteps must be positive, was " + maxEpisodeSteps);
        this.n = numEnvs;
        this.maxEpisodeSteps = maxEpisodeSteps;
        this.suttonBartoReward = suttonBartoReward;
        this.mode = mode == null ? AutoresetMode.NEXT_STEP : mode;
        this.range = new ParallelRange(Math.max(1, Math.min(threads, numEnvs)));
        x = new double[n];
        xDot = new double[n];
        theta = new double[n];
        thetaDot = new double[n];
        steps = new int[n];
        prevDone = new boolean[n];
        terminated = new boolean[n];
        truncated = new boolean[n];
        hasFinal = new boolean[n];
        rewards = new double[n];
        observations = new float[4 * n];
        finalObservations = new float[4 * n];
        rngs = new Rng[n];
    }

    @Override
    public int numEnvs() {
        return n;
    }

    @Override
    public Space<float[]> singleObservationSpace() {
        return new CartPole().observationSpace();
    }

    @Override
    public Discrete singleActionSpace() {
        return ACTIONS;
    }

    @Override
    public int observationSize() {
        return 4;
    }

    @Override
    public AutoresetMode autoresetMode() {
        return mode;
    }

    @Override
    public void reset(Long seed) {
        if (seed == null && rngs[0] == null) seed = 0L; // as BaseEnv: a first reset without a seed uses 0
        resetSeed = seed;
        range.run(n, resetBody);
    }

    private void resetRange(int from, int to) {
        for (int i = from; i < to; i++) {
            if (resetSeed != null) rngs[i] = new Rng(VectorEnv.subEnvSeed(resetSeed, i)).child("env");
            start(i);
            prevDone[i] = terminated[i] = truncated[i] = hasFinal[i] = false;
            rewards[i] = 0;
            observe(observations, i);
        }
    }

    private void start(int i) {
        Rng r = rngs[i];
        x[i] = r.uniform(CartPole.START_LOW, CartPole.START_HIGH);
        xDot[i] = r.uniform(CartPole.START_LOW, CartPole.START_HIGH);
        theta[i] = r.uniform(CartPole.START_LOW, CartPole.START_HIGH);
        thetaDot[i] = r.uniform(CartPole.START_LOW, CartPole.START_HIGH);
        steps[i] = 0;
    }

    @Override
    public void step(int[] actions) {
        if (rngs[0] == null) throw new IllegalStateException("CartPoleVectorEnv: step() called before reset()");
        if (actions.length != n) throw new IllegalArgumentException("expected " + n + " actions, found " + actions.length);
        for (int i = 0; i < n; i++) {
            if (actions[i] != 0 && actions[i] != 1) {
                throw new IllegalArgumentException("CartPoleVectorEnv: action " + actions[i] + " of sub-env " + i + " is not in the action space " + ACTIONS);
            }
        }
        this.actions = actions;
        range.run(n, stepBody);
        this.actions = null;
    }

    private void stepRange(int from, int to) {
        final int[] a = actions;
        final boolean sameStep = mode == AutoresetMode.SAME_STEP;
        for (int i = from; i < to; i++) {
            hasFinal[i] = false;
            if (prevDone[i]) { // next-step mode: this step only resets
                start(i);
                prevDone[i] = terminated[i] = truncated[i] = false;
                rewards[i] = 0;
                observe(observations, i);
                continue;
            }
            double th = theta[i], thDot = thetaDot[i];
            double force = FORCES[a[i]];
            double cos = Math.cos(th), sin = Math.sin(th);
            double temp = (force + POLE_MASS_LENGTH * thDot * thDot * sin) / TOTAL_MASS;
            double thetaAcc = (GRAVITY * sin - cos * temp) / (HALF_LENGTH * (4.0 / 3.0 - POLE_MASS * cos * cos / TOTAL_MASS));
            double xAcc = temp - POLE_MASS_LENGTH * thetaAcc * cos / TOTAL_MASS;
            double nx = x[i] + TAU * xDot[i];
            xDot[i] = xDot[i] + TAU * xAcc;
            double nth = th + TAU * thDot;
            thetaDot[i] = thDot + TAU * thetaAcc;
            x[i] = nx;
            theta[i] = nth;
            boolean term = nx < -X_THRESHOLD || nx > X_THRESHOLD || nth < -THETA_THRESHOLD || nth > THETA_THRESHOLD;
            boolean trunc = ++steps[i] >= maxEpisodeSteps;
            terminated[i] = term;
            truncated[i] = trunc;
            rewards[i] = suttonBartoReward ? (term ? -1.0 : 0.0) : 1.0;
            if (term || trunc) {
                if (sameStep) {
                    observe(finalObservations, i);
                    hasFinal[i] = true;
                    start(i);
                } else {
                    prevDone[i] = true;
                }
            }
            observe(observations, i);
        }
    }

    private void observe(float[] into, int i) {
        int o = 4 * i;
        into[o] = (float) x[i];
        into[o + 1] = (float) xDot[i];
        into[o + 2] = (float) theta[i];
        into[o + 3] = (float) thetaDot[i];
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
    }
}
