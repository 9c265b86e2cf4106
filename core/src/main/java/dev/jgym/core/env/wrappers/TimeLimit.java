package dev.jgym.core.env.wrappers;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.env.Wrapper;
import java.util.Map;

/**
 * Ends an episode after a number of steps by setting {@code truncated} (not {@code terminated}:
 * the state is not terminal, so a learner should still bootstrap from it), as Gymnasium's
 * {@code TimeLimit}.
 */
public final class TimeLimit<O, A> extends Wrapper<O, A> {
    private final int maxEpisodeSteps;
    private int elapsed;

    public TimeLimit(Env<O, A> env, int maxEpisodeSteps) {
        super(env);
        if (maxEpisodeSteps <= 0) throw new IllegalArgumentException("maxEpisodeSteps must be positive, was " + maxEpisodeSteps);
        this.maxEpisodeSteps = maxEpisodeSteps;
    }

    public int maxEpisodeSteps() {
        return maxEpisodeSteps;
    }

    /** Steps taken in the current episode. */
    public int elapsedSteps() {
        return elapsed;
    }

    @Override
    public Reset<O> reset(Long seed, Map<String, ?> options) {
        elapsed = 0;
        return env.reset(seed, options);
    }

    @Override
    public Step<O> step(A action) {
        Step<O> step = env.step(action);
        elapsed++;
        return elapsed >= maxEpisodeSteps ? step.withTruncated(true) : step;
    }
}
