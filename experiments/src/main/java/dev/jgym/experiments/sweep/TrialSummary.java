package dev.jgym.experiments.sweep;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.List;

/**
 * What a trial left behind, written as {@code trial.json} in its folder (last, so its presence
 * means the trial finished) and read back when a sweep resumes.
 *
 * @param id the trial id
 * @param seed its root seed
 * @param configHash the hash of the config it ran
 * @param status {@code ok}, {@code failed} (an error) or {@code diverged} (a NaN or infinite loss, parameter or metric)
 * @param error for a failed trial, one line on what went wrong (otherwise null)
 * @param values the reported metric per agent, in config order (empty when the trial failed
 *     before any value existed)
 */
public record TrialSummary(@JsonProperty(required = true) String id, @JsonProperty(required = true) Long seed,
                           @JsonProperty(value = "config_hash", required = true) String configHash,
                           @JsonProperty(required = true) String status, String error,
                           @JsonProperty(required = true) List<AgentValue> values) implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String DIVERGED = "diverged";

    public TrialSummary {
        values = List.copyOf(values);
    }

    public boolean ok() {
        return OK.equals(status);
    }

    /** The value reported for one agent (null when there is none). */
    public record AgentValue(@JsonProperty(required = true) String agent, Double value)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
