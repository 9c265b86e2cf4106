package dev.jgym.experiments;

import dev.jgym.agents.Stats;
import dev.jgym.agents.run.CsvStream;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.config.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an experiment's results into a folder, every file through a temporary file and a rename:
 * <ul>
 *   <li>{@code config.json}: the config file, byte for byte;
 *   <li>{@code metrics.csv}: {@code agent,step,<metrics...>}, the mean over runs at every step
 *       (step counted from 1); with {@code curve: "episode"}, {@code agent,episode,return,length};
 *       streamed while the experiment runs, a chunk of an agent's rows once all its runs are past it ({@link #metricsStream});
 *   <li>{@code summary.json}: per agent and metric, the mean over the final window with a 95%
 *       interval across runs, and the mean total over all steps; with an {@code evaluation}, per
 *       agent the greedy policy's mean return and, for an env with a goal ({@code is_success}), its
 *       success rate (means over runs, 95% intervals);
 *   <li>{@code values.csv}, when some agent keeps a table of value estimates (tabular prediction
 *       and control): {@code agent,state,action,value}, the final estimates averaged over runs,
 *       per state a row with an empty action holding V(s) (max_a Q(s, a) for action-value
 *       learners), then for action-value learners a row per action holding Q(s, a). A state is its
 *       observation ({@code 3}, or {@code "[13,2,1]"} for a tuple), an action its number. With
 *       {@code true_values}, two more columns on the V rows of the listed states: {@code true_value}
 *       and {@code rms_error}, the root over runs of the mean squared error of the final V(s);
 *       with {@code values_at}, {@code values-episode-N.csv} the same after N episodes;
 *   <li>{@code values.png}, with a {@code value_map}: the values on a grid of states ({@link ValueMap});
 *   <li>{@code <metric>.png}: learning curves, one line per agent.
 * </ul>
 * Nothing written depends on the machine or the thread count (no times, no paths), so the same
 * config and seed give byte-identical files.
 */
public final class ExperimentOutput {
    static final String METRICS = "metrics.csv";

    private ExperimentOutput() {}

    public static void write(Path dir, Path configFile, ExperimentConfig config, ExperimentResult result) {
        createFolder(dir);
        Json.writeAtomically(dir.resolve(METRICS), csv(result).getBytes(StandardCharsets.UTF_8));
        writeAfterStream(dir, configFile, config, result);
    }

    /**
     * {@code metrics.csv} streamed while the experiment runs ({@link CsvStream}): the header when it
     * starts, then each chunk of an agent's rows as soon as all its runs are past it (a mean over
     * runs exists only then; {@link Experiment#onRows}). Flushed, it is byte for byte what
     * {@link #write} writes.
     */
    public static CsvStream<Experiment.Rows> metricsStream(Path dir, List<String> metrics, boolean episodic) {
        createFolder(dir);
        return new CsvStream<>(dir.resolve(METRICS), header(metrics, episodic), ExperimentOutput::rows);
    }

