package dev.jgym.agents.dqn;

import dev.jgym.nn.optim.OptimizerConfig;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A DQN training run as data. {@code jgym train} takes it for a config with a top-level
 * {@code "dqn"} key.
 *
 * <pre>{@code
 * {
 *   "name": "dqn-cartpole",
 *   "seed": 1,
 *   "env": {"id": "CartPole-v1"},
 *   "backend": "cpu",
 *   "dqn": {"total_steps": 100000, "batch_size": 64, "double": true,
 *           "network": {"hidden": [64, 64], "activation": "relu"},
 *           "optimizer": {"type": "adam", "lr": 0.00025}},
 *   "evaluation": {"interval": 5000, "episodes": 10, "final_episodes": 100},
 *   "checkpoint": {"interval": 20000},
 *   "replays": {"final": true, "schedule": "capped_cubic", "annotations": true}
 * }
 * }</pre>
 *
 * @param name short name, used in titles and as the default output folder ({@code runs/<name>})
 * @param description free text (optional)
 * @param seed root of every random stream: env episodes from {@code child("env")}, weights from
 *     {@code child("init")}, exploration from {@code child("explore")}, minibatches from
 *     {@code child("replay")}, evaluation episodes from {@code child("eval")}
 * @param env the env id and its options
 * @param backend {@code cpu} (default), {@code opencl} or {@code auto} (see {@link dev.jgym.nn.Backends}: DQN runs on the CPU backend, auto resolves to it)
 * @param dqn the algorithm's settings
 * @param evaluation greedy evaluation episodes at intervals
 * @param checkpoint how often to write a checkpoint
 * @param replays which greedy evaluation episodes {@code jgym train} records as {@code .jgr} replays
 *     (optional; by default the final evaluation's last episode and, on the capped-cubic schedule,
 *     the last episode of periodic evaluations 0, 1, 8, 27, ...)
 * @param imitation adversarial imitation from expert replays (optional; see {@link ImitationSettings}):
 *     the DQN learns from a discriminator's reward and never sees the env's; absent, nothing changes
 */
