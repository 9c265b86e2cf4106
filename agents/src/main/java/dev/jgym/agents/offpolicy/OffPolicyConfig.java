package dev.jgym.agents.offpolicy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.dqn.DqnConfig;
import dev.jgym.agents.pg.PgConfig;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.nn.optim.OptimizerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * An off-policy actor-critic training run as data. {@code jgym train} takes it for a config with a
 * top-level {@code "offpolicy"} key.
 *
 * <pre>{@code
 * {
 *   "name": "sac-pendulum",
 *   "seed": 1,
 *   "env": {"id": "Pendulum-v1"},
 *   "offpolicy": {"algorithm": "sac", "total_steps": 20000, "optimizer": {"type": "adam", "lr": 0.001}},
 *   "evaluation": {"interval": 5000, "episodes": 10, "final_episodes": 100},
 *   "checkpoint": {"interval": 10000}
 * }
 * }</pre>
 *
 * @param name short name, used in titles and as the default output folder ({@code runs/<name>})
 * @param description free text (optional)
 * @param seed root of every random stream: training episode e from {@code child("env").child(e)},
 *     weights from {@code child("init")}, warm-up and exploration actions from {@code child("explore")},
 *     minibatches from {@code child("replay")}, the learner's own draws (SAC's policy samples, TD3's
 *     target noise) from {@code child("learner")}, evaluation episodes from {@code child("eval")} and {@code child("final")}
 * @param env the env id and its options (a bounded one-dimensional Box action space)
 * @param backend {@code cpu} (default) or {@code auto} (the CPU backend)
 * @param offpolicy the algorithm's settings
 * @param evaluation deterministic evaluation episodes at intervals and at the end
 * @param checkpoint how often to write a checkpoint
 * @param replays which evaluation episodes become {@code .jgr} replays (as in DQN configs)
 */
