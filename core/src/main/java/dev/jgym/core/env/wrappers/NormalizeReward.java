package dev.jgym.core.env.wrappers;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.Step;
import dev.jgym.core.env.Wrapper;

/**
 * Scales rewards so that the discounted return has roughly unit variance (Gymnasium's
 * {@code NormalizeReward}): it keeps {@code G = gamma G (1 - terminated) + r} across steps and
 * the running variance of G, and returns {@code r / sqrt(var(G) + epsilon)} (not centred, as
 * in Gymnasium). Save {@link #statistics()} with the agent.
 */
public final class NormalizeReward<O, A> extends Wrapper<O, A> {
    private final double gamma, epsilon;
    private final RunningMeanStd stats = new RunningMeanStd(1);
    private double discounted;
    private boolean updating = true;

    public NormalizeReward(Env<O, A> env) {
        this(env, 0.99, 1e-8);
    }

    public NormalizeReward(Env<O, A> env, double gamma, double epsilon) {
        super(env);
        if (!(gamma >= 0 && gamma <= 1)) throw new IllegalArgumentException("gamma must be in [0, 1], was " + gamma);
        if (!(epsilon > 0)) throw new IllegalArgumentException("epsilon must be positive, was " + epsilon);
        this.gamma = gamma;
        this.epsilon = epsilon;
    }

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
    public Step<O> step(A action) {
        Step<O> s = env.step(action);
        discounted = discounted * gamma * (s.terminated() ? 0 : 1) + s.reward();
        if (updating) stats.update(discounted);
        return new Step<>(s.observation(), s.reward() / Math.sqrt(stats.var(0) + epsilon), s.terminated(), s.truncated(), s.info());
    }
}
