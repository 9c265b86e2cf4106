package dev.jgym.core.env.wrappers;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.env.Wrapper;
import java.util.HashMap;
import java.util.Map;

/**
 * Adds {@code info["episode"] = {r: return, l: length, t: wall seconds}} on the step that ends an
 * episode (Gymnasium's {@code RecordEpisodeStatistics}). Wall time is for people only: it never
 * feeds back into learning, so runs stay reproducible.
 */
public final class RecordEpisodeStatistics<O, A> extends Wrapper<O, A> {
    /** One finished episode. */
    public record Episode(double r, int l, double t) {}

    private double episodeReturn;
    private int episodeLength;
    private long startNanos;
    private Episode last;

    public RecordEpisodeStatistics(Env<O, A> env) {
        super(env);
    }

    @Override
    public Reset<O> reset(Long seed, Map<String, ?> options) {
        episodeReturn = 0;
        episodeLength = 0;
        startNanos = System.nanoTime();
        return env.reset(seed, options);
    }

    @Override
    public Step<O> step(A action) {
        Step<O> step = env.step(action);
        episodeReturn += step.reward();
        episodeLength++;
        if (!step.done()) return step;
        last = new Episode(episodeReturn, episodeLength, (System.nanoTime() - startNanos) / 1e9);
        Map<String, Object> info = new HashMap<>(step.info());
        info.put("episode", last);
        return step.withInfo(info);
    }

    /** The last finished episode, or {@code null}. */
    public Episode lastEpisode() {
        return last;
    }
}
