package dev.jgym.core.env.wrappers;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.Step;
import dev.jgym.core.env.Wrapper;

/** Clips every reward into [min, max] (Gymnasium's {@code ClipReward}; DQN's [-1, 1] on Atari). */
public final class ClipReward<O, A> extends Wrapper<O, A> {
    private final double min, max;

    public ClipReward(Env<O, A> env, double min, double max) {
        super(env);
        if (!(min <= max)) throw new IllegalArgumentException("ClipReward needs min <= max, found [" + min + ", " + max + "]");
        this.min = min;
        this.max = max;
    }

    @Override
    public Step<O> step(A action) {
        Step<O> s = env.step(action);
        double r = Math.min(Math.max(s.reward(), min), max);
        return r == s.reward() ? s : new Step<>(s.observation(), r, s.terminated(), s.truncated(), s.info());
    }
}
