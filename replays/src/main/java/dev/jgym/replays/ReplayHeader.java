package dev.jgym.replays;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.config.Check;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a replay says about itself, the JSON at the start of a {@code .jgr} file.
 *
 * @param formatVersion {@link ReplayFormat#VERSION} when written
 * @param jgymVersion the jgym version that wrote it
 * @param envId the registered env id the episodes re-simulate through
 * @param options the options given to {@code EnvRegistry.make} (the spec's defaults apply under them)
 * @param spec the spec as made: max episode steps, reward threshold, both spaces (for reading; the
 *     registry's current spec is what re-simulation uses)
 * @param seed the seed of the first (seeded) reset of the run the episodes came from
 * @param agent the agent's label ({@code "random"} for random play)
 * @param run the run index inside its experiment, or {@code null}
 * @param config the experiment config the run came from, or {@code null}
 * @param created when the file was started (UTC, ISO-8601, whole seconds)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReplayHeader(
        @JsonProperty(value = "format_version", required = true) Integer formatVersion,
        @JsonProperty("jgym_version") String jgymVersion,
        @JsonProperty(value = "env_id", required = true) String envId,
        Map<String, Object> options,
        JsonNode spec,
        @JsonProperty(required = true) Long seed,
        String agent,
        Integer run,
        JsonNode config,
        String created) {

    public ReplayHeader {
        Check.present("format_version", formatVersion);
        Check.present("env_id", envId);
        Check.present("seed", seed);
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(options));
        agent = agent == null ? "" : agent;
        jgymVersion = jgymVersion == null ? "unknown" : jgymVersion;
        created = created == null ? "" : created;
    }

    /** A header for episodes of {@code env} (made from {@code envId} with {@code options}), stamped now. */
    public static ReplayHeader of(String envId, Map<String, ?> options, Env<?, ?> env, long seed, String agent, Integer run,
                                  JsonNode config) {
        return new ReplayHeader(ReplayFormat.VERSION, ReplayFormat.JGYM_VERSION, envId,
                options == null ? Map.of() : new TreeMap<String, Object>(options), specJson(env), seed, agent, run, config,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    static JsonNode specJson(Env<?, ?> env) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        EnvSpec spec = env.spec();
        if (spec != null) {
            if (spec.maxEpisodeSteps() == null) node.putNull("max_episode_steps");
            else node.put("max_episode_steps", spec.maxEpisodeSteps());
            if (spec.rewardThreshold() == null) node.putNull("reward_threshold");
            else node.put("reward_threshold", spec.rewardThreshold());
        }
        node.set("observation_space", env.observationSpace().toJson());
        node.set("action_space", env.actionSpace().toJson());
        return node;
    }
}
