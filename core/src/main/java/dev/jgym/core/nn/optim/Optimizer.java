package dev.jgym.core.nn.optim;

import dev.jgym.core.nn.Param;
import java.util.ArrayList;
import java.util.List;

/**
 * Gradient descent and its variants: {@link #step()} moves every trainable parameter using its
 * gradient, at the learning rate {@code lr * schedule.factor(t)} (t counts steps from 0), then
 * the caller clears gradients with {@link #zeroGrad()} before the next backward pass.
 *
 * <p>Updates run elementwise on the parameter arrays, in double, stored as float.
 */
public abstract class Optimizer {
    protected final List<Param> params;
    private final double lr;
    private LrSchedule schedule = LrSchedule.constant();
    private long steps;

    protected Optimizer(List<Param> params, double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) throw new IllegalArgumentException("learning rate must be >= 0, was " + lr);
        List<Param> trainable = new ArrayList<>();
        for (Param p : params) if (p.isTrainable()) trainable.add(p);
        this.params = List.copyOf(trainable);
        this.lr = lr;
    }

    /** Sets the learning-rate schedule (constant by default); returns this. */
    public Optimizer schedule(LrSchedule schedule) {
        this.schedule = schedule;
        return this;
    }

    /** One update; returns the learning rate it used. */
    public double step() {
        double rate = lr * schedule.factor(steps);
        steps++;
        for (int i = 0; i < params.size(); i++) update(i, params.get(i), rate, steps);
        return rate;
    }

    /** Updates one parameter (index i in the list) at learning rate lr; t counts from 1. */
    protected abstract void update(int i, Param p, double lr, long t);

    public void zeroGrad() {
        for (Param p : params) p.grad().fill(0f);
    }

    public long steps() {
        return steps;
    }

    public double baseLearningRate() {
        return lr;
    }

    /** Per-parameter state arrays, created lazily with the parameter's size. */
    protected static float[][] state(int n) {
        return new float[n][];
    }
}
