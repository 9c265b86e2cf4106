package dev.jgym.experiments.shallow;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import java.nio.file.Path;
import java.util.List;

/**
 * A few-shot shallow-and-wide experiment as data: one split, one or more classifiers trained on it
 * and scored by per-class ROC AUC. {@code jgym train} takes it for a config with a top-level
 * {@code "shallow"} key.
 *
 * <pre>{@code
 * {"name": "mnist-shallow-wide", "seed": 1,
 *  "data": {"dataset": "mnist", "side": 20, "train": 100, "validation": 300},
 *  "shallow": [{"type": "ising_layers", "layers": 3, "k": 1, "batch_size": 10,
 *               "anneal": {"sweeps": 100, "reads": 1}},
 *              {"type": "qboost"}, {"type": "mlp"}]}
 * }</pre>
 *
 * @param shallow the classifiers: each an object with {@code "type"} ({@code ising_layers},
 *     {@code qboost} or {@code mlp}) and that type's settings ({@link IsingLayers.Settings},
 *     {@link QBoost.Settings}, {@link MlpBaseline.Settings}); the first must be ising_layers or
 *     qboost when weight maps are wanted
 */
public record ShallowConfig(@JsonProperty(required = true) String name, String description, @JsonProperty(required = true) Long seed,
                            @JsonProperty(required = true) FewShot.DataSettings data, @JsonProperty(required = true) List<JsonNode> shallow) {
    public ShallowConfig {
        Check.present("name", name);
        Check.that(!name.isBlank(), "name", "expected a non-empty string");
        description = description == null ? "" : description;
        Check.present("seed", seed);
        Check.present("data", data);
        Check.present("shallow", shallow);
        Check.that(!shallow.isEmpty(), "shallow", "expected at least one classifier");
    }

    public static ShallowConfig read(Path file) {
        return Json.read(file, ShallowConfig.class);
    }
}
