package dev.jgym.experiments.sweep;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sweep as data: a base experiment config, the settings to try (a grid, a union of grids and/or
 * a random search over JSON paths into the base), the seeds every setting runs with, and what to
 * report. Read with {@link #read(Path)}; mistakes name the file and the JSON path.
 *
 * <pre>{@code
 * {
 *   "name": "epsilon-sweep",
 *   "base": "../bandits/testbed-figure-2.2.json",
 *   "grid": {"$.agents[0].settings.epsilon": [0.0, 0.01, 0.1, 0.2]},
 *   "seeds": [0, 1, 2, 3, 4],
 *   "report": {"metric": "reward", "summary": "mean"}
 * }
 * }</pre>
 *
 * @param name a short name: the default output folder {@code runs/sweeps/<name>} and plot title
 * @param description free text (optional)
 * @param base the base experiment config: a file name (relative to the sweep file) or the config inline
 * @param grid one grid: each JSON path with the values it takes; the settings are every combination,
 *     the last path varying fastest
 * @param grids several grids whose settings are concatenated in order (Figure 2.6: one grid per
 *     method); a path with one value just sets it, and later paths may reach into what earlier ones set
 * @param random a random search, combined with every grid setting (or alone)
 * @param seeds the root seed of each trial; every setting runs once per seed
 * @param report what each trial is summarised by and how seeds are aggregated
 */
public record SweepConfig(
        @JsonProperty(required = true) String name,
        String description,
        @JsonProperty(required = true) JsonNode base,
        Map<String, List<JsonNode>> grid,
        List<Map<String, List<JsonNode>>> grids,
        RandomSearch random,
        @JsonProperty(required = true) List<Long> seeds,
        @JsonProperty(required = true) Report report) {

    public SweepConfig {
        Check.present("name", name);
        Check.that(name.matches("[A-Za-z0-9._-]+"), "name", "expected letters, digits, '.', '_' or '-' (it names a folder), found \"" + name + "\"");
        description = description == null ? "" : description;
        Check.present("base", base);
        Check.that(base.isTextual() || base.isObject(), "base", "expected a config file name or an experiment config object");
        Check.that(grid != null || grids != null || random != null, "grid",
                "missing: a sweep needs a \"grid\", \"grids\" or \"random\" search");
        Check.that(grid == null || grids == null, "grids", "expected either \"grid\" or \"grids\", found both");
        if (grid != null) grid = checkGrid("grid", grid);
        if (grids != null) {
            Check.that(!grids.isEmpty(), "grids", "expected at least one grid, found an empty list");
            List<Map<String, List<JsonNode>>> checked = new ArrayList<>();
            for (int g = 0; g < grids.size(); g++) checked.add(checkGrid("grids[" + g + "]", grids.get(g)));
            grids = List.copyOf(checked);
        }
        Check.present("seeds", seeds);
        Check.that(!seeds.isEmpty(), "seeds", "expected at least one seed, found an empty list");
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < seeds.size(); i++) {
            Check.that(seeds.get(i) != null, "seeds[" + i + "]", "expected an integer, found null");
            Check.that(seen.add(seeds.get(i)), "seeds[" + i + "]", "expected unique seeds, found " + seeds.get(i) + " twice");
        }
        seeds = List.copyOf(seeds);
        Check.present("report", report);
    }

    private static Map<String, List<JsonNode>> checkGrid(String field, Map<String, List<JsonNode>> grid) {
        Check.that(grid != null, field, "expected an object of JSON paths to lists of values, found null");
        Check.that(!grid.isEmpty(), field, "expected at least one JSON path with its values, found an empty grid");
        Map<String, List<JsonNode>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<JsonNode>> e : grid.entrySet()) {
            String at = field + "[\"" + e.getKey() + "\"]";
            checkPath(at, e.getKey());
            Check.that(e.getValue() != null && !e.getValue().isEmpty(), at, "expected at least one value, found an empty list");
            copy.put(e.getKey(), List.copyOf(e.getValue()));
        }
        return java.util.Collections.unmodifiableMap(copy);
    }

    static void checkPath(String field, String path) {
        try {
            JsonPath p = JsonPath.parse(path);
            Check.that(!"seed".equals(p.head()), field, "the root seed is swept by \"seeds\", not by a path");
        } catch (IllegalArgumentException e) {
            if (e instanceof Check.FieldError) throw e;
            throw new Check.FieldError(field, e.getMessage());
        }
    }

    /** Reads and validates a sweep file (not yet its paths: {@link SweepPlan#of} checks those). */
    public static SweepConfig read(Path file) {
        return Json.read(file, SweepConfig.class);
    }

    /**
     * A random search: {@code samples} settings, sample k drawing each parameter in file order from
     * {@code Rng(seed).child("sample").child(k)}, so adding samples keeps the earlier ones.
     *
     * @param samples how many settings to draw
     * @param seed the search's own seed (default 0), independent of the trial seeds
     * @param params each JSON path with its distribution
     */
    public record RandomSearch(@JsonProperty(required = true) Integer samples, Long seed,
                               @JsonProperty(required = true) Map<String, Distribution> params) {
        public RandomSearch {
            Check.present("samples", samples);
            Check.positive("samples", samples);
            seed = seed == null ? 0L : seed;
            Check.present("params", params);
            Check.that(!params.isEmpty(), "params", "expected at least one JSON path with a distribution, found an empty object");
            for (Map.Entry<String, Distribution> e : params.entrySet()) {
                checkPath("params[\"" + e.getKey() + "\"]", e.getKey());
                Check.that(e.getValue() != null, "params[\"" + e.getKey() + "\"]", "expected a distribution, found null");
            }
            params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    /**
     * One parameter's distribution: exactly one of {@code uniform [low, high]},
     * {@code log_uniform [low, high]} (low > 0), {@code int_uniform [low, high]} (both included) or
     * {@code choice [values...]}.
     */
    public record Distribution(List<Double> uniform, @JsonProperty("log_uniform") List<Double> logUniform,
                               @JsonProperty("int_uniform") List<Long> intUniform, List<JsonNode> choice) {
        public Distribution {
            int given = (uniform != null ? 1 : 0) + (logUniform != null ? 1 : 0) + (intUniform != null ? 1 : 0) + (choice != null ? 1 : 0);
            Check.that(given == 1, "uniform", "expected exactly one of uniform, log_uniform, int_uniform, choice; found " + given);
            if (uniform != null) range("uniform", uniform, false);
            if (logUniform != null) range("log_uniform", logUniform, true);
            if (intUniform != null) {
                Check.that(intUniform.size() == 2 && intUniform.get(0) != null && intUniform.get(1) != null
                        && intUniform.get(0) <= intUniform.get(1), "int_uniform", "expected [low, high] with low <= high, found " + intUniform);
            }
            if (choice != null) Check.that(!choice.isEmpty(), "choice", "expected at least one value, found an empty list");
        }

        private static void range(String field, List<Double> r, boolean positive) {
            Check.that(r.size() == 2 && r.get(0) != null && r.get(1) != null && Double.isFinite(r.get(0)) && Double.isFinite(r.get(1))
                    && r.get(0) <= r.get(1) && (!positive || r.get(0) > 0), field,
                    "expected [low, high] with " + (positive ? "0 < " : "") + "low <= high, found " + r);
        }
    }

    /**
     * What a trial is summarised by, and how.
     *
     * @param metric a metric of the experiment: {@code reward} or a numeric env info key
     * @param agent the label of the agent to report (default: every agent of the config)
     * @param summary per trial: {@code window_mean} (mean over the final summary window, default),
     *     {@code mean} (mean over all steps: the area under the curve divided by the steps),
     *     {@code total} (sum over all steps: the area under the curve), {@code final} (the last
     *     step's value); each averaged over the trial's runs. A DQN trial reports one number of its
     *     {@code summary.json}: {@code final} only, and the default there. Absent, it stays null
     *     here until {@link SweepPlan#of} knows the kind of the base config ({@link #resolved})
     * @param aggregate across seeds: {@code mean_ci95}, the mean with a 95% normal interval
     * @param x the JSON path on the plot's x axis (default: the varying numeric path of each setting)
     * @param xLog a logarithmic x axis (default false)
     */
    public record Report(@JsonProperty(required = true) String metric, String agent, String summary, String aggregate,
                         String x, @JsonProperty("x_log") Boolean xLog) {
        public static final List<String> SUMMARIES = List.of("window_mean", "mean", "total", "final");

        public Report {
            Check.present("metric", metric);
            Check.that(summary == null || SUMMARIES.contains(summary), "summary",
                    "expected one of " + String.join(", ", SUMMARIES) + ", found \"" + summary + "\"");
            aggregate = aggregate == null ? "mean_ci95" : aggregate;
            Check.that(aggregate.equals("mean_ci95"), "aggregate", "expected mean_ci95, found \"" + aggregate + "\"");
            if (x != null) checkPath("x", x);
            xLog = xLog != null && xLog;
        }

        /** This report with {@code summary} defaulted for the kind of trial: {@code final} for DQN, else {@code window_mean}. */
        public Report resolved(boolean dqn) {
            return summary != null ? this : new Report(metric, agent, dqn ? "final" : "window_mean", aggregate, x, xLog);
        }
    }
}
