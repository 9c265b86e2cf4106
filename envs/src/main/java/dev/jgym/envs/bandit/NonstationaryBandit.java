package dev.jgym.envs.bandit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.env.BaseEnv;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.space.Discrete;
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
public final class NonstationaryBandit extends BaseEnv<Integer, Integer> {
    public static final String ID = "NonstationaryBandit-v0";
    private static final Integer OBSERVATION = 0;
    private static final Discrete ONE_STATE = new Discrete(1);

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
    private final int k;
    private final Discrete actions;
    private final double[] values;
    private final double drift, noise;
    private int lastArm = -1;
    private double lastReward;
    private long steps;

    public NonstationaryBandit(Options options) {
        this.options = options;
        this.k = options.k();
        this.actions = new Discrete(k);
        this.values = new double[k];
        this.drift = options.driftStddev();
        this.noise = options.rewardStddev();
        Arrays.fill(values, options.initialValue());
    }

    /** Builds the env from registry options; a bad option is a UserError naming it. */
    public static NonstationaryBandit fromOptions(Map<String, ?> options) {
        JsonNode node = Json.MAPPER.valueToTree(options);
        return new NonstationaryBandit(Json.bind(node, Options.class, ID, "options"));
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
        Arrays.fill(values, options.initialValue());
        lastArm = -1;
        lastReward = 0;
        steps = 0;
        return new Reset<>(OBSERVATION);
    }

    @Override
    public Step<Integer> step(Integer action) {
        int a = OptionChecks.arm(ID, action, k);
        double reward = values[a] + noise * rng.gaussian();
        Map<String, Object> info = ArmInfo.of(values, ArmInfo.best(values), a);
        for (int i = 0; i < k; i++) values[i] += drift * rng.gaussian();
        lastArm = a;
        lastReward = reward;
        steps++;
        return new Step<>(OBSERVATION, reward, false, false, info);
    }

    /** The current q*(a) of each arm (a copy): for tests and viewers, never for agents. */
    public double[] trueValues() {
        return values.clone();
    }

    public Options options() {
        return options;
    }

    @Override
    public Scene scene(Annotations annotations) {
        return BanditScene.draw(values, annotations, lastArm, steps, lastReward);
    }
}
