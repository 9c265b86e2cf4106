package dev.jgym.envs.bandit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import java.util.Arrays;
import java.util.Map;

/**
 * NonstationaryBandit: the drifting testbed of Sutton &amp; Barto (2nd ed.), Exercise 2.5, "all the
 * q*(a) start out equal and then take independent random walks (say by adding a normally
 * distributed increment with mean 0 and standard deviation 0.01 to all the q*(a) on each step)".
 *
 * <p>Action space {@code Discrete(k)}: the arm to pull.
 * <p>Observation {@code Discrete(1)}: always 0 (a bandit has one state).
 * <p>True values: every q*(a) starts at {@code initial_value} on every reset (seeded or not).
 * <p>A step, in this order: the reward R ~ N(q*(A), reward_stddev²) is drawn from the current
 * values; {@code optimal} and {@code regret} are scored against the current values; then every
 * q*(a) (pulled or not) adds an independent N(0, drift_stddev²) increment. After n steps each
 * q*(a) - initial_value is N(0, n·drift_stddev²).
 * <p>Episode: {@code max_episode_steps} pulls (1000 by default), then truncated by the spec's time
 * limit; never terminated. The walk restarts at every reset, so for the book's 10 000-step
 * experiment set {@code max_episode_steps} to 10 000 (or 0 for no limit).
 * <p>Info of every step: {@code optimal} (Boolean: the pulled arm had the highest q* before this
 * step's drift, ties count) and {@code regret} (Double: max q* minus q*(A), before the drift).
 * <p>Reset options: none.
 * <p>Versions: v0.
 */
public final class NonstationaryBandit extends BanditEnv {
    public static final String ID = "NonstationaryBandit-v0";

    /** The options of {@code NonstationaryBandit-v0}; every one may be left out. */
    public record Options(
            Integer k,                                           // arms (default 10)
            @JsonProperty("initial_value") Double initialValue,  // where every q*(a) starts (default 0)
            @JsonProperty("drift_stddev") Double driftStddev,    // stddev of each step's increment (default 0.01)
            @JsonProperty("reward_stddev") Double rewardStddev) { // reward noise (default 1)

        public Options {
            k = OptionChecks.arms(k, null, null);
            initialValue = initialValue == null ? 0.0 : initialValue;
            Check.finite("initial_value", initialValue);
            driftStddev = driftStddev == null ? 0.01 : driftStddev;
            Check.nonNegative("drift_stddev", driftStddev);
            rewardStddev = rewardStddev == null ? 1.0 : rewardStddev;
            Check.nonNegative("reward_stddev", rewardStddev);
        }
    }

    private final Options options;
    private final double drift, noise;

    public NonstationaryBandit(Options options) {
        super(ID, options.k());
        this.options = options;
        this.drift = options.driftStddev();
        this.noise = options.rewardStddev();
    }

    /** Builds the env from registry options; a bad option is a UserError naming it. */
    public static NonstationaryBandit fromOptions(Map<String, ?> options) {
        JsonNode node = Json.MAPPER.valueToTree(options);
        return new NonstationaryBandit(Json.bind(node, Options.class, ID, "options"));
    }

    @Override
    protected void startEpisode(boolean reseeded) {
        Arrays.fill(values, options.initialValue());
    }

    @Override
    protected double pull(int a) {
        return values[a] + noise * rng.gaussian();
    }

    /** Every arm, pulled or not, takes its random-walk step after the pull is scored. */
    @Override
    protected void afterPull() {
        for (int i = 0; i < values.length; i++) values[i] += drift * rng.gaussian();
    }

    @Override
    protected boolean stationary() {
        return false;
    }

    public Options options() {
        return options;
    }
}
