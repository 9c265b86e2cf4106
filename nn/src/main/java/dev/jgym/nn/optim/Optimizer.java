package dev.jgym.nn.optim;

import dev.jgym.nn.Backend;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.cpu.CpuBackend;
import java.util.ArrayList;
import java.util.List;

/**
 * Gradient descent and its variants: {@link #step()} moves every trainable parameter using its
 * gradient, at the learning rate {@code lr * schedule.factor(t)} (t counts steps from 0), then
 * the caller clears gradients with {@link #zeroGrad()} before the next backward pass.
 *
 * <p>Updates run through a {@link Backend} (its {@code sgdUpdate}, {@code rmsPropUpdate},
 * {@code adamUpdate} and {@code fill}), so parameters that live in device memory are updated
 * there; the state tensors (velocity, moments) are created with the parameter's shape on first
 * use and stay with the backend. Constructors without a backend update on the host, on one
 * thread: elementwise, in double, stored as float (what the CPU backend does too).
 */
public abstract class Optimizer {
    /** The host backend for optimizers built without one (one thread, no pool to close). */
    static final Backend HOST = new CpuBackend(1);

    protected final List<Param> params;
    protected final Backend backend;
    private final double lr;
    private LrSchedule schedule = LrSchedule.constant();
    private long steps;

    protected Optimizer(List<Param> params, double lr) {
        this(HOST, params, lr);
    }

    protected Optimizer(Backend backend, List<Param> params, double lr) {
        if (backend == null) throw new IllegalArgumentException("backend is null");
        this.backend = backend;
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
        for (Param p : params) backend.fill(p.grad(), 0f);
    }

    public long steps() {
        return steps;
    }

    public double baseLearningRate() {
        return lr;
    }

    public Backend backend() {
        return backend;
    }

    /** Per-parameter state arrays, created lazily with the parameter's size. */
    protected static float[][] state(int n) {
        return new float[n][];
    }

    /** Per-parameter state tensors (filled lazily by {@link #stateOf}). */
    protected static Tensor[] stateTensors(int n) {
        return new Tensor[n];
    }

    /** The state tensor i of {@code states}, created as zeros of p's shape on first use. */
    protected static Tensor stateOf(Tensor[] states, int i, Param p) {
        if (states[i] == null) states[i] = Tensor.zeros(p.value().shape());
        return states[i];
    }
}
