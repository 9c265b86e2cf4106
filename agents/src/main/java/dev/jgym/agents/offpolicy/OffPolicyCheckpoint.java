package dev.jgym.agents.offpolicy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.agents.run.CheckpointFile;
import dev.jgym.core.config.Json;
import java.nio.file.Path;
import java.util.TreeMap;

/**
 * Everything an off-policy run needs to continue exactly where it stopped: the counters, rows and
 * the exploration and replay streams, the current episode's actions (the env is rebuilt by
 * replaying them from the episode's seed), the learner (networks, targets, optimizers, its stream,
 * alpha) and the replay buffer. Each part writes its own state; this class only frames the body.
 *
 * <p>File ({@code checkpoint.jgc}): a {@link CheckpointFile} with the magic {@code JGYMOFFP} and a
 * header of the env, sizes, networks and the settings that shape the arrays.
 */
public final class OffPolicyCheckpoint {
    static final CheckpointFile.Format FORMAT = new CheckpointFile.Format("JGYMOFFP", 1, "off-policy");

    private final CheckpointFile file;

    private OffPolicyCheckpoint(CheckpointFile file) {
        this.file = file;
    }

    static ObjectNode header(OffPolicyConfig config, OffPolicyTraining.Shape shape) {
        ObjectNode h = Json.MAPPER.createObjectNode();
        h.put("env", config.env().id());
        h.set("env_options", Json.MAPPER.valueToTree(new TreeMap<>(config.env().options())));
        h.put("observation_size", shape.obsDim());
        h.put("action_space", shape.actions().toString());
        OffPolicyConfig.Settings s = config.offpolicy();
        h.put("algorithm", s.algorithm());
        h.set("hidden", Json.MAPPER.valueToTree(s.network().hidden()));
        h.put("activation", s.network().activation());
        h.put("optimizer", s.optimizer().type());
        h.put("buffer_size", s.bufferSize());
        h.put("batch_size", s.batchSize());
        h.put("fixed_alpha", s.entCoef() != null);
        h.put("seed", config.seed());
        return h;
    }

    static OffPolicyCheckpoint of(OffPolicyConfig config, OffPolicyTraining.Shape shape, CheckpointFile.Writer parts) {
        return new OffPolicyCheckpoint(CheckpointFile.of(FORMAT, header(config, shape), parts));
    }

    /** Writes the file (temporary file, then rename). */
    public void write(Path path) {
        file.write(path);
    }

    /** Reads a checkpoint file; a missing, truncated, corrupt or foreign file is a {@link dev.jgym.core.config.UserError}. */
    public static OffPolicyCheckpoint read(Path path) {
        return new OffPolicyCheckpoint(CheckpointFile.read(FORMAT, path));
    }

    /** Refuses a checkpoint whose env, sizes or networks differ from the config's, naming the first difference. */
    void check(OffPolicyConfig config, OffPolicyTraining.Shape shape, String source) {
        file.check(header(config, shape), source);
    }

    void restore(CheckpointFile.Reader parts) {
        file.restore(parts);
    }
}
