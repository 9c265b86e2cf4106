package dev.jgym.replays;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.EnvSpec;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.env.Wrapper;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.scene.Annotations;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A wrapper that records every episode of an env made by {@link EnvRegistry#make} into one
 * {@code .jgr} file (Gymnasium's {@code RecordVideo}, but exact and small). Seeded resets store
 * their seed; unseeded ones also store the env stream's state before the reset, so any episode
 * re-simulates on its own. The file is completed by {@link #close()}.
 *
 * <p>Reset options cannot be replayed, so a reset with options is refused.
 */
public final class RecordReplay<O, A> extends Wrapper<O, A> {
    private final Path file;
    private final String agent;
    private final Supplier<Annotations> annotations;
    private ReplayWriter writer;
    private long seed;
    private boolean seeded;
    private int episode;

    public RecordReplay(Env<O, A> env, Path file, String agent) {
        this(env, file, agent, null);
    }

    /** @param annotations what to store with each step (an agent's {@code annotations()}), or {@code null} */
    public RecordReplay(Env<O, A> env, Path file, String agent, Supplier<Annotations> annotations) {
        super(env);
        if (env.spec() == null) throw new IllegalArgumentException("RecordReplay needs an env made by EnvRegistry.make (it has no spec)");
        this.file = file;
        this.agent = agent;
        this.annotations = annotations;
    }

    @Override
    public Reset<O> reset(Long resetSeed, Map<String, ?> options) {
        if (options != null && !options.isEmpty()) {
            throw new IllegalArgumentException(spec().id() + ": RecordReplay cannot replay reset options " + options.keySet());
        }
        long[] state = null;
        if (resetSeed != null || !seeded) {
            seed = resetSeed == null ? dev.jgym.core.env.BaseEnv.DEFAULT_SEED : resetSeed;
            seeded = true;
        } else {
            Rng rng = env.rng();
            state = rng == null ? null : rng.saveState();
        }
        Reset<O> r = env.reset(resetSeed, options);
        if (writer == null) writer = ReplayWriter.create(file, ReplayHeader.of(spec().id(), options(), env, seed, agent, null, null));
        writer.beginEpisode(episode++, seed, state, r.observation());
        return r;
    }

    /** The options that make the same env again, the time limit included. */
    private Map<String, Object> options() {
        EnvSpec spec = spec();
        Map<String, Object> options = new TreeMap<>(spec.defaultOptions());
        options.put(EnvRegistry.MAX_EPISODE_STEPS, spec.maxEpisodeSteps() == null ? 0 : spec.maxEpisodeSteps());
        return options;
    }

    @Override
    public Step<O> step(A action) {
        Step<O> s = env.step(action);
        if (writer != null) {
            writer.step(action, s.reward(), s.terminated(), s.truncated(), s.observation(), annotations == null ? null : annotations.get());
        }
        return s;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            if (writer != null) writer.close();
        } finally {
            env.close();
        }
    }
}
