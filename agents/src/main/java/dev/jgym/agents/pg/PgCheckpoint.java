package dev.jgym.agents.pg;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.agents.run.CheckpointFile;
import dev.jgym.core.config.Json;
import java.nio.file.Path;
import java.util.TreeMap;

/**
 * Everything a policy-gradient run needs to continue exactly where it stopped, taken at a rollout
 * boundary: the counters and rows, the learner (parameters, optimizer state, random streams) and,
 * per sub-env, the episodes started and the current episode's actions (the env is rebuilt by
 * replaying them from the episode's seed, see {@link SeededEpisodes}). Each part writes its own
 * state; this class only frames the body.
 *
 * <p>File ({@code checkpoint.jgc}): a {@link CheckpointFile} with the magic {@code JGYMPG\0\0} and
 * a header of the env, spaces, networks and the settings that shape the arrays.
 */
public final class PgCheckpoint {
    static final CheckpointFile.Format FORMAT = new CheckpointFile.Format("JGYMPG\0\0", 1, "policy-gradient");

    private final CheckpointFile file;

    private PgCheckpoint(CheckpointFile file) {
        this.file = file;
    }

    static ObjectNode header(PgConfig config, PgTraining.Shape shape) {
        ObjectNode h = Json.MAPPER.createObjectNode();
        h.put("env", config.env().id());
        h.set("env_options", Json.MAPPER.valueToTree(new TreeMap<>(config.env().options())));
        h.put("observation_size", shape.obsDim());
        h.put("action_space", shape.actionSpace().toString());
        PgConfig.PgSettings s = config.pg();
        h.put("algorithm", s.algorithm());
        h.set("hidden", Json.MAPPER.valueToTree(s.network().hidden()));
        h.put("activation", s.network().activation());
        h.put("optimizer", s.optimizer().type());
        h.put("n_envs", s.nEnvs());
        h.put("n_steps", s.nSteps());
        h.put("batch_size", s.batchSize());
        h.put("seed", config.seed());
        if (s.recurrent() != null) h.set("recurrent", Json.MAPPER.valueToTree(s.recurrent()));
        if (s.normalize().any()) h.set("normalize", Json.MAPPER.valueToTree(s.normalize()));
        if (s.actionMask()) h.put("action_mask", true);
        return h;
    }

    static PgCheckpoint of(PgConfig config, PgTraining.Shape shape, CheckpointFile.Writer parts) {
        return new PgCheckpoint(CheckpointFile.of(FORMAT, header(config, shape), parts));
    }

    /** Writes the file (temporary file, then rename). */
    public void write(Path path) {
        file.write(path);
    }

    /** Reads a checkpoint file; a missing, truncated, corrupt or foreign file is a {@link dev.jgym.core.config.UserError}. */
    public static PgCheckpoint read(Path path) {
        return new PgCheckpoint(CheckpointFile.read(FORMAT, path));
    }

    /** Refuses a checkpoint whose env, sizes or networks differ from the config's, naming the first difference. */
    void check(PgConfig config, PgTraining.Shape shape, String source) {
        file.check(header(config, shape), source);
    }

    /** Hands the body to {@code parts}; a body that does not fit is a {@link dev.jgym.core.config.UserError}. */
    void restore(CheckpointFile.Reader parts) {
        file.restore(parts);
    }
}
