package dev.jgym.agents.linear;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The saved form of a linear learner, as JSON: its type, the weights w and, for tile coding, the
 * hash table's tuples in index order (so a loaded agent numbers its tiles as the saved one did), and
 * a differential learner's R̄.
 */
final class LinearWeights {
    /** The saved file. */
    record Saved(@JsonProperty(required = true) String type, @JsonProperty(required = true) double[] weights,
                 List<int[]> tiles, @JsonProperty("average_reward") Double averageReward) {
        Saved {
            Check.present("type", type);
            Check.present("weights", weights);
        }
    }

    private LinearWeights() {}

    static void save(Path file, String type, double[] w, Features features, Double averageReward) {
        TileCoder coder = tileCoder(features);
        Json.write(file, new Saved(type, w, coder == null ? null : coder.entries(), averageReward));
    }

    /** Reads {@code file} into {@code w} (and the tile table), refusing another type or size with a {@link UserError}. */
    static Saved load(Path file, String type, double[] w, Features features) {
        Saved s = Json.read(file, Saved.class);
        if (!type.equals(s.type())) throw new UserError(file + ": $.type: expected \"" + type + "\", found \"" + s.type() + "\"");
        if (s.weights().length != w.length) throw new UserError(file + ": $.weights: expected " + w.length + " weights, found " + s.weights().length);
        for (double v : s.weights()) if (!Double.isFinite(v)) throw new UserError(file + ": $.weights: expected finite numbers, found " + v);
        TileCoder coder = tileCoder(features);
        if (coder != null) {
            if (s.tiles() == null) throw new UserError(file + ": $.tiles: missing (the features are tile coded)");
            coder.restore(new ArrayList<>(s.tiles()));
            if (features instanceof Features.Cached c) c.refresh();
        }
        System.arraycopy(s.weights(), 0, w, 0, w.length);
        return s;
    }

    private static TileCoder tileCoder(Features features) {
        Features f = features instanceof Features.Cached c ? c.inner : features;
        return f instanceof Features.Tiles t ? t.coder : null;
    }
}
