package dev.jgym.core.env.wrappers;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.Step;
import dev.jgym.core.env.Wrapper;

/**
 * Applies each action {@code k} times ("frame skip", Mnih et al. 2015) and returns the last
 * observation with the sum of the rewards; stops early when the episode ends.
 */
public final class ActionRepeat<O, A> extends Wrapper<O, A> {
    private final int k;

    public ActionRepeat(Env<O, A> env, int k) {
        super(env);
        if (k < 1) throw new IllegalArgumentException("ActionRepeat needs k >= 1, was " + k);
        this.k = k;
    }

    @Override
    public Step<O> step(A action) {
        Step<O> s = env.step(action);
        double total = s.reward();
        for (int i = 1; i < k && !s.done(); i++) {
            s = env.step(action);
            total += s.reward();
        }
        return total == s.reward() ? s : new Step<>(s.observation(), total, s.terminated(), s.truncated(), s.info());
    }
}