public record OffPolicyConfig(
        @JsonProperty(required = true) String name,
        String description,
        @JsonProperty(required = true) Long seed,
        @JsonProperty(required = true) PgConfig.EnvConfig env,
        String backend,
        @JsonProperty(required = true) Settings offpolicy,
        PgConfig.EvaluationSettings evaluation,
        PgConfig.CheckpointSettings checkpoint,
        DqnConfig.ReplaySettings replays) {

    public OffPolicyConfig {
        Check.present("name", name);
        Check.that(!name.isBlank(), "name", "expected a non-empty string");
        description = description == null ? "" : description;
        Check.present("seed", seed);
        Check.present("env", env);
        if (backend == null) backend = "cpu";
        Check.that(Set.of("cpu", "auto").contains(backend), "backend", "expected cpu or auto, found \"" + backend + "\"");
        Check.present("offpolicy", offpolicy);
        if (evaluation == null) evaluation = new PgConfig.EvaluationSettings(null, null, null, null);
        if (checkpoint == null) checkpoint = new PgConfig.CheckpointSettings(null);
        if (replays == null) replays = DqnConfig.ReplaySettings.DEFAULT;
    }

    public static OffPolicyConfig read(Path file) {
        return Json.read(file, OffPolicyConfig.class);
    }

    /** The algorithms of the family. */
    public static final List<String> ALGORITHMS = List.of("sac", "td3", "ddpg");

    /**
     * SAC (Haarnoja et al., 2018), TD3 (Fujimoto et al., 2018) or DDPG (Lillicrap et al., 2016, as
     * TD3 without its three changes); defaults in brackets are Stable-Baselines3's.
     *
     * @param algorithm {@code sac}, {@code td3} or {@code ddpg} [sac]
     * @param totalSteps env steps to train for
     * @param bufferSize replay capacity, in transitions [1000000, at most 50M]
     * @param learningStarts env steps of uniformly random actions before the first update [100]
     * @param warmupHold each warm-up action is held for this many env steps (temporally correlated
     *     exploration: held actions rock MountainCarContinuous's car to the flag, per-step ones do not) [1]
     * @param batchSize minibatch size [256]
     * @param tau Polyak coefficient: target = (1 - tau) target + tau online after each update of the networks [0.005]
     * @param gamma discount [0.99]
     * @param trainFreq env steps between rounds of updates [1]
     * @param gradientSteps updates per round [1]
     * @param entCoef SAC's temperature alpha, fixed; absent: learned ("auto") to reach the target entropy
     * @param entCoefInit the learned alpha's initial value [1]
     * @param targetEntropy SAC's entropy target [-|A|]
     * @param actionNoise TD3/DDPG: std of the Gaussian exploration noise, in units of the half range of the actions [0.1]
     * @param targetPolicyNoise TD3: std of the target policy smoothing noise [0.2; ddpg 0]
     * @param targetNoiseClip TD3: the smoothing noise is clipped to +- this [0.5]
     * @param policyDelay TD3: critic updates per actor (and target) update [2; ddpg 1]
     * @param network the actor's and the critics' MLPs
     * @param optimizer the update rule of the actor, the critics and SAC's temperature (one each, same settings) [adam, lr 0.0003]
     */
    public record Settings(
            String algorithm,
            @JsonProperty(value = "total_steps", required = true) Long totalSteps,
            @JsonProperty("buffer_size") Integer bufferSize,
            @JsonProperty("learning_starts") Integer learningStarts,
            @JsonProperty("warmup_hold") Integer warmupHold,
            @JsonProperty("batch_size") Integer batchSize,
            Double tau,
            Double gamma,
            @JsonProperty("train_freq") Integer trainFreq,
            @JsonProperty("gradient_steps") Integer gradientSteps,
            @JsonProperty("ent_coef") Double entCoef,
            @JsonProperty("ent_coef_init") Double entCoefInit,
            @JsonProperty("target_entropy") Double targetEntropy,
            @JsonProperty("action_noise") Double actionNoise,
            @JsonProperty("target_policy_noise") Double targetPolicyNoise,
            @JsonProperty("target_noise_clip") Double targetNoiseClip,
            @JsonProperty("policy_delay") Integer policyDelay,
            NetworkSettings network,
            OptimizerConfig optimizer) {
        public Settings {
            if (algorithm == null) algorithm = "sac";
            Check.that(ALGORITHMS.contains(algorithm), "algorithm", "expected sac, td3 or ddpg, found \"" + algorithm + "\"");
            boolean sac = algorithm.equals("sac"), ddpg = algorithm.equals("ddpg");
            Check.present("total_steps", totalSteps);
            Check.positive("total_steps", totalSteps);
            Check.size("total_steps", totalSteps, 1_000_000_000_000L);
            if (bufferSize == null) bufferSize = 1_000_000;
            Check.positive("buffer_size", bufferSize);
            Check.size("buffer_size", bufferSize, 50_000_000);
            if (learningStarts == null) learningStarts = 100;
            Check.that(learningStarts >= 0, "learning_starts", "expected an integer >= 0, found " + learningStarts);
            if (warmupHold == null) warmupHold = 1;
            Check.positive("warmup_hold", warmupHold);
            if (batchSize == null) batchSize = 256;
            Check.positive("batch_size", batchSize);
            Check.size("batch_size", batchSize, 1_000_000);
            if (tau == null) tau = 0.005;
            Check.that(tau > 0 && tau <= 1, "tau", "expected a number in (0, 1], found " + tau);
            if (gamma == null) gamma = 0.99;
            Check.inRange("gamma", gamma, 0, 1);
            if (trainFreq == null) trainFreq = 1;
            Check.positive("train_freq", trainFreq);
            if (gradientSteps == null) gradientSteps = 1;
            Check.positive("gradient_steps", gradientSteps);
            Check.size("gradient_steps", gradientSteps, 1_000_000);
            for (var e : new Object[][] {{"ent_coef", entCoef}, {"ent_coef_init", entCoefInit}, {"target_entropy", targetEntropy}}) {
                Check.that(sac || e[1] == null, (String) e[0], "only used with algorithm \"sac\", found \"" + algorithm + "\"");
            }
            for (var e : new Object[][] {{"action_noise", actionNoise}, {"target_policy_noise", targetPolicyNoise},
                    {"target_noise_clip", targetNoiseClip}, {"policy_delay", policyDelay}}) {
                Check.that(!sac || e[1] == null, (String) e[0], "only used with algorithm td3 or ddpg, found \"sac\"");
            }
            if (entCoef != null) Check.positive("ent_coef", entCoef);
            if (sac && entCoefInit == null) entCoefInit = 1.0;
            if (entCoefInit != null) Check.positive("ent_coef_init", entCoefInit);
            if (targetEntropy != null) Check.finite("target_entropy", targetEntropy);
            if (!sac) {
                if (actionNoise == null) actionNoise = 0.1;
                Check.nonNegative("action_noise", actionNoise);
                if (targetPolicyNoise == null) targetPolicyNoise = ddpg ? 0.0 : 0.2;
                Check.nonNegative("target_policy_noise", targetPolicyNoise);
                if (targetNoiseClip == null) targetNoiseClip = 0.5;
                Check.nonNegative("target_noise_clip", targetNoiseClip);
                if (policyDelay == null) policyDelay = ddpg ? 1 : 2;
                Check.positive("policy_delay", policyDelay);
            }
            if (network == null) network = new NetworkSettings(null, null);
            if (optimizer == null) optimizer = new OptimizerConfig("adam", 3e-4, null, null);
        }

        public boolean sac() {
            return algorithm.equals("sac");
        }

        /** Critics: two (SAC's and TD3's clipped double Q), one for DDPG. */
        public int critics() {
            return algorithm.equals("ddpg") ? 1 : 2;
        }
    }

    /**
     * @param hidden widths of the hidden layers of the actor and of each critic [256, 256]
     * @param activation between hidden layers: relu, tanh, elu, leaky_relu, sigmoid [relu]
     */
    public record NetworkSettings(List<Integer> hidden, String activation) {
        public NetworkSettings {
            if (hidden == null) hidden = List.of(256, 256);
            hidden = List.copyOf(hidden);
            Check.that(!hidden.isEmpty() && hidden.size() <= 16, "hidden", "expected 1 to 16 layers, found " + hidden.size());
            for (int i = 0; i < hidden.size(); i++) {
                Check.that(hidden.get(i) != null && hidden.get(i) > 0 && hidden.get(i) <= 65536, "hidden[" + i + "]",
                        "expected an integer in [1, 65536], found " + hidden.get(i));
            }
            if (activation == null) activation = "relu";
            Check.that(Set.of("relu", "tanh", "elu", "leaky_relu", "sigmoid").contains(activation), "activation",
                    "expected relu, tanh, elu, leaky_relu or sigmoid, found \"" + activation + "\"");
        }

        int[] widths() {
            return hidden.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
