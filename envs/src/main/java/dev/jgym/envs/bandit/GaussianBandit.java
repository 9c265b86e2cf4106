package dev.jgym.envs.bandit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import java.util.List;
import java.util.Map;

/**
 * GaussianBandit: the k-armed testbed of Sutton &amp; Barto (2nd ed., section 2.3, Figure 2.1).
 *
 * <p>Action space {@code Discrete(k)}: the arm to pull.
 * <p>Observation {@code Discrete(1)}: always 0 (a bandit has one state).
 * <p>True values: q*(a) ~ N(mean_of_means, stddev_of_means²), independently per arm, or the
 * fixed {@code means} when given.
 * <p>Reward: R ~ N(q*(A), reward_stddev²) (or the arm's own entry of {@code reward_stddevs}).
 * <p>Episode: {@code max_episode_steps} pulls (1000 by default), then truncated by the spec's time
 * limit; never terminated.
 * <p>When the arms are drawn: on the first reset and on every reset with a seed, from the env
 * stream; a reset without a seed starts a new episode on the same arms (so an experiment that
 * resets once with its run seed plays one bandit for the whole run).
 * <p>Info of every step: {@code optimal} (Boolean: the pulled arm has the highest q*, ties count)
 * and {@code regret} (Double: max q* minus q*(A)).
 * <p>Reset options: none.
 * <p>Versions: v0, the testbed as in the book (defaults k = 10, N(0, 1) values, unit reward noise).
 */
public final class GaussianBandit extends BanditEnv {
    public static final String ID = "GaussianBandit-v0";

    /** The options of {@code GaussianBandit-v0}; every one may be left out. */
    public record Options(
            Integer k,                                                 // arms (default 10, or the length of means)
            List<Double> means,                                        // fixed q*(a): nothing is drawn
            @JsonProperty("reward_stddevs") List<Double> rewardStddevs, // per-arm reward noise (instead of reward_stddev)
            @JsonProperty("mean_of_means") Double meanOfMeans,          // mean of the drawn q*(a) (default 0)
            @JsonProperty("stddev_of_means") Double stddevOfMeans,      // stddev of the drawn q*(a) (default 1)
            @JsonProperty("reward_stddev") Double rewardStddev) {       // reward noise of every arm (default 1)

        public Options {
            k = OptionChecks.arms(k, "means", means);
            if (means != null) {
                OptionChecks.values("means", means, k, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
                OptionChecks.unused("mean_of_means", meanOfMeans, "when means are given");
                OptionChecks.unused("stddev_of_means", stddevOfMeans, "when means are given");
            }
            meanOfMeans = meanOfMeans == null ? 0.0 : meanOfMeans;
            Check.finite("mean_of_means", meanOfMeans);
            stddevOfMeans = stddevOfMeans == null ? 1.0 : stddevOfMeans;
            Check.nonNegative("stddev_of_means", stddevOfMeans);
            if (rewardStddevs != null) {
                OptionChecks.values("reward_stddevs", rewardStddevs, k, 0, Double.POSITIVE_INFINITY);
                OptionChecks.unused("reward_stddev", rewardStddev, "when reward_stddevs are given");
                rewardStddevs = List.copyOf(rewardStddevs);
            }
            rewardStddev = rewardStddev == null ? 1.0 : rewardStddev;
            Check.nonNegative("reward_stddev", rewardStddev);
            means = means == null ? null : List.copyOf(means);
        }
    }

    private final Options options;
    private final double[] rewardStddevs;

    public GaussianBandit(Options options) {
        super(ID, options.k());
        this.options = options;
        this.rewardStddevs = new double[options.k()];
        for (int a = 0; a < rewardStddevs.length; a++) {
            rewardStddevs[a] = options.rewardStddevs() == null ? options.rewardStddev() : options.rewardStddevs().get(a);
        }
    }

    /** Builds the env from registry options; a bad option is a UserError naming it. */
    public static GaussianBandit fromOptions(Map<String, ?> options) {
        JsonNode node = Json.MAPPER.valueToTree(options);
        return new GaussianBandit(Json.bind(node, Options.class, ID, "options"));
    }

    @Override
    protected void startEpisode(boolean reseeded) {
        if (options.means() != null) {
            for (int a = 0; a < values.length; a++) values[a] = options.means().get(a);
        } else if (reseeded) {
            for (int a = 0; a < values.length; a++) values[a] = rng.gaussian(options.meanOfMeans(), options.stddevOfMeans());
        }
    }

    @Override
    protected double pull(int a) {
        return values[a] + rewardStddevs[a] * rng.gaussian();
    }

    public Options options() {
        return options;
    }
}
