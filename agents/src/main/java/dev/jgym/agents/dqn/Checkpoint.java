package dev.jgym.agents.dqn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.agents.run.CheckpointFile;
import dev.jgym.core.config.Json;
import java.nio.file.Path;

/**
 * Everything a DQN run needs to continue exactly where it stopped: both networks, the optimizer's
 * state, the replay buffer (with priorities), the n-step accumulator, the exploration and replay
 * {@link Rng} states, the exploration run in progress (ez-greedy's held action and steps left), the counters, the current episode's actions (the env is rebuilt by replaying
 * them from the episode's seed) and the rows written so far.
 *
 * <p>File ({@code checkpoint.jgc}): a {@link CheckpointFile} with the magic {@code JGYMDQN\0}
 * and a header of the env id, observation size, actions, network and the settings that shape the
 * arrays. A checkpoint of another env or network is refused naming both.
 */
public final class Checkpoint {
    static final CheckpointFile.Format FORMAT = new CheckpointFile.Format("JGYMDQN\0", 2, "DQN");

    private final CheckpointFile file;

    private Checkpoint(CheckpointFile file) {
        this.file = file;
    }

    static ObjectNode header(DqnConfig config, DqnTraining.Shape shape) {
        ObjectNode h = Json.MAPPER.createObjectNode();
        h.put("env", config.env().id());
        h.set("env_options", Json.MAPPER.valueToTree(new java.util.TreeMap<>(config.env().options())));
        h.put("observation_size", shape.obsDim());
        h.put("actions", shape.actions());
        DqnConfig.DqnSettings s = config.dqn();
        h.set("hidden", Json.MAPPER.valueToTree(s.network().hidden()));
        h.put("activation", s.network().activation());
        if (s.network().encoder() != null) h.set("encoder", s.network().encoder());
        if (s.network().observation() != null) h.set("observation", Json.MAPPER.valueToTree(s.network().observation()));
        h.put("dueling", s.dueling());
        h.put("optimizer", s.optimizer().type());
        h.put("buffer_size", s.bufferSize());
        h.put("prioritized", s.prioritized() != null);
        h.put("n_step", s.nStep());
        h.put("seed", config.seed());
        if (s.recurrent() != null) h.set("recurrent", Json.MAPPER.valueToTree(s.recurrent()));
        if (config.imitation() != null) h.put("imitation", true);
        return h;
    }

    /** A checkpoint of a run in progress: the run's counters and rows, then the learner (each writes itself). */
    static Checkpoint of(DqnConfig config, DqnTraining.Shape shape, Learner learner, DqnTraining.Run run) {
        return new Checkpoint(CheckpointFile.of(FORMAT, header(config, shape), out -> {
            run.write(out);
            learner.write(out);
        }));
    }

    /** Writes the file (temporary file, then rename). */
    public void write(Path path) {
        file.write(path);
    }

    /** Reads a checkpoint file; a missing, truncated, corrupt or foreign file is a {@link dev.jgym.core.config.UserError}. */
    public static Checkpoint read(Path path) {
        return new Checkpoint(CheckpointFile.read(FORMAT, path));
    }

    /** Refuses a checkpoint whose env, sizes or network differ from the config's. */
    void check(DqnConfig config, DqnTraining.Shape shape, String source) {
        file.check(header(config, shape), source);
    }

    /** Puts the saved state into a freshly built learner and run. */
    void restoreInto(Learner learner, DqnTraining.Run run) {
        file.restore(in -> {
            run.read(in);
            learner.read(in);
        });
    }
}
