package dev.jgym.envs.bandit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Json;
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
public final class BernoulliBandit extends BanditEnv {
    public static final String ID = "BernoulliBandit-v0";

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

    public BernoulliBandit(Options options) {
        super(ID, options.k());
        this.options = options;
    }

    /** Builds the env from registry options; a bad option is a UserError naming it. */
    public static BernoulliBandit fromOptions(Map<String, ?> options) {
        JsonNode node = Json.MAPPER.valueToTree(options);
        return new BernoulliBandit(Json.bind(node, Options.class, ID, "options"));
    }

    @Override
    protected void startEpisode(boolean reseeded) {
        if (options.probabilities() != null) {
            for (int a = 0; a < values.length; a++) values[a] = options.probabilities().get(a);
        } else if (reseeded) {
            for (int a = 0; a < values.length; a++) values[a] = rng.nextDouble();
        }
    }

    @Override
    protected double pull(int a) {
        return rng.bernoulli(values[a]) ? 1 : 0;
    }

    public Options options() {
        return options;
    }
}
