package dev.jgym.core.env;

import dev.jgym.core.rng.Rng;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.space.Space;
import java.util.Map;

/**
 * An environment, with Gymnasium's contract.
 *
 * <ul>
 *   <li>{@link #reset(Long, Map)} starts an episode. With a seed, the env's random stream is
 *       re-seeded from it (the same seed always gives the same episode for the same actions);
 *       with {@code null}, the stream continues where it was. Options are env-specific; an
 *       empty map is always accepted.
 *   <li>{@link #step(Object)} applies an action and returns observation, reward,
 *       {@code terminated}, {@code truncated} and info. Stepping after {@code terminated} or
 *       {@code truncated} without a reset is undefined, as in Gymnasium.
 *   <li>{@link #close()} releases resources and is safe to call twice.
 * </ul>
 *
 * <p>Envs describe how they look as a {@link Scene}; they never draw.
 *
 * @param <O> observation type (see {@link Space} for the value types)
 * @param <A> action type
 */
public interface Env<O, A> extends AutoCloseable {
    /**
     * The info key of an episode's last step that says whether the task's goal was reached
     * (Gymnasium's and SB3's {@code is_success}). An env with a goal (FrozenLake's G, a taxi's
     * drop-off, the mountain car's flag, a won Blackjack hand) says it on every step that ends an
     * episode by termination ({@link #successInfo}); an env without one (CartPole: only a time to
     * survive) never does, and evaluations then report no success rate. An episode cut by a time
     * limit reached no goal.
     */
    String IS_SUCCESS = "is_success";

    /** The info of a step that ends an episode by termination in an env with a goal: whether it reached it. */
    static Map<String, Object> successInfo(boolean reached) {
        return Map.of(IS_SUCCESS, reached);
    }


    Space<O> observationSpace();

    Space<A> actionSpace();

    /** Starts an episode; {@code seed == null} continues the current random stream. */
    Reset<O> reset(Long seed, Map<String, ?> options);

    default Reset<O> reset(long seed) {
        return reset(seed, Map.of());
    }

    default Reset<O> reset() {
        return reset(null, Map.of());
    }

    Step<O> step(A action);

    /**
     * A random action from the action space, drawn from the env's own action stream (derived from
     * the last reset seed, child {@code "action_space"}), so that random play is reproducible.
     */
    A sampleAction();

    /**
     * The env's random stream (Gymnasium's {@code np_random}); {@code null} when it draws nothing.
     * For checking and tests: never draw from it outside the env.
     */
    Rng rng();

    /** How the env looks now; {@code annotations} carries an agent's view (estimates, values). */
    default Scene scene(Annotations annotations) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no scene");
    }

    default Scene scene() {
        return scene(Annotations.NONE);
    }

    /** The spec the env was made from, or {@code null} when it was built directly. */
    default EnvSpec spec() {
        return null;
    }

    /** The innermost env under any wrappers. */
    default Env<O, A> unwrapped() {
        return this;
    }

    @Override
    void close();
}
