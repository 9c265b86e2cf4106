package dev.jgym.experiments;

import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An experiment as data: which env, which agents (several may be compared), how many
 * independent runs of how many steps each, and the one root seed every random stream derives
 * from. Read with {@link #read(Path)}; every mistake names the file and the JSON path.
 *
 * <pre>{@code
 * {
 *   "name": "sutton-barto-figure-2.2",
 *   "env": {"id": "GaussianBandit-v0", "options": {"k": 10}},
 *   "agents": [
 *     {"label": "greedy", "type": "epsilon-greedy", "settings": {"epsilon": 0.0}},
 *     {"label": "eps 0.1", "type": "epsilon-greedy", "settings": {"epsilon": 0.1}}
 *   ],
 *   "seed": 0, "runs": 2000, "steps": 1000
 * }
 * }</pre>
 *
 * @param name a short name, used in titles and as the default output folder
 * @param description free text (optional)
 * @param env the env id and its options
 * @param agents the agents to compare; labels must be unique
 * @param seed the root seed
 * @param runs independent runs per agent (a fresh env instance and agent each)
 * @param steps steps per run; episodes restart inside a run when the env ends one
 * @param summaryWindow how many final steps (episodes, with {@code curve: "episode"}) {@code
 *     summary.json} averages over (default: the last 10%)
 * @param curve {@code "step"} (the default: every metric per time step, as the bandit figures) or
 *     {@code "episode"} (per episode: {@code return}, the sum of rewards, and {@code length}, as
 *     Sutton &amp; Barto's chapter 5-7 figures)
 * @param episodes with {@code curve: "episode"}: episodes per run (required there, and then
 *     {@code steps}, if given, is a per-run cap whose overrun is an error)
 * @param countEpisodes with {@code curve: "step"}: add the metric {@code episodes}, the number of
 *     episodes completed by each step (Figure 6.3's y axis); default false
 * @param evaluation optional: after each run, play the agent's greedy policy for this many
 *     episodes on a fresh env (agents that have one), for a success rate and a mean return
 * @param replays which episodes {@code jgym train} records as replays (optional; by default run 0 of
 *     every agent on Gymnasium's capped-cubic schedule)
 * @param trueValues optional: the task's true state values, for value-error curves (see
 *     {@link TrueValues})
 * @param valuesAt optional, with {@code curve: "episode"}: episode counts below {@code episodes},
 *     increasing, after which the agents' value estimates are also kept (means over runs), written
 *     to {@code values-episode-N.csv} as {@code values.csv} and drawn beside the final ones (Figure
 *     5.1: after 10,000 and 500,000 episodes)
 * @param valueMap optional: draw the final value estimates (and those of {@code values_at}) on a
 *     grid of states as {@code values.png} (see {@link ValueMap})
 */
public record ExperimentConfig(
        @JsonProperty(required = true) String name,
        String description,
        @JsonProperty(required = true) EnvConfig env,
        @JsonProperty(required = true) List<AgentConfig> agents,
        @JsonProperty(required = true) Long seed,
        @JsonProperty(required = true) Integer runs,
        Long steps,
        @JsonProperty("summary_window") Long summaryWindow,
        String curve,
        Integer episodes,
        @JsonProperty("count_episodes") Boolean countEpisodes,
        Evaluation evaluation,
        Replays replays,
        @JsonProperty("true_values") TrueValues trueValues,
        // left out of the config tree a replay's header holds when absent, so older configs' replays keep their bytes
        @JsonProperty("values_at") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Integer> valuesAt,
        @JsonProperty("value_map") @JsonInclude(JsonInclude.Include.NON_NULL) ValueMap valueMap) {

    /** The value of {@code curve} for per-step metrics (the default). */
    /** The most independent runs per agent (each run's totals are kept for the confidence intervals). */
    public static final int MAX_RUNS = 1_000_000;
    /** The most points on a curve, steps or episodes (each agent keeps a mean per point and metric). */
    public static final int MAX_POINTS = 1_000_000;
    public static final String STEP = "step";
    /** The value of {@code curve} for per-episode metrics. */
    public static final String EPISODE = "episode";

    /** The configuration before per-episode curves existed: {@code curve: "step"}, no evaluation. */
    public ExperimentConfig(String name, String description, EnvConfig env, List<AgentConfig> agents, Long seed, Integer runs,
                            Long steps, Long summaryWindow) {
        this(name, description, env, agents, seed, runs, steps, summaryWindow, null, null, null, null, null, null, null, null);
    }

    /** A configuration without true values. */
    public ExperimentConfig(String name, String description, EnvConfig env, List<AgentConfig> agents, Long seed, Integer runs,
                            Long steps, Long summaryWindow, String curve, Integer episodes, Boolean countEpisodes,
                            Evaluation evaluation, Replays replays) {
        this(name, description, env, agents, seed, runs, steps, summaryWindow, curve, episodes, countEpisodes, evaluation, replays, null, null, null);
    }

    public ExperimentConfig {
        Check.present("name", name);
        Check.that(!name.isBlank(), "name", "expected a non-empty string");
        Check.present("env", env);
        Check.present("agents", agents);
        Check.that(!agents.isEmpty(), "agents", "expected at least one agent");
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < agents.size(); i++) {
            Check.that(agents.get(i) != null, "agents[" + i + "]", "expected an object, found null");
            Check.that(labels.add(agents.get(i).label()), "agents[" + i + "].label",
                    "expected a unique label, found \"" + agents.get(i).label() + "\" twice");
        }
        agents = List.copyOf(agents);
        Check.present("seed", seed);
        Check.present("runs", runs);
        Check.size("runs", runs, MAX_RUNS);
        curve = curve == null ? STEP : curve;
        Check.that(curve.equals(STEP) || curve.equals(EPISODE), "curve", "expected \"step\" or \"episode\", found \"" + curve + "\"");
        countEpisodes = countEpisodes == null ? Boolean.FALSE : countEpisodes;
        long points;
        if (curve.equals(STEP)) {
            Check.present("steps", steps);
            Check.size("steps", steps, MAX_POINTS);
            Check.that(episodes == null, "episodes", "only with \"curve\": \"episode\" (a step curve runs \"steps\" steps)");
            points = steps;
        } else {
            Check.present("episodes", episodes);
            Check.size("episodes", episodes, MAX_POINTS);
            if (steps != null) Check.positive("steps", steps);
            Check.that(!countEpisodes, "count_episodes", "only with \"curve\": \"step\" (an episode curve counts episodes already)");
            points = episodes;
        }
        description = description == null ? "" : description;
        if (summaryWindow == null) summaryWindow = Math.max(1, points / 10);
        Check.that(summaryWindow >= 1 && summaryWindow <= points, "summary_window",
                "expected an integer in [1, " + points + "], found " + summaryWindow);
        if (valuesAt != null) {
            Check.that(curve.equals(EPISODE), "values_at", "only with \"curve\": \"episode\" (episode counts)");
            for (int i = 0; i < valuesAt.size(); i++) {
                Integer n = valuesAt.get(i);
                Check.that(n != null && n >= 1 && n < episodes && (i == 0 || n > valuesAt.get(i - 1)), "values_at[" + i + "]",
                        "expected increasing episode counts in [1, " + (episodes - 1) + "] (the final values are always kept), found " + n);
            }
            valuesAt = List.copyOf(valuesAt);
        } else {
            valuesAt = List.of();
        }
        if (replays == null) replays = Replays.DEFAULT;
        for (int r : replays.runs()) {
            Check.that(r < runs, "replays.runs", "expected run indices in [0, " + (runs - 1) + "], found " + r);
        }
    }

    /** True for per-episode curves ({@code curve: "episode"}). */
    public boolean episodic() {
        return EPISODE.equals(curve);
    }

    /** Points on each curve: steps, or episodes with {@code curve: "episode"}. */
    public long points() {
        return episodic() ? episodes : steps;
    }

    /**
     * A greedy-policy evaluation after each run.
     *
     * @param episodes episodes to play with the learned greedy policy (no learning, no exploration)
     * @param maxSteps a time limit per evaluation episode over the env's own (optional), so a greedy
     *     policy that loops forever in an env without a limit still ends
     */
    public record Evaluation(@JsonProperty(required = true) Integer episodes, @JsonProperty("max_steps") Integer maxSteps) {
        public Evaluation {
            Check.present("episodes", episodes);
            Check.size("episodes", episodes, MAX_POINTS);
            if (maxSteps != null) Check.positive("max_steps", maxSteps);
        }
    }

    /**
     * The true value of some states, for measuring value estimates (S&amp;B Figure 5.3's one
     * Blackjack state, Example 6.2's five walk states A-E):
     * <pre>{@code "true_values": {"states": [1, 2, 3, 4, 5], "values": [0.1667, 0.3333, 0.5, 0.6667, 0.8333]}}</pre>
     * Each state is an observation of the env: an integer for a {@code Discrete} space, an array
     * of integers for a {@code Tuple} of them ({@code [13, 2, 1]}); the runner checks them against
     * the env. With true values every agent must keep tabular value estimates; the curves then
     * gain {@code value_rms}, the root of the mean squared error over the listed states (Figure
     * 6.2's "RMS error, averaged over states"), and {@code value_mse}, its square (Figure 5.3's
     * mean squared error), each averaged over runs; {@code values.csv} gains each listed state's
     * true value and the RMS error over runs of its final estimate.
     *
     * @param states the states, no state twice (at most {@value #MAX_TRUE_VALUES})
     * @param values their true values, one per state, finite
     */
    public record TrueValues(@JsonProperty(required = true) List<JsonNode> states, @JsonProperty(required = true) List<Double> values) {
        public TrueValues {
            Check.present("states", states);
            Check.present("values", values);
            Check.that(!states.isEmpty(), "states", "expected at least one state");
            Check.size("states", states.size(), MAX_TRUE_VALUES);
            Check.that(values.size() == states.size(), "values",
                    "expected one value per state (" + states.size() + "), found " + values.size());
            Set<JsonNode> seen = new HashSet<>();
            for (int i = 0; i < states.size(); i++) {
                JsonNode st = states.get(i);
                boolean ok = st != null && (st.isInt() || st.isArray() && !st.isEmpty());
                if (ok && st.isArray()) for (JsonNode part : st) ok &= part.isInt();
                Check.that(ok, "states[" + i + "]", "expected an observation (an integer, or an array of integers), found " + st);
                Check.that(seen.add(st), "states[" + i + "]", "expected each state once, found " + st + " twice");
                Check.that(values.get(i) != null, "values[" + i + "]", "expected a number, found null");
                Check.finite("values[" + i + "]", values.get(i));
            }
            states = List.copyOf(states);
            values = List.copyOf(values);
        }

        /** State i as an observation: an {@code Integer}, or a {@code List<Integer>}. */
        public Object observation(int i) {
            JsonNode st = states.get(i);
            if (st.isInt()) return st.intValue();
            List<Integer> parts = new java.util.ArrayList<>();
            for (JsonNode p : st) parts.add(p.intValue());
            return parts;
        }
    }

    /** The most states {@code true_values} may list. */
    public static final int MAX_TRUE_VALUES = 1_000_000;

    /** Reads and validates an experiment file; mistakes become one-line {@link UserError}s. */
    public static ExperimentConfig read(Path file) {
        return Json.read(file, ExperimentConfig.class);
    }

    /**
     * Which episodes {@code jgym train} records as replays ({@code replays/<agent>/episode-N.jgr} in
     * the output folder). Recording never changes metrics or summaries.
     *
     * @param schedule {@code capped_cubic} (default: episodes 0, 1, 8, 27, ..., 729, 1000, 2000, ...,
     *     Gymnasium's {@code capped_cubic_video_schedule}), {@code every} (every {@code every}-th
     *     episode from 0), {@code all} or {@code none}
     * @param every the period for {@code schedule: "every"}
     * @param runs the run indices recorded for each agent (default {@code [0]})
     * @param annotations record the agent's annotations (action values etc.) at every step (default true)
     */
    public record Replays(String schedule, Integer every, List<Integer> runs, Boolean annotations) {
        public static final List<String> SCHEDULES = List.of("capped_cubic", "every", "all", "none");
        /** Run 0 of each agent on the capped-cubic schedule, annotated. */
        public static final Replays DEFAULT = new Replays(null, null, null, null);

        public Replays {
            schedule = schedule == null ? "capped_cubic" : schedule;
            Check.that(SCHEDULES.contains(schedule), "schedule",
                    "expected one of capped_cubic, every, all, none, found \"" + schedule + "\"");
            if (schedule.equals("every")) {
                Check.present("every", every);
                Check.positive("every", every);
            } else {
                Check.that(every == null, "every", "only used with schedule \"every\", found schedule \"" + schedule + "\"");
            }
            if (runs != null) {
                for (int i = 0; i < runs.size(); i++) Check.that(runs.get(i) != null, "runs[" + i + "]", "expected a run index, found null");
            }
            runs = runs == null ? List.of(0) : List.copyOf(new java.util.TreeSet<>(runs));
            for (int r : runs) Check.that(r >= 0, "runs", "expected run indices >= 0, found " + r);
            annotations = annotations == null ? Boolean.TRUE : annotations;
        }

        /** Nothing is recorded. */
        public boolean off() {
            return schedule.equals("none") || runs.isEmpty();
        }
    }

    /**
     * The env to run.
     *
     * @param id a registered env id
     * @param options env options over the spec's defaults (may be absent)
     */
    public record EnvConfig(@JsonProperty(required = true) String id, Map<String, Object> options) {
        public EnvConfig {
            Check.present("id", id);
            options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(options));
        }
    }

    /**
     * One agent to run.
     *
     * @param label the name in metrics, plots and seeds (the agent's streams derive from it)
     * @param type a registered agent type, such as {@code epsilon-greedy}
     * @param settings the type's settings (checked by the type, with paths under this one)
     */
    public record AgentConfig(@JsonProperty(required = true) String label, @JsonProperty(required = true) String type,
                              JsonNode settings) {
        public AgentConfig {
            Check.present("label", label);
            Check.that(!label.isBlank(), "label", "expected a non-empty string");
            Check.present("type", type);
            settings = settings == null || settings.isNull() ? JsonNodeFactory.instance.objectNode() : settings;
        }
    }
}
