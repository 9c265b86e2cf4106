package dev.jgym.experiments.lm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.nn.optim.OptimizerConfig;
import java.nio.file.Path;
import java.util.Set;

/**
 * A character-level language model as data ({@code jgym train} takes a config with a top-level
 * {@code "lm"}): a causal model of the next character over windows of {@code context}
 * characters, trained on every position of every window (the loss at step t predicts character
 * t + 1 from characters 0..t), reported in bits per character.
 *
 * <pre>{@code
 * {"name": "moby-transformer", "seed": 1,
 *  "lm": {"dataset": "moby-dick"},
 *  "network": {"layers": [{"type": "embedding", "width": 64}, {"type": "transformer_block", "heads": 4, "causal": true},
 *                       {"type": "layernorm"}, {"type": "dense", "per_step": true}]},
 *  "training": {"steps": 1500, "batch_size": 32, "context": 64, "optimizer": {"type": "adamw", "lr": 0.003}}}
 * }</pre>
 * The embedding's {@code vocab} and the output layer's {@code out} may be left out: they are the
 * corpus's vocabulary size.
 *
 * @param seed root of the random streams: weights from {@code child("init")}, window positions from {@code child("data")}
 * @param lm the corpus
 * @param network the layers: token ids {@code [context]} in, logits {@code [context, vocabulary]} out
 * @param training steps, batch, context, optimizer, schedule, clipping, evaluation
 */
public record LmConfig(
        @JsonProperty(required = true) String name,
        String description,
        @JsonProperty(required = true) Long seed,
        @JsonProperty(required = true) DataConfig lm,
        @JsonProperty(required = true) ModelConfig network,
        @JsonProperty(required = true) TrainingConfig training) {

    public LmConfig {
        Check.present("name", name);
        Check.that(!name.isBlank(), "name", "expected a non-empty string");
        description = description == null ? "" : description;
        Check.present("seed", seed);
        Check.present("lm", lm);
        Check.present("network", network);
        Check.present("training", training);
    }

    public static LmConfig read(Path file) {
        return Json.read(file, LmConfig.class);
    }

    /**
     * @param dataset {@code moby-dick} (see {@code dev.jgym.nn.data.MobyDick}: split by chapter, every tenth for validation)
     * @param dir where the corpus is (default $JGYM_DATA/moby-dick, else ~/.cache/jgym/moby-dick)
     */
    public record DataConfig(@JsonProperty(required = true) String dataset, String dir) {
        public DataConfig {
            Check.present("dataset", dataset);
            Check.that(Set.of("moby-dick").contains(dataset), "dataset", "expected \"moby-dick\", found \"" + dataset + "\"");
        }
    }

    /** @param layers the layer chain (dev.jgym.nn.layers.Layers); @param init dense weights (default xavier_uniform) */
    public record ModelConfig(@JsonProperty(required = true) JsonNode layers, String init) {
        public ModelConfig {
            Check.present("layers", layers);
            if (init == null) init = "xavier_uniform";
        }
    }

    /**
     * @param steps optimizer steps (the budget: the same for every model compared)
     * @param batchSize windows per step (default 32)
     * @param context characters per window (default 64)
     * @param optimizer the update rule (OptimizerConfig: sgd ... adamw)
     * @param warmupSteps linear warm-up of the learning rate (default 0), then cosine decay to
     *     {@code minFactor} of it at the last step (default 0.1)
     * @param clipNorm global-norm gradient clipping (default 1; 0 off)
     * @param evalEvery steps between validation evaluations (default 100; and after the last step)
     * @param evalWindows validation windows per evaluation, evenly spread over the validation text (default 256)
     */
    public record TrainingConfig(
            @JsonProperty(required = true) Integer steps,
            @JsonProperty("batch_size") Integer batchSize,
            Integer context,
            @JsonProperty(required = true) OptimizerConfig optimizer,
            @JsonProperty("warmup_steps") Integer warmupSteps,
            @JsonProperty("min_factor") Double minFactor,
            @JsonProperty("clip_norm") Double clipNorm,
            @JsonProperty("eval_every") Integer evalEvery,
            @JsonProperty("eval_windows") Integer evalWindows) {
        public TrainingConfig {
            Check.present("steps", steps);
            Check.positive("steps", steps);
            Check.size("steps", steps, 10_000_000);
            if (batchSize == null) batchSize = 32;
            Check.positive("batch_size", batchSize);
            Check.size("batch_size", batchSize, 65_536);
            if (context == null) context = 64;
            Check.positive("context", context);
            Check.size("context", context, 4096);
            Check.present("optimizer", optimizer);
            if (warmupSteps == null) warmupSteps = 0;
            Check.that(warmupSteps >= 0 && warmupSteps < steps, "warmup_steps", "expected an integer in [0, steps), found " + warmupSteps);
            if (minFactor == null) minFactor = 0.1;
            Check.inRange("min_factor", minFactor, 0, 1);
            if (clipNorm == null) clipNorm = 1.0;
            Check.nonNegative("clip_norm", clipNorm);
            if (evalEvery == null) evalEvery = 100;
            Check.positive("eval_every", evalEvery);
            if (evalWindows == null) evalWindows = 256;
            Check.positive("eval_windows", evalWindows);
            Check.size("eval_windows", evalWindows, 100_000);
        }
    }
}
