package dev.jgym.agents.dqn;

import dev.jgym.nn.optim.OptimizerConfig;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import java.util.List;
import java.util.Set;

/**
 * The optional {@code "imitation"} block of a DQN config: adversarial imitation from expert replays
 * (see {@link AdversarialImitation}). Without it a DQN learns from the env's reward as before.
 *
 * <pre>{@code
 * "imitation": {
 *   "expert": ["runs/dqn-cartpole/replays/expert"],
 *   "episodes": 10,
 *   "discriminator": {"network": {"hidden": [64, 64], "activation": "tanh"},
 *                     "optimizer": {"type": "adam", "lr": 0.0003},
 *                     "batch_size": 64, "update_interval": 4, "updates": 1,
 *                     "label_smoothing": 0.0, "learner_window": 10000},
 *   "reward": {"form": "gail", "clip": 10}
 * }
 * }</pre>
 *
 * @param expert {@code .jgr} files or folders of them (searched like {@code jgym view} does), paths
 *     relative to the working folder; every file is verified, in the order given (a folder's files
 *     sorted by episode number)
 * @param episodes how many expert episodes to use, the first ones found [10]
 * @param discriminator D(s, a): its network, optimizer and update schedule
 * @param reward how D becomes the learner's reward
 */
public record ImitationSettings(
        @JsonProperty(required = true) List<String> expert,
        Integer episodes,
        DiscriminatorSettings discriminator,
        RewardSettings reward) {

    public ImitationSettings {
        Check.present("expert", expert);
        Check.that(!expert.isEmpty(), "expert", "expected at least one .jgr file or folder");
        for (int i = 0; i < expert.size(); i++) {
            Check.that(expert.get(i) != null && !expert.get(i).isBlank(), "expert[" + i + "]", "expected a path, found " + expert.get(i));
        }
        expert = List.copyOf(expert);
        if (episodes == null) episodes = 10;
        Check.positive("episodes", episodes);
        if (discriminator == null) discriminator = new DiscriminatorSettings(null, null, null, null, null, null, null);
        if (reward == null) reward = new RewardSettings(null, null);
    }

    /**
     * The discriminator D(s, a) = sigmoid(MLP([s, onehot(a)])) and when it learns. Defaults in brackets.
     *
     * @param network the MLP's hidden layers, as a DQN network [64, 64 tanh]; its output is one logit
     * @param optimizer as in supervised configs [adam, lr 0.0003]
     * @param batchSize expert pairs and learner pairs per update (each) [64]
     * @param updateInterval env steps between updates, once the DQN's {@code learning_starts} has passed [1]
     * @param updates updates each time [1]
     * @param labelSmoothing one-sided: expert targets are 1 - this [0]
     * @param learnerWindow learner pairs are drawn uniformly from the newest this many transitions
     *     of the DQN's replay buffer (recent behaviour, not the whole history) [10000]
     */
    public record DiscriminatorSettings(
            DqnConfig.NetworkSettings network,
            OptimizerConfig optimizer,
            @JsonProperty("batch_size") Integer batchSize,
            @JsonProperty("update_interval") Integer updateInterval,
            Integer updates,
            @JsonProperty("label_smoothing") Double labelSmoothing,
            @JsonProperty("learner_window") Integer learnerWindow) {
        public DiscriminatorSettings {
            if (network == null) network = new DqnConfig.NetworkSettings(List.of(64, 64), "tanh", null, null);
            Check.that(network.outputs() == null || network.outputs() == 1, "network.outputs", "expected 1 (one logit) or nothing, found " + network.outputs());
            if (optimizer == null) optimizer = new OptimizerConfig("adam", 3e-4, null, null);
            if (batchSize == null) batchSize = 64;
            Check.positive("batch_size", batchSize);
            if (updateInterval == null) updateInterval = 1;
            Check.positive("update_interval", updateInterval);
            if (updates == null) updates = 1;
            Check.positive("updates", updates);
            if (labelSmoothing == null) labelSmoothing = 0.0;
            Check.that(labelSmoothing >= 0 && labelSmoothing < 0.5, "label_smoothing", "expected a number in [0, 0.5), found " + labelSmoothing);
            if (learnerWindow == null) learnerWindow = 10_000;
            Check.positive("learner_window", learnerWindow);
        }
    }

    /**
     * The learner's reward from D's logit z (D = sigmoid(z)); z is first clamped to [-clip, clip]
     * so the reward stays finite and bounded however sure D becomes.
     *
     * @param form {@code gail}: r = -log(1 - D) = softplus(z), in [softplus(-clip), softplus(clip)]
     *     (about [4.5e-5, 10.00005] for clip 10); {@code logit}: r = log D - log(1 - D) = z, in
     *     [-clip, clip] (AIRL's form, Fu et al. 2018) [gail]
     * @param clip the logit bound [10]
     */
    public record RewardSettings(String form, Double clip) {
        public static final Set<String> FORMS = Set.of("gail", "logit");

        public RewardSettings {
            if (form == null) form = "gail";
            Check.that(FORMS.contains(form), "form", "expected gail or logit, found \"" + form + "\"");
            if (clip == null) clip = 10.0;
            Check.positive("clip", clip);
            Check.finite("clip", clip);
        }
    }
}
