package dev.jgym.core.env.wrappers;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.env.Wrapper;
import dev.jgym.core.space.Box;
import dev.jgym.core.space.Space;
import java.util.Map;

/**
 * Centres and scales each observation coordinate by running statistics (Gymnasium's
 * {@code NormalizeObservation}): {@code (x - mean) / sqrt(var + epsilon)} in float32, the
 * statistics updated with every observation (reset ones included) unless frozen. The observation
 * space becomes an unbounded Box of the same shape. Save {@link #statistics()} with the agent and
 * {@link #restoreStatistics} them to evaluate with the same scaling.
 */
public final class NormalizeObservation<A> extends Wrapper<float[], A> {
    private final RunningMeanStd stats;
    private final double epsilon;
    private final Box space;
    private boolean updating = true;

    public NormalizeObservation(Env<float[], A> env) {
        this(env, 1e-8);
    }

    public NormalizeObservation(Env<float[], A> env, double epsilon) {
        super(env);
        if (!(epsilon > 0)) throw new IllegalArgumentException("epsilon must be positive, was " + epsilon);
        if (!(env.observationSpace() instanceof Box box)) throw new IllegalArgumentException("NormalizeObservation needs a Box observation space, found " + env.observationSpace());
        this.epsilon = epsilon;
        this.stats = new RunningMeanStd(box.size());
        this.space = Box.uniform(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, box.shape());
    }

    @Override
    public Space<float[]> observationSpace() {
        return space;
    }

    /** Freezes ({@code false}) or resumes ({@code true}) the statistics. */
    public void setUpdating(boolean updating) {
        this.updating = updating;
    }

    public RunningMeanStd.State statistics() {
        return stats.state();
    }

    public void restoreStatistics(RunningMeanStd.State state) {
        stats.restore(state);
    }

    @Override
    public Reset<float[]> reset(Long seed, Map<String, ?> options) {
        Reset<float[]> r = env.reset(seed, options);
        return new Reset<>(normalize(r.observation()), r.info());
    }

    @Override
    public Step<float[]> step(A action) {
        Step<float[]> s = env.step(action);
        return new Step<>(normalize(s.observation()), s.reward(), s.terminated(), s.truncated(), s.info());
    }

    private float[] normalize(float[] x) {
        if (updating) stats.update(x);
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) y[i] = (float) ((x[i] - stats.mean(i)) / Math.sqrt(stats.var(i) + epsilon));
        return y;
    }
}
