package dev.jgym.core.env.wrappers;

import dev.jgym.core.env.BaseEnv;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.env.Wrapper;
import dev.jgym.core.rng.Rng;
import java.util.Map;

/**
 * With probability p the env repeats the previous action instead of the one given (Machado et
 * al. 2018, "sticky actions"; Gymnasium's {@code StickyAction} with a duration of one step). The
 * first step of an episode is never sticky. The wrapper draws from its own stream,
 * {@code new Rng(seed).child("sticky_actions")}, re-seeded by every seeded reset (seed 0 on a
 * first reset without one), so the env's own numbers are unchanged.
 */
public final class StickyActions<O, A> extends Wrapper<O, A> {
    private final double p;
    private Rng rng;
    private A last;

    public StickyActions(Env<O, A> env, double p) {
        super(env);
        if (!(p >= 0 && p < 1)) throw new IllegalArgumentException("sticky-action probability must be in [0, 1), was " + p);
        this.p = p;
    }

    @Override
    public Reset<O> reset(Long seed, Map<String, ?> options) {
        if (seed != null || rng == null) rng = new Rng(seed == null ? BaseEnv.DEFAULT_SEED : seed).child("sticky_actions");
        last = null;
        return env.reset(seed, options);
    }

    @Override
    public Step<O> step(A action) {
        A taken = last != null && rng.nextDouble() < p ? last : action;
        last = taken;
        return env.step(taken);
    }
}
