package dev.jgym.agents.planning;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A planning run as data: {@code jgym train} takes it for a config with a top-level
 * {@code "planning"} key ({@link PlanningKind}). The planning object names one method:
 * dynamic programming on an env's model ({@code policy_evaluation}, {@code policy_iteration},
 * {@code value_iteration}) or one
 * of chapter 8's studies of updates ({@code expected_vs_sample}, {@code trajectory_sampling},
 * {@code updates_until_optimal}).
 *
 * <pre>{@code
 * {
 *   "name": "jacks-car-rental-figure-4.2",
 *   "env": {"id": "JacksCarRental-v0"},
 *   "planning": {"policy_iteration": {"gamma": 0.9, "start_action": 5}}
 * }
 * }</pre>
 *
 * @param name short name, used in titles and as the default output folder ({@code runs/<name>})
 * @param description free text (optional)
 * @param seed the root of the studies' random streams [0]
 * @param env the env whose model dynamic programming solves, or the maze that
 *     {@code updates_until_optimal} scales (for those methods only)
 * @param planning the method and its settings
 */
public record PlanningConfig(
        @JsonProperty(required = true) String name,
        String description,
        Long seed,
        EnvConfig env,
        @JsonProperty(required = true) Method planning) {

    public PlanningConfig {
        Check.present("name", name);
        Check.that(!name.isBlank(), "name", "expected a non-empty string");
        description = description == null ? "" : description;
        seed = seed == null ? 0L : seed;
        Check.present("planning", planning);
        boolean dp = planning.policyEvaluation() != null || planning.policyIteration() != null || planning.valueIteration() != null;
        boolean maze = planning.updatesUntilOptimal() != null;
        Check.that(!dp || env != null, "env", "expected an env for " + planning.key() + " (the model it plans on)");
        Check.that(!maze || env != null, "env", "expected an env for " + planning.key() + " (the maze it scales, DynaMaze-v0)");
        Check.that(dp || maze || env == null, "env", "expected none: " + planning.key() + " makes its own tasks");
    }

    public static PlanningConfig read(Path file) {
        return Json.read(file, PlanningConfig.class);
    }

    /** @param id a registered env id that exposes its model; @param options its options (optional) */
    public record EnvConfig(@JsonProperty(required = true) String id, Map<String, Object> options) {
        public EnvConfig {
            Check.present("id", id);
            options = options == null ? Map.of() : options;
        }
    }

    /** Exactly one of the methods. */
    public record Method(
            @JsonProperty("policy_evaluation") PolicyEvaluationSettings policyEvaluation,
            @JsonProperty("policy_iteration") PolicyIterationSettings policyIteration,
            @JsonProperty("value_iteration") ValueIterationSettings valueIteration,
            @JsonProperty("expected_vs_sample") ExpectedVsSample.Settings expectedVsSample,
            @JsonProperty("trajectory_sampling") TrajectorySampling.Settings trajectorySampling,
            @JsonProperty("updates_until_optimal") UpdatesUntilOptimal.Settings updatesUntilOptimal) {
        public Method {
            int given = (policyEvaluation == null ? 0 : 1) + (policyIteration == null ? 0 : 1) + (valueIteration == null ? 0 : 1)
                    + (expectedVsSample == null ? 0 : 1) + (trajectorySampling == null ? 0 : 1) + (updatesUntilOptimal == null ? 0 : 1);
            Check.that(given == 1, "planning", "expected exactly one of policy_evaluation, policy_iteration, value_iteration, expected_vs_sample, "
                    + "trajectory_sampling, updates_until_optimal; found " + given);
        }

        /** The method's key, for messages. */
        public String key() {
            return policyEvaluation != null ? "policy_evaluation" : policyIteration != null ? "policy_iteration"
                    : valueIteration != null ? "value_iteration" : expectedVsSample != null ? "expected_vs_sample"
                    : trajectorySampling != null ? "trajectory_sampling" : "updates_until_optimal";
        }
    }

    /**
     * Iterative policy evaluation (S&amp;B 4.1) of the equiprobable random policy by synchronous
     * sweeps from v_0 = 0, keeping v_k after each of {@code sweeps} and the limit (Figure 4.1).
     * Defaults in brackets.
     *
     * @param gamma discount γ in [0, 1] (1 only for tasks whose every policy ends)
     * @param sweeps the k whose v_k are kept, increasing [0, 1, 2, 3, 10]
     * @param theta the limit is reached when a sweep changes no value by more than θ [1e-12]
     * @param maxSweeps give up after this many sweeps [1000000]
     * @param grid draw every kept v_k and its greedy policy as a grid of states (optional)
     */
    public record PolicyEvaluationSettings(
            @JsonProperty(required = true) Double gamma,
            List<Integer> sweeps,
            Double theta,
            @JsonProperty("max_sweeps") Integer maxSweeps,
            Grid grid) {
        public PolicyEvaluationSettings {
            Check.present("gamma", gamma);
            Check.inRange("gamma", gamma, 0, 1);
            sweeps = sweeps == null ? List.of(0, 1, 2, 3, 10) : sweeps;
            for (int i = 0; i < sweeps.size(); i++) {
                Integer k = sweeps.get(i);
                Check.that(k != null && k >= 0 && k <= 1_000_000 && (i == 0 || k > sweeps.get(i - 1)), "sweeps[" + i + "]",
                        "expected increasing sweep counts in [0, 1000000], found " + k);
            }
            sweeps = List.copyOf(sweeps);
            theta = theta == null ? 1e-12 : theta;
            Check.positive("theta", theta);
            maxSweeps = maxSweeps == null ? 1_000_000 : maxSweeps;
            Check.size("max_sweeps", maxSweeps, 100_000_000);
        }
    }

    /**
     * Policy iteration (S&amp;B 4.3) from a fixed start policy; every policy π0, π1, ... goes into
     * {@code policies.csv}. Defaults in brackets.
     *
     * @param gamma discount γ in [0, 1) (1 only for tasks whose every policy ends)
     * @param theta evaluation stops when no value changes by more than θ [1e-9]
     * @param startAction the start policy's action in every state [0]
     * @param maxImprovements give up after this many improvement steps [1000]
     * @param grid draw the policies and the final values as a grid of states (optional)
     */
    public record PolicyIterationSettings(
            @JsonProperty(required = true) Double gamma,
            Double theta,
            @JsonProperty("start_action") Integer startAction,
            @JsonProperty("max_improvements") Integer maxImprovements,
            Grid grid) {
        public PolicyIterationSettings {
            Check.present("gamma", gamma);
            Check.inRange("gamma", gamma, 0, 1);
            theta = theta == null ? 1e-9 : theta;
            Check.positive("theta", theta);
            startAction = startAction == null ? 0 : startAction;
            Check.that(startAction >= 0, "start_action", "expected a non-negative action, found " + startAction);
            maxImprovements = maxImprovements == null ? 1000 : maxImprovements;
            Check.size("max_improvements", maxImprovements, 1_000_000);
        }
    }

    /**
     * Value iteration (S&amp;B 4.4). Defaults in brackets.
     *
     * @param gamma discount γ in [0, 1]
     * @param theta stop when a sweep changes no value by more than θ [1e-10]
     * @param maxSweeps give up after this many sweeps [100000]
     */
    public record ValueIterationSettings(
            @JsonProperty(required = true) Double gamma,
            Double theta,
            @JsonProperty("max_sweeps") Integer maxSweeps) {
        public ValueIterationSettings {
            Check.present("gamma", gamma);
            Check.inRange("gamma", gamma, 0, 1);
            theta = theta == null ? 1e-10 : theta;
            Check.positive("theta", theta);
            maxSweeps = maxSweeps == null ? 100_000 : maxSweeps;
            Check.size("max_sweeps", maxSweeps, 100_000_000);
        }
    }

    /**
     * States drawn as a grid: state s is the cell (row s / columns, column s % columns), row 0 at
     * the bottom as the book draws Figure 4.2, or at the top (Gymnasium's grid order, Figure 4.1).
     *
     * @param rows rows x columns must be the env's state count
     * @param columns the number of columns
     * @param actionOffset added to an action's index for its label (Jack's −5: action 0 moves −5) [0]
     * @param rowTitle the vertical axis' title
     * @param columnTitle the horizontal axis' title
     * @param firstRow where row 0 is drawn: {@code "bottom"} or {@code "top"} [bottom]; policy
     *     evaluation only (policy iteration draws it at the bottom)
     */
    public record Grid(
            @JsonProperty(required = true) Integer rows,
            @JsonProperty(required = true) Integer columns,
            @JsonProperty("action_offset") Integer actionOffset,
            @JsonProperty("row_title") String rowTitle,
            @JsonProperty("column_title") String columnTitle,
            @JsonProperty("first_row") String firstRow) {
        public Grid {
            firstRow = firstRow == null ? "bottom" : firstRow;
            Check.that(firstRow.equals("bottom") || firstRow.equals("top"), "first_row", "expected \"bottom\" or \"top\", found \"" + firstRow + "\"");
            Check.present("rows", rows);
            Check.size("rows", rows, 1000);
            Check.present("columns", columns);
            Check.size("columns", columns, 1000);
            actionOffset = actionOffset == null ? 0 : actionOffset;
            rowTitle = rowTitle == null ? "row" : rowTitle;
            columnTitle = columnTitle == null ? "column" : columnTitle;
        }
    }

    /** The lists of a study, checked: every entry within {@code [1, max]}. */
    static List<Integer> sizes(String field, List<Integer> values, int max) {
        Check.that(values != null && !values.isEmpty(), field, "expected a non-empty list of integers");
        List<Integer> out = List.copyOf(values);
        for (int v : out) Check.that(v >= 1 && v <= max, field, "expected integers in [1, " + max + "], found " + v);
        return out;
    }
}
