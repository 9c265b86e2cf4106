package dev.jgym.agents.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.UserError;
import java.nio.file.Path;
import java.util.List;

/**
 * One kind of experiment: the way a config of that kind becomes a run. {@code jgym train} and a
 * sweep's trials find the kinds through {@link java.util.ServiceLoader} (a line in
 * {@code META-INF/services/dev.jgym.agents.run.ExperimentKind}) and run them all the same way
 * ({@link Runner}): prepare (read and validate everything, no work), check the run folder, then
 * run with progress, write outputs, print a summary.
 *
 * <p>A config names its kind with one top-level key, {@link #key()} (for example {@code "dqn"});
 * the kind whose key is {@code null} takes a config that has none of the others' keys.
 */
public interface ExperimentKind {
    /** A short name, such as {@code dqn}; what {@code jgym kinds} lists. */
    String name();

    /** One line on what it runs. */
    String description();

    /** The top-level config key that names this kind, or {@code null} for the default kind. */
    String key();

    /** Whether a run of this kind writes checkpoints and can continue with {@code --resume}. */
    default boolean resumable() {
        return false;
    }

    /** Whether it takes {@code --backend} (a run whose config does not name its backend). */
    default boolean takesBackend() {
        return false;
    }

    /**
     * Reads {@code configFile} and validates it completely, before any work: every mistake is a
     * {@link dev.jgym.core.config.UserError} naming the file and the field.
     */
    Run prepare(Path configFile, RunOptions options);

    /**
     * {@code jgym play}: plays the trained policy of a run of this kind (the folder {@code jgym
     * train} wrote: its config and checkpoint) deterministically, as {@link PlayRequest} says. A kind
     * whose runs hold no policy to play refuses with a {@link UserError}.
     */
    default PlayReport play(PlayRequest request) {
        throw new UserError(request.runDir() + ": a run of kind " + name() + " has no policy that `jgym play` plays (it plays dqn, pg and offpolicy runs)");
    }

    /**
     * For a sweep: checks {@code report} against one setting's config (bound and validated, no
     * work) and returns the agent labels its trial reports under. A kind a sweep cannot read
     * refuses with a {@link UserError}.
     *
     * @param where the setting, for messages ("sweep.json: setting lr=0.1")
     * @param source the sweep file, for messages about its report
     */
    default List<String> trialAgents(JsonNode config, String where, String source, TrialReport report) {
        throw new UserError(where + ": a " + name() + " config cannot be a sweep's trial (sweeps read agents and dqn configs)");
    }
}
