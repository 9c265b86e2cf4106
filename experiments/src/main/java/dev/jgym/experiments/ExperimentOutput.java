package dev.jgym.experiments;

import dev.jgym.agents.Stats;
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
 *   <li>{@code summary.json}: per agent and metric, the mean over the final window with a 95%
 *       interval across runs, and the mean total over all steps; with an {@code evaluation}, per
 *       agent the greedy policy's mean return and success rate (means over runs, 95% intervals);
 *   <li>{@code <metric>.png}: learning curves, one line per agent.
 * </ul>
 * Nothing written depends on the machine or the thread count (no times, no paths), so the same
 * config and seed give byte-identical files.
 */
public final class ExperimentOutput {
    private ExperimentOutput() {}

    public static void write(Path dir, Path configFile, ExperimentConfig config, ExperimentResult result) {
        try {
            Files.createDirectories(dir);
            Json.writeAtomically(dir.resolve("config.json"), Files.readAllBytes(configFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir, e);
        }
        Json.writeAtomically(dir.resolve("metrics.csv"), csv(result).getBytes(StandardCharsets.UTF_8));
        Json.write(dir.resolve("summary.json"), summary(config, result));
        LearningCurves.write(dir, config.name(), result);
    }

    static String csv(ExperimentResult result) {
        StringBuilder sb = new StringBuilder(result.episodic() ? "agent,episode" : "agent,step");
        for (String m : result.metrics()) sb.append(',').append(m);
        sb.append('\n');
        for (ExperimentResult.AgentCurves a : result.agents()) {
            String label = quote(a.label());
            for (int t = 0; t < result.steps(); t++) {
                sb.append(label).append(',').append(t + 1);
                for (double[] curve : a.curves()) sb.append(',').append(curve[t]);
                sb.append('\n');
            }
        }
        return sb.toString();
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
                eval.put("success_rate", Stats.mean(a.evaluationSuccessRates()));
                eval.put("success_rate_ci95", Stats.ci95(a.evaluationSuccessRates()));
            }
        }
        return root;
    }
}
