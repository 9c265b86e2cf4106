package dev.jgym.replays;

import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.rng.Rng;
import java.util.Map;

/**
 * Plays one recorded episode again through the registry: {@code EnvRegistry.make(id, options)},
 * {@code reset(seed)} (then, for an episode that began with an unseeded reset, the env stream is
 * put back to its recorded state and {@code reset()} is called), then the recorded actions one by
 * one. After each call the observation checksum, the reward (to the bit) and both flags are held
 * against the replay; the first difference is returned as a {@link Divergence}.
 *
 * <p>The env is kept for the caller between steps, so a viewer can draw its scene at every step.
 */
public final class Resimulation implements AutoCloseable {
    private final ReplayEpisode episode;
    private final Env<Object, Object> env;
    private final boolean owned;
    private int position = -1;
    private Step<Object> last;
    private Object observation;

    /** Makes the env; an unknown id or a bad option is a {@link UserError} naming the replay. */
    public Resimulation(Replay replay, ReplayEpisode episode) {
        this(episode, makeEnv(replay), true);
    }

    /**
     * Re-simulates on an env made before by {@link #makeEnv} (several episodes of one file share
     * it: every episode starts with a seeded reset, so nothing carries over); {@link #close()}
     * leaves it open.
     */
    public Resimulation(ReplayEpisode episode, Env<Object, Object> env) {
        this(episode, env, false);
    }

    private Resimulation(ReplayEpisode episode, Env<Object, Object> env, boolean owned) {
        this.episode = episode;
        this.env = env;
        this.owned = owned;
    }

    /** The env a replay re-simulates in; an unknown id or a bad option is a {@link UserError} naming the replay. */
    public static Env<Object, Object> makeEnv(Replay replay) {
        ReplayHeader h = replay.header();
        try {
            EnvRegistry.spec(h.envId());
        } catch (UserError e) {
            throw e.in("replay " + replay.file() + ": $.env_id");
        }
        try {
            return EnvRegistry.make(h.envId(), h.options());
        } catch (UserError e) {
            throw e.in("replay " + replay.file() + ": $.options");
        }
    }

    public Env<Object, Object> env() {
        return env;
    }

    public ReplayEpisode episode() {
        return episode;
    }

    /** Steps taken so far: 0 after {@link #start()}. */
    public int position() {
        return position;
    }

    /** The last step's result, or {@code null} right after the reset. */
    public Step<Object> lastStep() {
        return last;
    }

    /**
     * The env's current observation: the reset's after {@link #start()}, then the last step's (the
     * state the next recorded action is taken in, while {@link #hasNext()}).
     */
    public Object observation() {
        return observation;
    }

    /** Resets the env as the episode began; {@code null} when the reset observation matches. */
    public Divergence start() {
        long[] state = episode.rngState();
        Object obs;
        if (state == null) {
            obs = env.reset(episode.seed(), Map.of()).observation();
        } else {
            env.reset(episode.seed(), Map.of());
            Rng rng = env.rng();
            if (rng == null) return new Divergence(episode.index(), 0, "env stream", "a random stream to restore", "an env without one");
            try {
                rng.restoreState(state);
            } catch (IllegalArgumentException e) {
                return new Divergence(episode.index(), 0, "env stream", "a stream with seed " + state[0], "seed " + rng.seed());
            }
            obs = env.reset().observation();
        }
        position = 0;
        last = null;
        observation = obs;
        long sum = ObservationChecksum.of(obs);
        if (sum != episode.initialChecksum()) {
            return new Divergence(episode.index(), 0, "observation checksum", ObservationChecksum.hex(episode.initialChecksum()),
                    ObservationChecksum.hex(sum));
        }
        return null;
    }

    /** True while recorded steps remain. */
    public boolean hasNext() {
        return position >= 0 && position < episode.length();
    }

    /** Takes the next recorded action; {@code null} when the env did exactly what was recorded. */
    public Divergence step() {
        int i = position;
        int shown = i + 1;
        Object action = episode.action(i);
        Step<Object> s;
        try {
            s = env.step(action);
        } catch (RuntimeException e) {
            position = episode.length(); // nothing sensible follows a rejected action
            return new Divergence(episode.index(), shown, "action", "the env to accept " + dev.jgym.core.space.Spaces.format(action),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        position++;
        last = s;
        observation = s.observation();
        long sum = ObservationChecksum.of(s.observation());
        if (sum != episode.checksum(i)) {
            return new Divergence(episode.index(), shown, "observation checksum", ObservationChecksum.hex(episode.checksum(i)),
                    ObservationChecksum.hex(sum));
        }
        if (Double.doubleToLongBits(s.reward()) != Double.doubleToLongBits(episode.reward(i))) {
            return new Divergence(episode.index(), shown, "reward", Double.toString(episode.reward(i)), Double.toString(s.reward()));
        }
        if (s.terminated() != episode.terminated(i)) {
            return new Divergence(episode.index(), shown, "terminated", Boolean.toString(episode.terminated(i)), Boolean.toString(s.terminated()));
        }
        if (s.truncated() != episode.truncated(i)) {
            return new Divergence(episode.index(), shown, "truncated", Boolean.toString(episode.truncated(i)), Boolean.toString(s.truncated()));
        }
        return null;
    }

    @Override
    public void close() {
        if (owned) env.close();
    }
}
