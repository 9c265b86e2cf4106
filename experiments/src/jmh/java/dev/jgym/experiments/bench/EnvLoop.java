package dev.jgym.experiments.bench;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.Step;

/** The env benchmarks' loop: one step per pre-drawn action, a reset when an episode ends. */
final class EnvLoop {
    private EnvLoop() {}

    /** Steps {@code env} once per action; the rewards' sum, so that nothing is dead code. */
    static <O, A> double rewards(Env<O, A> env, A[] actions) {
        double sum = 0;
        for (A a : actions) {
            Step<O> s = env.step(a);
            sum += s.reward();
            if (s.done()) env.reset();
        }
        return sum;
    }
}
