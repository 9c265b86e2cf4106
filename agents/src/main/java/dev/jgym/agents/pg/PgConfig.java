package dev.jgym.agents.pg;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.dqn.DqnConfig;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.nn.optim.OptimizerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A policy-gradient training run as data. {@code jgym train} takes it for a config with a
 * top-level {@code "pg"} key.
 *
 * <pre>{@code
 * {
 *   "name": "ppo-cartpole",
 *   "seed": 1,
 *   "env": {"id": "CartPole-v1"},
 *   "pg": {"algorithm": "ppo", "total_steps": 100000, "n_envs": 8, "n_steps": 32, "gamma": 0.98, "gae_lambda": 0.8,
 *          "n_epochs": 20, "batch_size": 256, "clip_range": 0.2, "ent_coef": 0.0,
 *          "network": {"hidden": [64, 64], "activation": "tanh"},
 *          "optimizer": {"type": "adam", "lr": 0.001}},
 *   "evaluation": {"interval": 10000, "episodes": 10, "final_episodes": 100},
 *   "checkpoint": {"interval": 10000}
 * }
 * }</pre>
 *
 * @param name short name, used in titles and as the default output folder ({@code runs/<name>})
 * @param description free text (optional)
 * @param seed root of every random stream: sub-env i's episode e from {@code child("env").child(i).child(e)},
 *     weights from {@code child("init")}, actions from {@code child("policy")}, minibatches from
 *     {@code child("minibatch")}, evaluation episodes from {@code child("eval")} and {@code child("final")}
 * @param env the env id and its options
 * @param backend {@code cpu} (default) or {@code auto} (the CPU backend: the update reads host arrays between kernels)
 * @param pg the algorithm's settings
 * @param evaluation greedy evaluation episodes at intervals and at the end
 * @param checkpoint how often to write a checkpoint
 * @param replays which greedy evaluation episodes become {@code .jgr} replays (as in DQN configs:
 *     the final evaluation's last episode and capped-cubic periodic ones by default)
 */
public record PgConfig(
        @JsonProperty(required = true) String name,
        String description,
        @JsonProperty(required = true) Long seed,
        @JsonProperty(required = true) EnvConfig env,
        String backend,
        @JsonProperty(required = true) PgSettings pg,
        EvaluationSettings evaluation,
        CheckpointSettings checkpoint,
        DqnConfig.ReplaySettings replays) {

    public PgConfig {
        Check.present("name", name);
        Check.that(!name.isBlank(), "name", "expected a non-empty string");
        description = description == null ? "" : description;
        Check.present("seed", seed);
        Check.present("env", env);
        if (backend == null) backend = "cpu";
        Check.that(Set.of("cpu", "auto").contains(backend), "backend", "expected cpu or auto, found \"" + backend + "\"");
        Check.present("pg", pg);
        if (evaluation == null) evaluation = new EvaluationSettings(null, null, null, null);
        if (checkpoint == null) checkpoint = new CheckpointSettings(null);
        if (replays == null) replays = DqnConfig.ReplaySettings.DEFAULT;
    }

    public static PgConfig read(Path file) {
        return Json.read(file, PgConfig.class);
    }

    /** @param id a registered env id; @param options its options (optional) */
    public record EnvConfig(@JsonProperty(required = true) String id, Map<String, Object> options) {
        public EnvConfig {
            Check.present("id", id);
            options = options == null ? Map.of() : options;
        }
    }

    /** The algorithms of the family. */
    public static final List<String> ALGORITHMS = List.of("ppo", "a2c");

    /**
     * PPO (Schulman et al., 2017) or A2C (Mnih et al., 2016, synchronous) on {@code n_envs} envs of
     * a {@code SyncVectorEnv}; defaults in brackets are Stable-Baselines3's PPO defaults.
     *
     * @param algorithm {@code ppo} (clipped surrogate, several epochs of minibatches) or {@code a2c}
     *     (the plain policy gradient -A log pi, one update per rollout: n_epochs 1, the whole rollout as the batch) [ppo]
     * @param totalSteps env steps to train for (all envs together), rounded down to whole rollouts (at least one), so the budget is never passed
     * @param nEnvs envs stepped together [8]
     * @param nSteps steps per env in one rollout [2048 for ppo, 5 for a2c]
     * @param gamma discount [0.99]
     * @param gaeLambda GAE's lambda; 1 is the Monte Carlo advantage [0.95]
     * @param nEpochs passes over a rollout (PPO) [10]
     * @param batchSize minibatch size; must divide n_envs * n_steps (PPO) [64]
     * @param clipRange the surrogate's epsilon [0.2]
     * @param clipRangeVf clip the value prediction to this distance from the rollout's value; absent: no clipping
     * @param normalizeAdvantage advantages to zero mean and unit std per minibatch [true for ppo, false for a2c]
     * @param entCoef entropy bonus weight [0]
     * @param vfCoef value loss weight [0.5]
     * @param maxGradNorm clip gradients to this global norm, 0 for no clipping [0.5]
     * @param schedule {@code linear}: learning rate and clip range fall linearly to 0 over the run; {@code constant} [constant]
     * @param normalize running normalization of observations and rewards (SB3's {@code VecNormalize}); absent: none
     * @param network the actor's and the critic's MLPs (separate networks of the same shape)
     * @param recurrent a recurrent core before each MLP (recurrent PPO); absent: feed-forward
     * @param optimizer the update rule over both networks (as in DQN and supervised configs)
     * @param actionMask act, and compute the update's log-probabilities, ratios and entropies, only over the
     *     actions the env's info {@code "action_mask"} allows (MaskablePPO's masked categorical: a masked logit counts
     *     as minus infinity); Discrete actions and an env whose info carries the mask [false]
     */
    public record PgSettings(
            String algorithm,
            @JsonProperty(value = "total_steps", required = true) Long totalSteps,
            @JsonProperty("n_envs") Integer nEnvs,
            @JsonProperty("n_steps") Integer nSteps,
            Double gamma,
            @JsonProperty("gae_lambda") Double gaeLambda,
            @JsonProperty("n_epochs") Integer nEpochs,
            @JsonProperty("batch_size") Integer batchSize,
            @JsonProperty("clip_range") Double clipRange,
            @JsonProperty("clip_range_vf") Double clipRangeVf,
            @JsonProperty("normalize_advantage") Boolean normalizeAdvantage,
            @JsonProperty("ent_coef") Double entCoef,
            @JsonProperty("vf_coef") Double vfCoef,
            @JsonProperty("max_grad_norm") Double maxGradNorm,
            String schedule,
            NormalizeSettings normalize,
            NetworkSettings network,
            RecurrentSettings recurrent,
            @JsonProperty(required = true) OptimizerConfig optimizer,
            @JsonProperty("action_mask") @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean actionMask) {
        public PgSettings {
            if (algorithm == null) algorithm = "ppo";
            Check.that(ALGORITHMS.contains(algorithm), "algorithm", "expected ppo or a2c, found \"" + algorithm + "\"");
            boolean ppo = algorithm.equals("ppo");
            Check.present("total_steps", totalSteps);
            Check.positive("total_steps", totalSteps);
            Check.size("total_steps", totalSteps, 1_000_000_000_000L);
            if (nEnvs == null) nEnvs = 8;
            Check.positive("n_envs", nEnvs);
            Check.size("n_envs", nEnvs, 4096);
            if (nSteps == null) nSteps = ppo ? 2048 : 5;
            Check.positive("n_steps", nSteps);
            Check.size("n_steps", (long) nSteps * nEnvs, 10_000_000);
            if (gamma == null) gamma = 0.99;
            Check.inRange("gamma", gamma, 0, 1);
            if (gaeLambda == null) gaeLambda = ppo ? 0.95 : 1.0;
            Check.inRange("gae_lambda", gaeLambda, 0, 1);
            if (nEpochs == null) nEpochs = ppo ? 10 : 1;
            Check.positive("n_epochs", nEpochs);
            Check.size("n_epochs", nEpochs, 10_000);
            Check.that(ppo || nEpochs == 1, "n_epochs", "expected 1 for a2c (one update per rollout), found " + nEpochs);
            int rollout = nSteps * nEnvs;
            if (batchSize == null) batchSize = ppo ? Math.min(64, rollout) : rollout;
            Check.positive("batch_size", batchSize);
            Check.that(rollout % batchSize == 0, "batch_size", "expected a divisor of n_envs * n_steps (" + rollout + "), found " + batchSize);
            Check.that(ppo || batchSize == rollout, "batch_size", "expected n_envs * n_steps (" + rollout + ") for a2c, found " + batchSize);
            Check.that(totalSteps >= rollout, "total_steps", "expected at least one rollout (n_envs * n_steps = " + rollout + "), found " + totalSteps);
            if (clipRange == null) clipRange = 0.2;
            Check.positive("clip_range", clipRange);
            if (clipRangeVf != null) Check.positive("clip_range_vf", clipRangeVf);
            if (normalizeAdvantage == null) normalizeAdvantage = ppo;
            if (entCoef == null) entCoef = 0.0;
            Check.nonNegative("ent_coef", entCoef);
            if (vfCoef == null) vfCoef = 0.5;
            Check.nonNegative("vf_coef", vfCoef);
            if (maxGradNorm == null) maxGradNorm = 0.5;
            Check.nonNegative("max_grad_norm", maxGradNorm);
            if (schedule == null) schedule = "constant";
            Check.that(Set.of("constant", "linear").contains(schedule), "schedule", "expected constant or linear, found \"" + schedule + "\"");
            if (normalize == null) normalize = new NormalizeSettings(false, false, null, null);
            if (network == null) network = new NetworkSettings(null, null, null);
            if (recurrent != null) {
                Check.that(batchSize % nSteps == 0, "batch_size", "expected a multiple of n_steps (" + nSteps
                        + ": a recurrent minibatch is whole env sequences), found " + batchSize);
            }
            Check.present("optimizer", optimizer);
            if (actionMask == null) actionMask = false;
        }

        public boolean ppo() {
            return algorithm.equals("ppo");
        }

        /** Env steps in one rollout. */
        public int rolloutSize() {
            return nSteps * nEnvs;
        }

        /** Rollouts to run: total_steps rounded down to whole rollouts. */
        public long iterations() {
            return totalSteps / rolloutSize();
        }
    }

    /**
     * Running mean/std normalization as Stable-Baselines3's {@code VecNormalize} (the zoo's
     * {@code normalize: true} is both): statistics updated from the training envs, saved in the
     * checkpoint, frozen for evaluation; the metrics' returns stay the env's.
     *
     * @param observations observations to (o - mean) / sqrt(var + 1e-8), clipped [false]
     * @param rewards rewards divided by the running std of the discounted return (gamma: the run's), clipped [false]
     * @param clipObservations the bound of the normalized observations [10]
     * @param clipRewards the bound of the normalized rewards [10]
     */
    public record NormalizeSettings(Boolean observations, Boolean rewards, @JsonProperty("clip_observations") Double clipObservations,
                                    @JsonProperty("clip_rewards") Double clipRewards) {
        public NormalizeSettings {
            if (observations == null) observations = false;
            if (rewards == null) rewards = false;
            if (clipObservations == null) clipObservations = 10.0;
            Check.positive("clip_observations", clipObservations);
            if (clipRewards == null) clipRewards = 10.0;
            Check.positive("clip_rewards", clipRewards);
        }

        /** Whether anything is normalized. */
        public boolean any() {
            return observations || rewards;
        }
    }

    /**
     * @param hidden widths of the hidden layers of the actor and of the critic [64, 64]
     * @param activation between hidden layers: tanh, relu, elu, leaky_relu, sigmoid [tanh]
     * @param logStdInit the Gaussian policy's initial log sigma (Box actions) [0]
     */
    public record NetworkSettings(List<Integer> hidden, String activation, @JsonProperty("log_std_init") Double logStdInit) {
        public NetworkSettings {
            if (hidden == null) hidden = List.of(64, 64);
            hidden = List.copyOf(hidden);
            Check.that(hidden.size() <= 16, "hidden", "expected at most 16 layers, found " + hidden.size());
            for (int i = 0; i < hidden.size(); i++) {
                Check.that(hidden.get(i) != null && hidden.get(i) > 0 && hidden.get(i) <= 65536, "hidden[" + i + "]",
                        "expected an integer in [1, 65536], found " + hidden.get(i));
            }
            if (activation == null) activation = "tanh";
            Check.that(Set.of("relu", "tanh", "elu", "leaky_relu", "sigmoid").contains(activation), "activation",
                    "expected tanh, relu, elu, leaky_relu or sigmoid, found \"" + activation + "\"");
            if (logStdInit == null) logStdInit = 0.0;
            Check.finite("log_std_init", logStdInit);
        }

        int[] widths() {
            return hidden.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * Recurrent PPO (as sb3-contrib's {@code RecurrentPPO} with {@code enable_critic_lstm}): the
     * actor and the critic each read the observations through their own recurrent core, whose state
     * is carried from step to step per env and set to zero at every episode start; the MLPs of
     * {@code network} sit on the core's output. Updates unroll whole env sequences of
     * {@code n_steps} (backpropagation through the rollout), so {@code batch_size} is a multiple of
     * {@code n_steps}.
     *
     * @param cell {@code lstm} or {@code gru} [lstm]
     * @param hidden the core's state size [64]
     */
    public record RecurrentSettings(String cell, Integer hidden) {
        public RecurrentSettings {
            if (cell == null) cell = "lstm";
            Check.that(Set.of("lstm", "gru").contains(cell), "cell", "expected lstm or gru, found \"" + cell + "\"");
            if (hidden == null) hidden = 64;
            Check.that(hidden > 0 && hidden <= 65536, "hidden", "expected an integer in [1, 65536], found " + hidden);
        }
    }

    /**
     * @param interval env steps between greedy evaluations (at the first rollout boundary past each multiple) [10000]
     * @param episodes episodes per evaluation [10]
     * @param finalEpisodes episodes of the final evaluation [100]
     * @param threshold the final mean that counts as solved; default: the env's reward threshold
     */
    public record EvaluationSettings(Integer interval, Integer episodes, @JsonProperty("final_episodes") Integer finalEpisodes, Double threshold) {
        public EvaluationSettings {
            if (interval == null) interval = 10_000;
            Check.positive("interval", interval);
            if (episodes == null) episodes = 10;
            Check.positive("episodes", episodes);
            Check.size("episodes", episodes, 1_000_000);
            if (finalEpisodes == null) finalEpisodes = 100;
            Check.positive("final_episodes", finalEpisodes);
            Check.size("final_episodes", finalEpisodes, 1_000_000);
            if (threshold != null) Check.finite("threshold", threshold);
        }
    }

    /** @param interval env steps between checkpoints (at the first rollout boundary past each multiple), 0 for one at the end only [0] */
    public record CheckpointSettings(Integer interval) {
        public CheckpointSettings {
            if (interval == null) interval = 0;
            Check.that(interval >= 0, "interval", "expected an integer >= 0, found " + interval);
        }
    }
}
