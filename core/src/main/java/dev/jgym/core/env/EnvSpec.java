package dev.jgym.core.env;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to make an env by id (Gymnasium's {@code EnvSpec}).
 *
 * @param id {@code [namespace/]Name-vN}, for example {@code CartPole-v1}
 * @param factory builds the bare env from options
 * @param maxEpisodeSteps the time limit {@link EnvRegistry#make} applies, or {@code null} for none
 * @param rewardThreshold the mean return at which the task counts as solved, or {@code null}
 * @param defaultOptions options used when the caller does not give them
 * @param description one line for {@code jgym envs}
 * @param actionNames what each action of a {@code Discrete} action space does ({@code "left"},
 *     {@code "right"}), for viewers and keyboard play; empty when the env does not name them
 * @param keys how a person plays it from the keyboard ({@code jgym play --human}), or {@code null}
 */
public record EnvSpec(String id, EnvFactory factory, Integer maxEpisodeSteps, Double rewardThreshold,
                      Map<String, Object> defaultOptions, String description, List<String> actionNames, KeyControls keys) {

    /** Gymnasium's id grammar: optional namespace, a name, optional version suffix. */
    private static final Pattern ID = Pattern.compile("^(?:(?<namespace>[\\w:-]+)/)?(?<name>[\\w:.-]+?)(?:-v(?<version>\\d+))?$");

    public EnvSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(factory, "factory");
        if (!ID.matcher(id).matches()) throw new IllegalArgumentException("malformed env id \"" + id + "\" (expected Name-vN)");
        if (maxEpisodeSteps != null && maxEpisodeSteps <= 0) throw new IllegalArgumentException(id + ": maxEpisodeSteps must be positive");
        defaultOptions = defaultOptions == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(defaultOptions));
        description = description == null ? "" : description;
        actionNames = actionNames == null ? List.of() : List.copyOf(actionNames);
    }

    /** A spec whose actions are not named. */
    public EnvSpec(String id, EnvFactory factory, Integer maxEpisodeSteps, Double rewardThreshold, Map<String, Object> defaultOptions,
                   String description) {
        this(id, factory, maxEpisodeSteps, rewardThreshold, defaultOptions, description, List.of(), null);
    }

    /** The name of action {@code a}, or the number itself when the env does not name it. */
    public String actionName(int a) {
        return a >= 0 && a < actionNames.size() ? actionNames.get(a) : Integer.toString(a);
    }

    public static Builder builder(String id, EnvFactory factory) {
        return new Builder(id, factory);
    }

    /** The name without namespace and version: {@code CartPole} for {@code CartPole-v1}. */
    public String name() {
        Matcher m = ID.matcher(id);
        m.matches();
        return m.group("name");
    }

    /** The version number, or {@code null} when the id has no {@code -vN} suffix. */
    public Integer version() {
        Matcher m = ID.matcher(id);
        m.matches();
        return m.group("version") == null ? null : Integer.valueOf(m.group("version"));
    }

    /** Fluent construction, since most specs leave most fields at their defaults. */
    public static final class Builder {
        private final String id;
        private final EnvFactory factory;
        private Integer maxEpisodeSteps;
        private Double rewardThreshold;
        private Map<String, Object> defaultOptions = Map.of();
        private String description = "";
        private List<String> actionNames = List.of();
        private KeyControls keys;

        private Builder(String id, EnvFactory factory) {
            this.id = id;
            this.factory = factory;
        }

        public Builder maxEpisodeSteps(int steps) {
            this.maxEpisodeSteps = steps;
            return this;
        }

        public Builder rewardThreshold(double threshold) {
            this.rewardThreshold = threshold;
            return this;
        }

        public Builder defaultOptions(Map<String, Object> options) {
            this.defaultOptions = options;
            return this;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        /** Names the actions of a {@code Discrete} action space, in order. */
        public Builder actionNames(String... names) {
            this.actionNames = List.of(names);
            return this;
        }

        /** How a person plays the env from the keyboard. */
        public Builder keys(KeyControls keys) {
            this.keys = keys;
            return this;
        }

        public EnvSpec build() {
            return new EnvSpec(id, factory, maxEpisodeSteps, rewardThreshold, defaultOptions, description, actionNames, keys);
        }
    }
}
