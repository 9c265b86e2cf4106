package dev.jgym.agents.alphazero;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.agents.run.CheckpointFile;
import dev.jgym.core.config.Json;
import java.nio.file.Path;

/**
 * An AlphaZero run's {@code checkpoint.jgc}, and the model snapshots a run keeps at its evaluation
 * points ({@code models/iteration-NNNN.jgc}): a {@link CheckpointFile} with the magic
 * {@code JGYMAZ\0\0} and a header of the game, the network and the settings that shape the run.
 * The body starts with the network's parameters (all a model holds, what {@link AzModel} reads);
 * a checkpoint goes on with the optimizer's state, the run's counters and rows and the window of
 * recent games. No random stream is saved: every one is derived from the seed and the iteration.
 */
public final class AzCheckpoint {
    static final CheckpointFile.Format FORMAT = new CheckpointFile.Format("JGYMAZ\0\0", 1, "AlphaZero");

    private AzCheckpoint() {}

    static ObjectNode header(AzConfig config) {
        ObjectNode h = Json.MAPPER.createObjectNode();
        AzConfig.AzSettings s = config.alphazero();
        h.put("game", config.game());
        h.set("hidden", Json.MAPPER.valueToTree(s.network().hidden()));
        h.put("activation", s.network().activation());
        if (s.network().encoder() != null) h.set("encoder", s.network().encoder()); // absent: none (files from before it read the same)
        h.put("simulations", s.simulations());
        h.put("c_puct", s.cPuct());
        if (s.solver()) h.put("solver", true); // absent: false (so files from before it was a setting read the same)
        h.put("games_per_iteration", s.gamesPerIteration());
        h.put("window", s.window());
        h.put("optimizer", s.optimizer().type());
        h.put("seed", config.seed());
        return h;
    }

    static CheckpointFile of(AzConfig config, CheckpointFile.Writer parts) {
        return CheckpointFile.of(FORMAT, header(config), parts);
    }

    /** Reads a checkpoint or model file; a missing, truncated, corrupt or foreign file is a {@link dev.jgym.core.config.UserError}. */
    public static CheckpointFile read(Path path) {
        return CheckpointFile.read(FORMAT, path);
    }
}
