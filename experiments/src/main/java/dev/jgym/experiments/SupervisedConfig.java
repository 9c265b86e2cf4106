package dev.jgym.experiments;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Param;
import dev.jgym.nn.optim.Adam;
import dev.jgym.nn.optim.CenteredRmsProp;
import dev.jgym.nn.optim.Optimizer;
import dev.jgym.nn.optim.RmsProp;
import dev.jgym.nn.optim.Sgd;
import dev.jgym.nn.optim.LrSchedule;
import dev.jgym.nn.optim.OptimizerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A supervised experiment as data: a classifier (a chain of layers) trained on a data set.
 * {@code jgym train} takes it for a config with a top-level {@code "model"} key.
 *
 * <pre>{@code
 * {
 *   "name": "mnist-mlp",
 *   "seed": 2024,
 *   "data": {"dataset": "mnist", "validation": 5000},
 *   "model": {"init": "he_normal", "layers": [
 *     {"type": "dense", "out": 256}, {"type": "relu"}, {"type": "dropout", "p": 0.2},
 *     {"type": "dense", "out": 10}]},
 *   "training": {"epochs": 12, "batch_size": 128,
 *                "optimizer": {"type": "adam", "lr": 0.001},
 *                "schedule": {"type": "cosine", "min_factor": 0.02}}
 * }
 * }</pre>
 *
 * @param name short name, used in titles and as the default output folder
 * @param description free text (optional)
 * @param seed root of every random stream: weights from {@code child("init")}, batch order,
 *     augmentation and dropout from {@code child("data")}, the validation split from {@code child("split")}
 * @param data the data set and how it is prepared
 * @param model the layers (the first dense layer's {@code in} follows from the data) and their initialisers
 * @param training epochs, batch size, optimizer, schedule, clipping, early stopping
 */
public record SupervisedConfig(
        @JsonProperty(required = true) String name,
        String description,
        @JsonProperty(required = true) Long seed,
        @JsonProperty(required = true) DataConfig data,
        @JsonProperty(required = true) ModelConfig model,
        @JsonProperty(required = true) TrainingConfig training) {

    public SupervisedConfig {
        Check.present("name", name);
        Check.that(!name.isBlank(), "name", "expected a non-empty string");
        description = description == null ? "" : description;
        Check.present("seed", seed);
        Check.present("data", data);
        Check.present("model", model);
        Check.present("training", training);
    }

    public static SupervisedConfig read(Path file) {
        return Json.read(file, SupervisedConfig.class);
    }

    /**
     * @param dataset {@code mnist} (60,000 training and 10,000 test images), {@code blobs}
     *     (a small synthetic set: 4 Gaussian clusters in 8 dimensions, 1,200 training and 400
     *     test points, drawn from the seed; for quick checks) or {@code text} (next-character
     *     prediction over a text file: the last 10% of the text is the test set)
     * @param dir where MNIST is (default: $JGYM_DATA/mnist, else ~/.cache/jgym/mnist)
     * @param validation how many training examples to hold out for validation (default 0)
     * @param trainLimit use only the first n training examples (default: all)
     * @param normalize MNIST: standardise pixels with mean 0.1307, std 0.3081 (default true)
     * @param augment random shifts, rotations and noise of training images (MNIST only)
     * @param file {@code text} data set: the UTF-8 text, relative to the config file's folder
     *     (configs/ ships {@code text/sonnets.txt})
     * @param window {@code text} data set: characters per example (default 32); the shape is [window, vocabulary]
     * @param testLimit evaluate on the first n test examples only (default: all; for quick checks)
     * @param shape how the model sees one example (optional; default a flat vector): {@code [1, 28, 28]}
     *     for image layers (channels, height, width), {@code [28, 28]} for recurrent layers (28 steps
     *     of a 28-pixel row); the product must equal the example's size
     */
    public record DataConfig(
            @JsonProperty(required = true) String dataset,
            String dir,
            Integer validation,
            @JsonProperty("train_limit") Integer trainLimit,
            Boolean normalize,
            AugmentConfig augment,
            int[] shape,
            String file,
            Integer window,
            @JsonProperty("test_limit") Integer testLimit) {

        /** The form before {@code shape}, {@code file}, {@code window} and {@code test_limit} existed. */
        public DataConfig(String dataset, String dir, Integer validation, Integer trainLimit, Boolean normalize, AugmentConfig augment) {
            this(dataset, dir, validation, trainLimit, normalize, augment, null, null, null, null);
        }

        public DataConfig {
            Check.present("dataset", dataset);
            Check.that(Set.of("mnist", "blobs", "text").contains(dataset), "dataset", "expected \"mnist\", \"blobs\" or \"text\", found \"" + dataset + "\"");
            if (dataset.equals("text")) {
                Check.present("file", file);
                if (window == null) window = 32;
                Check.positive("window", window);
            }
            if (shape != null) {
                Check.that(shape.length >= 1 && shape.length <= 3, "shape", "expected 1 to 3 positive integers, found " + java.util.Arrays.toString(shape));
                for (int d : shape) Check.that(d > 0, "shape", "expected positive integers, found " + java.util.Arrays.toString(shape));
            }
            if (validation == null) validation = 0;
            Check.that(validation >= 0, "validation", "expected an integer >= 0, found " + validation);
            if (trainLimit != null) Check.positive("train_limit", trainLimit);
            if (testLimit != null) Check.positive("test_limit", testLimit);
            if (normalize == null) normalize = true;
        }
    }

    /** @param shift pixels, @param rotation degrees, @param noise Gaussian std on standardised pixels */
    public record AugmentConfig(Integer shift, Double rotation, Double noise) {
        public AugmentConfig {
            if (shift == null) shift = 0;
            if (rotation == null) rotation = 0.0;
            if (noise == null) noise = 0.0;
            Check.that(shift >= 0 && shift <= 8, "shift", "expected an integer in [0, 8], found " + shift);
            Check.inRange("rotation", rotation, 0, 45);
            Check.nonNegative("noise", noise);
        }
    }

    /**
     * @param layers the layer chain (see {@code dev.jgym.nn.layers.Layers})
     * @param init weight initialiser (default he_normal)
     * @param biasInit bias initialiser (default zeros)
     */
    public record ModelConfig(
            @JsonProperty(required = true) JsonNode layers,
            String init,
            @JsonProperty("bias_init") String biasInit) {
        public ModelConfig {
            Check.present("layers", layers);
            if (init == null) init = "he_normal";
            if (biasInit == null) biasInit = "zeros";
        }
    }

    /**
     * @param epochs passes over the training data
     * @param batchSize examples per step (default 128)
     * @param dropLast leave out the last short batch of each epoch (default false)
     * @param optimizer the update rule
     * @param schedule learning-rate schedule over steps (default constant)
     * @param clipNorm clip gradients to this global norm (default 0: off)
     * @param earlyStopping stop when validation accuracy has not improved for that many epochs
     * @param evalEvery every that many epochs (and after the last), measure the accuracy on the
     *     whole training set as a model in use sees it (eval mode: no dropout, no augmentation) and
     *     on the test set, for train-versus-test curves (default 0: off; the columns
     *     {@code train_eval_accuracy} and {@code test_accuracy} of metrics.csv appear only when on)
     */
    public record TrainingConfig(
            @JsonProperty(required = true) Integer epochs,
            @JsonProperty("batch_size") Integer batchSize,
            @JsonProperty("drop_last") Boolean dropLast,
            @JsonProperty(required = true) OptimizerConfig optimizer,
            ScheduleConfig schedule,
            @JsonProperty("clip_norm") Double clipNorm,
            @JsonProperty("early_stopping") EarlyStoppingConfig earlyStopping,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonProperty("eval_every") Integer evalEvery) {
        /** The form before {@code eval_every} existed. */
        public TrainingConfig(Integer epochs, Integer batchSize, Boolean dropLast, OptimizerConfig optimizer, ScheduleConfig schedule, Double clipNorm,
                              EarlyStoppingConfig earlyStopping) {
            this(epochs, batchSize, dropLast, optimizer, schedule, clipNorm, earlyStopping, null);
        }

        public TrainingConfig {
            if (evalEvery == null) evalEvery = 0;
            Check.that(evalEvery >= 0, "eval_every", "expected an integer >= 0, found " + evalEvery);
            Check.present("epochs", epochs);
            Check.positive("epochs", epochs);
            if (batchSize == null) batchSize = 128;
            Check.positive("batch_size", batchSize);
            if (dropLast == null) dropLast = false;
            Check.present("optimizer", optimizer);
            if (schedule == null) schedule = new ScheduleConfig("constant", null, null, null, null);
            if (clipNorm == null) clipNorm = 0.0;
            Check.nonNegative("clip_norm", clipNorm);
        }

        /** The learning-rate schedule over steps, as configured, for epochs of that many steps. */
        public LrSchedule lrSchedule(int stepsPerEpoch) {
            ScheduleConfig s = schedule;
            long warm = (long) s.warmupEpochs() * stepsPerEpoch;
            long rest = Math.max(1, (long) (epochs - s.warmupEpochs()) * stepsPerEpoch);
            LrSchedule base;
            switch (s.type()) {
                case "step": base = LrSchedule.step((long) s.stepEpochs() * stepsPerEpoch, s.gamma()); break;
                case "cosine": base = LrSchedule.cosine(rest, s.minFactor()); break;
                default: base = LrSchedule.constant(); break;
            }
            return warm > 0 ? LrSchedule.warmup(warm, base) : base;
        }
    }

    /**
     * @param type constant, step or cosine
     * @param stepEpochs step: multiply by gamma every that many epochs
     * @param gamma step: the factor (default 0.1)
     * @param minFactor cosine: the final fraction of the learning rate (default 0)
     * @param warmupEpochs linear warm-up before the schedule (default 0)
     */
    public record ScheduleConfig(
            @JsonProperty(required = true) String type,
            @JsonProperty("step_epochs") Integer stepEpochs,
            Double gamma,
            @JsonProperty("min_factor") Double minFactor,
            @JsonProperty("warmup_epochs") Integer warmupEpochs) {
        public ScheduleConfig {
            Check.present("type", type);
            Check.that(Set.of("constant", "step", "cosine").contains(type), "type", "expected constant, step or cosine, found \"" + type + "\"");
            if (type.equals("step")) {
                Check.present("step_epochs", stepEpochs);
                Check.positive("step_epochs", stepEpochs);
            }
            if (gamma == null) gamma = 0.1;
            Check.positive("gamma", gamma);
            if (minFactor == null) minFactor = 0.0;
            Check.inRange("min_factor", minFactor, 0, 1);
            if (warmupEpochs == null) warmupEpochs = 0;
            Check.that(warmupEpochs >= 0, "warmup_epochs", "expected an integer >= 0, found " + warmupEpochs);
        }
    }

    /** @param patience epochs without improvement of validation accuracy before stopping */
    public record EarlyStoppingConfig(@JsonProperty(required = true) Integer patience, @JsonProperty("min_delta") Double minDelta) {
        public EarlyStoppingConfig {
            Check.present("patience", patience);
            Check.positive("patience", patience);
            if (minDelta == null) minDelta = 0.0;
            Check.nonNegative("min_delta", minDelta);
        }
    }
}
