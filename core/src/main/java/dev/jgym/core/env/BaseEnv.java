package dev.jgym.core.env;

import dev.jgym.core.rng.Rng;
import java.util.Map;

/**
 * The seeding and bookkeeping every env shares, so an env's own code is only its dynamics.
 *
 * <p>On {@code reset(seed)} the env stream {@link #rng} becomes {@code new Rng(seed).child("env")}
 * and the action-sampling stream {@code new Rng(seed).child("action_space")}. On the first reset
 * without a seed, the seed is 0: unlike Gymnasium there is no entropy-seeded default, so every
 * run is reproducible. Subclasses implement {@link #onReset} and {@link #step}.
 */
public abstract class BaseEnv<O, A> implements Env<O, A> {
    /** Default seed when the first reset gives none. */
    public static final long DEFAULT_SEED = 0L;

    /** The env's random stream; set by the first reset. */
    protected Rng rng;
    private Rng actionRng;
    private boolean reseeded;
    private boolean closed;

    @Override
    public final Reset<O> reset(Long seed, Map<String, ?> options) {
        reseeded = seed != null || rng == null;
        if (reseeded) {
            Rng root = new Rng(seed == null ? DEFAULT_SEED : seed);
            rng = root.child("env");
            actionRng = root.child("action_space");
        }
        return onReset(options == null ? Map.of() : options);
    }

    /**
     * True inside {@link #onReset} when this reset (re)seeded {@link #rng}: it had a seed, or it
     * is the first reset. Envs that draw a problem instance once per seed (bandit arms, a random
     * map) draw it when this is true and keep it on unseeded resets.
     */
    protected final boolean reseeded() {
        return reseeded;
    }

    /** Starts an episode, drawing from {@link #rng}; {@code options} is never null. */
    protected abstract Reset<O> onReset(Map<String, ?> options);

    @Override
    public A sampleAction() {
        if (actionRng == null) actionRng = new Rng(DEFAULT_SEED).child("action_space");
        return actionSpace().sample(actionRng);
    }

    @Override
    public Rng rng() {
        return rng;
    }

    /** Closing twice is safe; subclasses release resources in {@link #onClose()}. */
    @Override
    public final void close() {
        if (closed) return;
        closed = true;
        onClose();
    }

    protected void onClose() {}

    /** Rejects reset options an env does not know, with a clear message. */
    protected static void expectNoOptions(String envName, Map<String, ?> options) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException(envName + ".reset: unknown options " + options.keySet() + " (this env takes none)");
        }
    }
}
