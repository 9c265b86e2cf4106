package dev.jgym.core.sim;

import dev.jgym.core.scene.Annotations;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Something that acts in an env and learns from what happens. An agent sees observations,
 * actions and rewards only, never the env's internals; it draws every random number from the
 * stream it was built with.
 */
public interface Agent<O, A> {

    /** The action to take on {@code observation}. */
    A act(O observation);

    /** Learns from one transition; called after every step, in order. */
    void observe(Transition<O, A> transition);

    /** Called with the first observation of every episode, before the first {@link #act}. */
    default void onEpisodeStart(O observation) {}

    /**
     * As {@link #onEpisodeStart(Object)}, with the reset's info (an agent that reads the env's
     * {@code action_mask} takes the start state's from here); by default the info is not read.
     */
    default void onEpisodeStart(O observation, java.util.Map<String, Object> info) {
        onEpisodeStart(observation);
    }

    /** The agent's current view for overlays and replays (estimates, values). */
    default Annotations annotations() {
        return Annotations.NONE;
    }

    /** Saves what the agent has learned (values, counts, weights) to {@code file}. */
    void save(Path file) throws IOException;

    /** Restores what {@link #save} wrote; a wrong file is a {@link dev.jgym.core.config.UserError}. */
    void load(Path file) throws IOException;
}