public record DqnConfig(
        @JsonProperty(required = true) String name,
        String description,
        @JsonProperty(required = true) Long seed,
        @JsonProperty(required = true) EnvConfig env,
        String backend,
        @JsonProperty(required = true) DqnSettings dqn,
        EvaluationSettings evaluation,
        CheckpointSettings checkpoint,
        ReplaySettings replays,
        ImitationSettings imitation) {
    /** The largest replay a config may ask for, in transitions (each holds two observations). */
    public static final int MAX_BUFFER = 50_000_000;
    /** The widest hidden layer and the most hidden layers a network may have. */
    public static final int MAX_WIDTH = 65_536, MAX_LAYERS = 64;

    public DqnConfig {
        Check.present("name", name);
        Check.that(!name.isBlank(), "name", "expected a non-empty string");
        description = description == null ? "" : description;
        Check.present("seed", seed);
        Check.present("env", env);
        if (backend == null) backend = "cpu";
        Check.that(Set.of("cpu", "opencl", "auto").contains(backend), "backend", "expected cpu, opencl or auto, found \"" + backend + "\"");
        Check.present("dqn", dqn);
        if (evaluation == null) evaluation = new EvaluationSettings(null, null, null, null, null);
        if (checkpoint == null) checkpoint = new CheckpointSettings(null);
        if (replays == null) replays = ReplaySettings.DEFAULT;
    }

    public static DqnConfig read(Path file) {
        return Json.read(file, DqnConfig.class);
    }

    /** True when the JSON file is a DQN config (a top-level "dqn" key). */
    public static boolean isDqn(Path file) {
        return isDqn(Json.readTree(file));
    }

    /** True when the JSON tree is a DQN config (an object with a top-level "dqn" key). */
    public static boolean isDqn(JsonNode root) {
        return root != null && root.isObject() && root.has("dqn");
    }

    /** @param id a registered env id; @param options its options (optional) */
    public record EnvConfig(@JsonProperty(required = true) String id, Map<String, Object> options) {
        public EnvConfig {
            Check.present("id", id);
            options = options == null ? Map.of() : options;
        }
    }

    /**
     * The algorithm (Mnih et al., 2015) and its variants. Defaults in brackets.
     *
     * @param totalSteps env steps to train for
     * @param bufferSize replay capacity in transitions [100000]
     * @param batchSize minibatch size [64]
     * @param gamma discount [0.99]
     * @param learningStarts env steps of pure exploration before the first update [1000]
     * @param trainFrequency env steps between updates [1]
     * @param gradientSteps gradient steps per update [1]
     * @param targetUpdateInterval env steps between target-network updates [500]
     * @param tau target update weight: 1 copies the online network (hard), less is Polyak averaging [1]
     * @param epsilonStart exploration rate at step 0 [1]
     * @param epsilonEnd exploration rate after the schedule [0.05]
     * @param explorationFraction fraction of {@code total_steps} over which epsilon falls linearly [0.1]
     * @param loss {@code huber} or {@code mse} [huber]
     * @param huberDelta Huber's threshold [1]
     * @param maxGradNorm clip gradients to this global norm, 0 for no clipping [10]
     * @param doubleQ Double DQN targets (van Hasselt et al., 2016) [false]
     * @param dueling dueling heads (Wang et al., 2016) [false]
     * @param nStep n-step returns [1]
     * @param prioritized prioritized replay (Schaul et al., 2016); absent for uniform replay
     * @param network the MLP (with {@code recurrent}: the layers before the recurrent core)
     * @param optimizer the update rule (as in supervised configs: sgd, momentum, nesterov, rmsprop, adam, adamw)
     * @param recurrent a recurrent core and sequence replay (DRQN, see {@link DrqnLearner}); absent for the feed-forward DQN
     * @param exploration how exploratory actions are drawn (see {@link ExplorationSettings}) [epsilon-greedy]
     */
    public record DqnSettings(
            @JsonProperty(value = "total_steps", required = true) Long totalSteps,
            @JsonProperty("buffer_size") Integer bufferSize,
            @JsonProperty("batch_size") Integer batchSize,
            Double gamma,
            @JsonProperty("learning_starts") Long learningStarts,
            @JsonProperty("train_frequency") Integer trainFrequency,
            @JsonProperty("gradient_steps") Integer gradientSteps,
            @JsonProperty("target_update_interval") Integer targetUpdateInterval,
            Double tau,
            @JsonProperty("epsilon_start") Double epsilonStart,
            @JsonProperty("epsilon_end") Double epsilonEnd,
            @JsonProperty("exploration_fraction") Double explorationFraction,
            String loss,
            @JsonProperty("huber_delta") Double huberDelta,
            @JsonProperty("max_grad_norm") Double maxGradNorm,
            @JsonProperty("double") Boolean doubleQ,
            Boolean dueling,
            @JsonProperty("n_step") Integer nStep,
            PrioritizedSettings prioritized,
            @JsonProperty(required = true) NetworkSettings network,
            @JsonProperty(required = true) OptimizerConfig optimizer,
            RecurrentSettings recurrent,
            ExplorationSettings exploration) {
        public DqnSettings {
            Check.present("total_steps", totalSteps);
            Check.positive("total_steps", totalSteps);
            if (bufferSize == null) bufferSize = 100_000;
            Check.size("buffer_size", bufferSize, MAX_BUFFER);
            if (batchSize == null) batchSize = 64;
            Check.positive("batch_size", batchSize);
            if (gamma == null) gamma = 0.99;
            Check.inRange("gamma", gamma, 0, 1);
            if (learningStarts == null) learningStarts = 1000L;
            Check.that(learningStarts >= 0, "learning_starts", "expected an integer >= 0, found " + learningStarts);
            if (trainFrequency == null) trainFrequency = 1;
            Check.positive("train_frequency", trainFrequency);
            if (gradientSteps == null) gradientSteps = 1;
            Check.positive("gradient_steps", gradientSteps);
            if (targetUpdateInterval == null) targetUpdateInterval = 500;
            Check.positive("target_update_interval", targetUpdateInterval);
            if (tau == null) tau = 1.0;
            Check.that(tau > 0 && tau <= 1, "tau", "expected a number in (0, 1], found " + tau);
            if (epsilonStart == null) epsilonStart = 1.0;
            Check.inRange("epsilon_start", epsilonStart, 0, 1);
            if (epsilonEnd == null) epsilonEnd = 0.05;
            Check.inRange("epsilon_end", epsilonEnd, 0, 1);
            if (explorationFraction == null) explorationFraction = 0.1;
            Check.inRange("exploration_fraction", explorationFraction, 0, 1);
            if (loss == null) loss = "huber";
            Check.that(Set.of("huber", "mse").contains(loss), "loss", "expected huber or mse, found \"" + loss + "\"");
            if (huberDelta == null) huberDelta = 1.0;
            Check.positive("huber_delta", huberDelta);
            if (maxGradNorm == null) maxGradNorm = 10.0;
            Check.nonNegative("max_grad_norm", maxGradNorm);
            if (doubleQ == null) doubleQ = false;
            if (dueling == null) dueling = false;
            if (nStep == null) nStep = 1;
            Check.that(nStep >= 1 && nStep <= 100, "n_step", "expected an integer in [1, 100], found " + nStep);
            Check.present("network", network);
            Check.present("optimizer", optimizer);
            if (exploration == null) exploration = new ExplorationSettings(null, null, null);
            Check.that(batchSize <= bufferSize, "batch_size", "expected at most buffer_size (" + bufferSize + "), found " + batchSize);
            if (recurrent != null) {
                Check.that(nStep == 1, "n_step", "expected 1 with a recurrent network (its replay keeps one-step transitions in sequences), found " + nStep);
                Check.that(prioritized == null, "prioritized", "not available with a recurrent network (its replay samples sequences uniformly)");
            }
        }
    }

    /**
     * A memory core between the MLP and the Q head, trained on replayed sequences (Hausknecht
     * and Stone, 2015; burn-in from Kapturowski et al., 2019): a recurrent cell, or a causal
     * Transformer over the last {@code burn_in + 1} observations ({@link AttentionQNetwork}).
     * Defaults in brackets.
     *
     * @param cell {@code lstm}, {@code gru} or {@code transformer} [lstm]
     * @param hidden width of the recurrent state, or the Transformer's width [64]
     * @param sequenceLength replayed steps that carry the loss [16]
     * @param burnIn steps before them without loss: a recurrent cell's warm-up (no gradient), the
     *     Transformer's context (it acts on the last {@code burn_in + 1} observations) [4]
     * @param heads attention heads, dividing {@code hidden} (transformer only) [4]
     * @param blocks pre-LN Transformer blocks (transformer only) [1]
     * @param mlp width of each block's GELU MLP (transformer only) [4 hidden]
     */
    public record RecurrentSettings(String cell, Integer hidden, @JsonProperty("sequence_length") Integer sequenceLength,
                                    @JsonProperty("burn_in") Integer burnIn,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) Integer heads,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) Integer blocks,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) Integer mlp) {
        public RecurrentSettings {
            if (cell == null) cell = "lstm";
            Check.that(Set.of("lstm", "gru", "transformer").contains(cell), "cell", "expected lstm, gru or transformer, found \"" + cell + "\"");
            if (hidden == null) hidden = 64;
            Check.size("hidden", hidden, MAX_WIDTH);
            if (sequenceLength == null) sequenceLength = 16;
            Check.positive("sequence_length", sequenceLength);
            if (burnIn == null) burnIn = 4;
            Check.that(burnIn >= 0, "burn_in", "expected an integer >= 0, found " + burnIn);
            if (cell.equals("transformer")) {
                if (heads == null) heads = 4;
                Check.positive("heads", heads);
                int width = hidden, h = heads;
                Check.that(width % h == 0, "heads", "expected a divisor of hidden (" + width + "), found " + h);
                if (blocks == null) blocks = 1;
                Check.that(blocks >= 1 && blocks <= 64, "blocks", "expected an integer in [1, 64], found " + blocks);
                if (mlp == null) mlp = 4 * hidden;
                Check.size("mlp", mlp, MAX_WIDTH);
            } else {
                Check.that(heads == null, "heads", "only for the transformer cell, found " + heads + " with " + cell);
                Check.that(blocks == null, "blocks", "only for the transformer cell, found " + blocks + " with " + cell);
                Check.that(mlp == null, "mlp", "only for the transformer cell, found " + mlp + " with " + cell);
            }
        }

        /** True for the Transformer core. */
        @JsonIgnore
        public boolean attention() {
            return cell.equals("transformer");
        }
    }

    /**
     * The exploratory actions' law (see {@link Exploration}); epsilon follows the schedule of
     * {@code epsilon_start}, {@code epsilon_end} and {@code exploration_fraction} either way.
     * Defaults in brackets.
     *
     * @param type {@code epsilon_greedy}: one random action with probability epsilon; {@code ez_greedy}
     *     (Dabney et al., 2021): with probability epsilon a random action held for a duration n drawn
     *     with P(n) proportional to n^-mu [epsilon_greedy]
     * @param mu the duration law's exponent, > 1 (ez_greedy only) [2]
     * @param maxDuration the longest run, in steps (ez_greedy only) [10000]
     */
    public record ExplorationSettings(String type, Double mu, @JsonProperty("max_duration") Integer maxDuration) {
        public ExplorationSettings {
            if (type == null) type = "epsilon_greedy";
            Check.that(Set.of("epsilon_greedy", "ez_greedy").contains(type), "type",
                    "expected epsilon_greedy or ez_greedy, found \"" + type + "\"");
            if (mu == null) mu = 2.0;
            Check.that(mu > 1 && mu <= 100, "mu", "expected a number in (1, 100], found " + mu);
            if (maxDuration == null) maxDuration = 10_000;
            Check.that(maxDuration >= 1 && maxDuration <= 1_000_000, "max_duration", "expected an integer in [1, 1000000], found " + maxDuration);
        }

        /** True for ez-greedy. */
        public boolean temporallyExtended() {
            return type.equals("ez_greedy");
        }
    }

    /**
     * @param alpha how much priorities count, P(i) = p_i^alpha / sum_k p_k^alpha [0.6]
     * @param betaStart importance-sampling exponent at step 0, annealed linearly to 1 by the last step [0.4]
     * @param epsilon added to |TD error| so no priority is zero [1e-6]
     */
    public record PrioritizedSettings(Double alpha, @JsonProperty("beta_start") Double betaStart, Double epsilon) {
        public PrioritizedSettings {
            if (alpha == null) alpha = 0.6;
            Check.inRange("alpha", alpha, 0, 1);
            if (betaStart == null) betaStart = 0.4;
            Check.inRange("beta_start", betaStart, 0, 1);
            if (epsilon == null) epsilon = 1e-6;
            Check.positive("epsilon", epsilon);
        }
    }

    /**
     * @param hidden widths of the hidden layers [64, 64]
     * @param activation between hidden layers: relu, tanh, elu, leaky_relu, sigmoid [relu]
     * @param init weight initialiser (see {@code dev.jgym.nn.Init}) [he_uniform]
     * @param outputs the output size; optional, and when given it must equal the number of actions
     * @param encoder layers in front of the MLP, as supervised configs write them (see {@link Encoder}),
     *     e.g. {@code [{"type": "conv2d", "out_channels": 16, "kernel": 3}, {"type": "relu"}, {"type": "flatten"}]};
     *     they read the observation as {@code [C, H, W]} (see {@code observation}); absent: none
     * @param observation how the network reads the observation (see {@link ObservationView}); absent:
     *     a one-dimensional Box, as it is
     */
    public record NetworkSettings(List<Integer> hidden, String activation, String init, Integer outputs,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode encoder,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) ObservationSettings observation) {
        /** An MLP without an encoder. */
        public NetworkSettings(List<Integer> hidden, String activation, String init, Integer outputs) {
            this(hidden, activation, init, outputs, null, null);
        }

        public NetworkSettings {
            if (hidden == null) hidden = List.of(64, 64);
            hidden = List.copyOf(hidden);
            for (int i = 0; i < hidden.size(); i++) Check.that(hidden.get(i) != null && hidden.get(i) > 0, "hidden[" + i + "]", "expected a positive integer, found " + hidden.get(i));
            Check.that(hidden.size() <= MAX_LAYERS, "hidden", "expected at most " + MAX_LAYERS + " layers (the limit of this size), found " + hidden.size());
            for (int i = 0; i < hidden.size(); i++) Check.size("hidden[" + i + "]", hidden.get(i), MAX_WIDTH);
            if (activation == null) activation = "relu";
            Check.that(Set.of("relu", "tanh", "elu", "leaky_relu", "sigmoid").contains(activation), "activation",
                    "expected relu, tanh, elu, leaky_relu or sigmoid, found \"" + activation + "\"");
            if (init == null) init = "he_uniform";
            try {
                dev.jgym.nn.Init.parse(init);
            } catch (IllegalArgumentException e) {
                throw new Check.FieldError("init", e.getMessage());
            }
            if (outputs != null) Check.positive("outputs", outputs);
            if (encoder != null && encoder.isNull()) encoder = null;
            Check.that(encoder == null || encoder.isArray() && !encoder.isEmpty(), "encoder", "expected a non-empty array of layer specs, found " + encoder);
        }
    }

    /**
     * How the network reads the env's observation, when it is not a one-dimensional Box.
     *
     * @param layout how a 3-D observation (Box or MultiBinary) lies: {@code "hwc"} (rows, columns,
     *     channels: MinAtar, Snake, the board games) or {@code "chw"} (channels first: MazeRunner); the
     *     network reads {@code [C, H, W]}, so "hwc" is transposed once per observation
     * @param pixels read a picture of the env's scene instead (the {@code PixelObservation} wrapper's
     *     rendering), {@code [channels, height, width]} with values / 255
     */
    public record ObservationSettings(String layout, PixelSettings pixels) {
        public ObservationSettings {
            Check.that(layout == null || layout.equals("hwc") || layout.equals("chw"), "layout", "expected \"hwc\" or \"chw\", found \"" + layout + "\"");
            Check.that(layout == null || pixels == null, "layout", "not used with pixels (a picture is read as [channels, height, width])");
            Check.that(layout != null || pixels != null, "layout", "missing: give \"layout\" (\"hwc\" or \"chw\") or \"pixels\"");
        }
    }

    /** @param width pixels across; @param height pixels down; @param grayscale one luma channel instead of RGB [true] */
    public record PixelSettings(@JsonProperty(required = true) Integer width, @JsonProperty(required = true) Integer height, Boolean grayscale) {
        public PixelSettings {
            Check.present("width", width);
            Check.that(width >= 1 && width <= 256, "width", "expected an integer in [1, 256], found " + width);
            Check.present("height", height);
            Check.that(height >= 1 && height <= 256, "height", "expected an integer in [1, 256], found " + height);
            if (grayscale == null) grayscale = true;
        }
    }

    /**
     * @param interval env steps between greedy evaluations [5000]
     * @param episodes episodes per evaluation [10]
     * @param finalEpisodes episodes of the final evaluation (and of the check that decides "solved") [100]
     * @param threshold the evaluation mean that counts as solved; default: the env's reward threshold
     * @param stopWhenSolved stop training once a final-size evaluation reaches the threshold [true]
     */
    public record EvaluationSettings(Integer interval, Integer episodes, @JsonProperty("final_episodes") Integer finalEpisodes,
                                     Double threshold, @JsonProperty("stop_when_solved") Boolean stopWhenSolved) {
        public EvaluationSettings {
            if (interval == null) interval = 5000;
            Check.positive("interval", interval);
            if (episodes == null) episodes = 10;
            Check.positive("episodes", episodes);
            if (finalEpisodes == null) finalEpisodes = 100;
            Check.positive("final_episodes", finalEpisodes);
            if (threshold != null) Check.finite("threshold", threshold);
            if (stopWhenSolved == null) stopWhenSolved = true;
        }
    }

    /** @param interval env steps between checkpoints, 0 for one at the end only [0] */
    public record CheckpointSettings(Integer interval) {
        public CheckpointSettings {
            if (interval == null) interval = 0;
            Check.that(interval >= 0, "interval", "expected an integer >= 0, found " + interval);
        }
    }

    /**
     * Replays of greedy evaluation episodes, written under the run folder's {@code replays/} (see
     * {@link DqnReplays}). Recording reads the greedy agent's Q-values and draws no random number,
     * so it never changes a training result.
     *
     * @param finalEvaluation record the final evaluation's last episode as {@code replays/final-evaluation.jgr} [true]
     * @param schedule which periodic evaluations get their last episode recorded as
     *     {@code replays/evaluation/episode-K.jgr} (K counts evaluations from 0): {@code capped_cubic}
     *     (0, 1, 8, 27, ..., 729, then every 1000th), {@code every}, {@code all} or {@code none} [capped_cubic]
     * @param every with schedule {@code every}: record evaluations 0, n, 2n, ...
     * @param annotations store the greedy agent's Q-values at each step (the viewer's bars) [true]
     */
    public record ReplaySettings(@JsonProperty("final") Boolean finalEvaluation, String schedule, Integer every, Boolean annotations) {
        public static final List<String> SCHEDULES = List.of("capped_cubic", "every", "all", "none");
        /** The final evaluation and the capped-cubic schedule, annotated. */
        public static final ReplaySettings DEFAULT = new ReplaySettings(null, null, null, null);

        public ReplaySettings {
            if (finalEvaluation == null) finalEvaluation = true;
            if (schedule == null) schedule = "capped_cubic";
            Check.that(SCHEDULES.contains(schedule), "schedule", "expected one of capped_cubic, every, all, none, found \"" + schedule + "\"");
            if (schedule.equals("every")) {
                Check.present("every", every);
                Check.positive("every", every);
            } else {
                Check.that(every == null, "every", "only used with schedule \"every\", found schedule \"" + schedule + "\"");
            }
            if (annotations == null) annotations = true;
        }

        /** Nothing is recorded. */
        public boolean off() {
            return !finalEvaluation && schedule.equals("none");
        }
    }
}
