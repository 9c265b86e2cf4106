package dev.jgym.envs.bandit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.env.BaseEnv;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.space.Discrete;
import java.util.List;
import java.util.Map;

/**
 * BernoulliBandit: k coins; arm a pays 1 with probability p_a, else 0.
 *
 * <p>Action space {@code Discrete(k)}: the arm to pull.
 * <p>Observation {@code Discrete(1)}: always 0 (a bandit has one state).
 * <p>True values: p_a, uniform in [0, 1) independently per arm, or the fixed
 * {@code probabilities} when given.
 * <p>Reward: 1 with probability p_A, else 0 (the reward Thompson sampling with a Beta prior
 * expects).
 * <p>Episode: {@code max_episode_steps} pulls (1000 by default), then truncated by the spec's time
 * limit; never terminated.
 * <p>When the arms are drawn: on the first reset and on every reset with a seed, from the env
 * stream; a reset without a seed starts a new episode on the same arms.
 * <p>Info of every step: {@code optimal} (Boolean: p_A is the highest p, ties count) and
 * {@code regret} (Double: max p minus p_A).
 * <p>Reset options: none.
 * <p>Versions: v0.
 */
public final class BernoulliBandit extends BaseEnv<Integer, Integer> {
    public static final String ID = "BernoulliBandit-v0";
    private static final Integer OBSERVATION = 0;
    private static final Discrete ONE_STATE = new Discrete(1);

    /** The options of {@code BernoulliBandit-v0}; every one may be left out. */
    public record Options(
            Integer k,                   // arms (default 10, or the length of probabilities)
            List<Double> probabilities) { // fixed p_a in [0, 1]: nothing is drawn

        public Options {
            k = OptionChecks.arms(k, "probabilities", probabilities);
            if (probabilities != null) {
                OptionChecks.values("probabilities", probabilities, k, 0, 1);
                probabilities = List.copyOf(probabilities);
            }
        }
    }

    private final Options options;
    private final int k;
    private final Discrete actions;
    private final double[] probabilities;
    private Map<String, Object>[] infos;
    private int lastArm = -1;
    private double lastReward;
    private long steps;

    public BernoulliBandit(Options options) {
        this.options = options;
        this.k = options.k();
        this.actions = new Discrete(k);
        this.probabilities = new double[k];
        if (options.probabilities() != null) {
            for (int a = 0; a < k; a++) probabilities[a] = options.probabilities().get(a);
            infos = ArmInfo.perArm(probabilities);
        }
    }

    /** Builds the env from registry options; a bad option is a UserError naming it. */
    public static BernoulliBandit fromOptions(Map<String, ?> options) {
        JsonNode node = Json.MAPPER.valueToTree(options);
        return new BernoulliBandit(Json.bind(node, Options.class, ID, "options"));
    }

    @Override
    public Discrete observationSpace() {
        return ONE_STATE;
    }

    @Override
    public Discrete actionSpace() {
        return actions;
    }

    @Override
    protected Reset<Integer> onReset(Map<String, ?> resetOptions) {
        expectNoOptions(ID, resetOptions);
        if (reseeded()) {
            if (options.probabilities() == null) {
                for (int a = 0; a < k; a++) probabilities[a] = rng.nextDouble();
                infos = ArmInfo.perArm(probabilities);
            }
        }
        lastArm = -1;
        lastReward = 0;
        steps = 0;
        return new Reset<>(OBSERVATION);
    }

    @Override
    public Step<Integer> step(Integer action) {
        int a = OptionChecks.arm(ID, action, k);
        double reward = rng.bernoulli(probabilities[a]) ? 1 : 0;
        lastArm = a;
        lastReward = reward;
        steps++;
        return new Step<>(OBSERVATION, reward, false, false, infos[a]);
    }

    /** The true p_a of each arm (a copy): for tests and viewers, never for agents. */
    public double[] trueValues() {
        return probabilities.clone();
    }

    public Options options() {
        return options;
    }

    @Override
    public Scene scene(Annotations annotations) {
        return BanditScene.draw(probabilities, annotations, lastArm, steps, lastReward);
    }
}