    /** Everything but {@code metrics.csv}, which {@link #metricsStream} wrote while the experiment ran. */
    public static void writeAfterStream(Path dir, Path configFile, ExperimentConfig config, ExperimentResult result) {
        try {
            Json.writeAtomically(dir.resolve("config.json"), Files.readAllBytes(configFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir, e);
        }
        Json.write(dir.resolve("summary.json"), summary(config, result));
        if (result.agents().stream().anyMatch(a -> a.values() != null)) {
            Json.writeAtomically(dir.resolve("values.csv"), values(result).getBytes(StandardCharsets.UTF_8));
            for (int k = 0; k < config.valuesAt().size(); k++) {
                int at = k;
                Json.writeAtomically(dir.resolve("values-episode-" + config.valuesAt().get(k) + ".csv"),
                        values(result, a -> a.valuesAt().isEmpty() ? null : a.valuesAt().get(at)).getBytes(StandardCharsets.UTF_8));
            }
            if (config.valueMap() != null) valueMap(dir.resolve("values.png"), config, result);
        }
        LearningCurves.write(dir, config.name(), result);
    }

    private static void createFolder(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir, e);
        }
    }

    static String csv(ExperimentResult result) {
        StringBuilder sb = new StringBuilder(header(result.metrics(), result.episodic()));
        for (ExperimentResult.AgentCurves a : result.agents()) sb.append(rows(new Experiment.Rows(a.label(), 0, a.curves())));
        return sb.toString();
    }

    private static String header(List<String> metrics, boolean episodic) {
        StringBuilder sb = new StringBuilder(episodic ? "agent,episode" : "agent,step");
        for (String m : metrics) sb.append(',').append(m);
        return sb.append('\n').toString();
    }

    /** Lines of {@code metrics.csv} for a stretch of one agent's points: a line per step (episode), counted from 1. */
    private static String rows(Experiment.Rows r) {
        StringBuilder sb = new StringBuilder();
        String label = quote(r.label());
        for (int k = 0; k < r.curves()[0].length; k++) {
            sb.append(label).append(',').append(r.from() + k + 1);
            for (double[] curve : r.curves()) sb.append(',').append(curve[k]);
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Every agent's values at the end and, with {@code values_at}, after each of those episodes, drawn as the config's {@code value_map} says. */
    private static void valueMap(Path png, ExperimentConfig config, ExperimentResult result) {
        List<ValueMap.Entry> entries = new java.util.ArrayList<>();
        for (ExperimentResult.AgentCurves a : result.agents()) {
            if (a.values() == null) continue;
            boolean at = !config.valuesAt().isEmpty();
            for (int k = 0; k < a.valuesAt().size(); k++) entries.add(new ValueMap.Entry(a.label(), config.valuesAt().get(k), a.valuesAt().get(k)));
            entries.add(new ValueMap.Entry(a.label(), at ? config.episodes() : null, a.values()));
        }
        String runs = config.runs() == 1 ? "one run" : "mean of " + config.runs() + " runs";
        String truth = config.trueValues() == null ? "" : ", true values in brackets";
        String who = entries.stream().map(ValueMap.Entry::label).distinct().count() == 1 ? entries.get(0).label() + ", " : "";
        config.valueMap().draw(png, config.name() + ": learned values (" + who + runs + truth + ")", entries,
                dev.jgym.core.env.EnvRegistry.spec(config.env().id()).actionNames());
    }

    static String values(ExperimentResult result) {
        return values(result, ExperimentResult.AgentCurves::values);
    }

    /** {@code values.csv} of the estimates {@code which} picks from each agent (null: an agent without them). */
    static String values(ExperimentResult result, java.util.function.Function<ExperimentResult.AgentCurves, FinalValues> which) {
        boolean truth = result.agents().stream().anyMatch(a -> which.apply(a) != null && which.apply(a).hasTruth());
        StringBuilder sb = new StringBuilder(truth ? "agent,state,action,value,true_value,rms_error\n" : "agent,state,action,value\n");
        for (ExperimentResult.AgentCurves a : result.agents()) {
            FinalValues v = which.apply(a);
            if (v == null) continue;
            String label = quote(a.label());
            for (int s = 0; s < v.states().size(); s++) {
                String state = quote(observation(v.states().observation(s)));
                sb.append(label).append(',').append(state).append(",,").append(v.stateValue(s));
                int i = v.truthIndex(s);
                if (i >= 0) sb.append(',').append(v.trueValue(i)).append(',').append(v.rmsError(i));
                else if (truth) sb.append(",,");
                sb.append('\n');
                for (int c = 0; c < v.actions(); c++) {
                    sb.append(label).append(',').append(state).append(',').append(v.actionNumber(c)).append(',').append(v.actionValue(s, c));
                    if (truth) sb.append(",,");
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** An observation as written in values.csv: {@code 3}, or {@code [13,2,1]} for a tuple. */
    private static String observation(Object o) {
        if (o instanceof List<?> parts) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < parts.size(); i++) sb.append(i == 0 ? "" : ",").append(parts.get(i));
            return sb.append(']').toString();
        }
        return String.valueOf(o);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static ObjectNode summary(ExperimentConfig config, ExperimentResult result) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("name", config.name());
        root.put("env", config.env().id());
        root.put("seed", config.seed());
        root.put("runs", config.runs());
        if (config.steps() != null) root.put("steps", config.steps());
        if (config.episodic()) {
            root.put("curve", config.curve());
            root.put("episodes", config.episodes());
        }
        ArrayNode window = root.putArray("window");
        window.add(result.windowStart() + 1);
        window.add(result.steps());
        ArrayNode agents = root.putArray("agents");
        List<String> metrics = result.metrics();
        for (ExperimentResult.AgentCurves a : result.agents()) {
            ObjectNode node = agents.addObject();
            node.put("label", a.label());
            node.put("type", a.type());
            for (int m = 0; m < metrics.size(); m++) {
                ObjectNode stat = node.putObject(metrics.get(m));
                stat.put("window_mean", Stats.mean(a.windowMeans()[m]));
                stat.put("window_ci95", Stats.ci95(a.windowMeans()[m]));
                stat.put("total_mean", Stats.mean(a.totals()[m]));
                stat.put("total_ci95", Stats.ci95(a.totals()[m]));
            }
            if (a.evaluations() != null) {
                ObjectNode eval = node.putObject("evaluation");
                eval.put("episodes", config.evaluation().episodes());
                eval.put("mean_return", Stats.mean(a.evaluationReturns()));
                eval.put("mean_return_ci95", Stats.ci95(a.evaluationReturns()));
                if (a.successReported()) { // an env with a goal
                    eval.put("success_rate", Stats.mean(a.evaluationSuccessRates()));
                    eval.put("success_rate_ci95", Stats.ci95(a.evaluationSuccessRates()));
                }
            }
        }
        return root;
    }
}
