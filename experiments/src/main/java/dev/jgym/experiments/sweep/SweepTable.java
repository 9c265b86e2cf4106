package dev.jgym.experiments.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.agents.Stats;
import dev.jgym.core.config.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The sweep's table, from the plan and the trial summaries in trial order:
 * <ul>
 *   <li>{@code table.csv}: one row per trial and reported agent: trial id, setting, seed, the
 *       value of every varying path, agent, the metric, status and error;
 *   <li>{@code table.json}: the same trials, and per setting and agent the aggregate across seeds
 *       (mean, 95% interval half-width, how many seeds succeeded and failed);
 *   <li>{@code <metric>.png}: the metric per setting with its interval ({@link SweepPlot}).
 * </ul>
 * Nothing in them depends on the engine, the machine, the time or which trials were resumed, so
 * the same sweep gives byte-identical tables.
 */
public final class SweepTable {
    private SweepTable() {}

    /** Aggregate of one setting and agent across seeds. */
    public record Row(Setting setting, String agent, double[] values, int failed, double mean, double ci95) {}

    public static void write(Path out, SweepPlan plan, List<TrialSummary> summaries) {
        Json.writeAtomically(out.resolve("table.csv"), csv(plan, summaries).getBytes(StandardCharsets.UTF_8));
        Json.write(out.resolve("table.json"), json(plan, summaries));
        SweepPlot.write(out, plan, rows(plan, summaries));
    }

    /** The varying paths of the sweep, in the order they first appear. */
    static List<String> varyingPaths(SweepPlan plan) {
        Set<String> paths = new LinkedHashSet<>();
        for (Setting s : plan.settings()) {
            for (Setting.Override o : s.overrides()) if (o.varying()) paths.add(o.path().toString());
        }
        return List.copyOf(paths);
    }

    static String column(SweepPlan plan) {
        return plan.config().report().metric() + "_" + plan.config().report().summary();
    }

    public static String csv(SweepPlan plan, List<TrialSummary> summaries) {
        List<String> paths = varyingPaths(plan);
        StringBuilder sb = new StringBuilder("trial,setting,seed");
        for (String p : paths) sb.append(',').append(quote(p));
        sb.append(",agent,").append(column(plan)).append(",status,error\n");
        for (int i = 0; i < plan.trials().size(); i++) {
            Trial t = plan.trials().get(i);
            TrialSummary s = summaries.get(i);
            Setting setting = plan.settings().get(t.setting());
            for (String agent : t.agents()) {
                sb.append(t.id()).append(',').append(quote(setting.label())).append(',').append(t.seed());
                for (String p : paths) {
                    JsonNode v = setting.value(p);
                    sb.append(',').append(v == null ? "" : quote(Setting.text(v)));
                }
                Double v = value(s, agent);
                sb.append(',').append(quote(agent)).append(',').append(v == null ? "" : v.toString())
                        .append(',').append(s.status()).append(',').append(s.error() == null ? "" : quote(s.error())).append('\n');
            }
        }
        return sb.toString();
    }

    static ObjectNode json(SweepPlan plan, List<TrialSummary> summaries) {
        SweepConfig.Report report = plan.config().report();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("name", plan.config().name());
        root.put("metric", report.metric());
        root.put("summary", report.summary());
        root.put("aggregate", report.aggregate());
        root.put("seeds", plan.config().seeds().size());
        ArrayNode trials = root.putArray("trials");
        for (int i = 0; i < plan.trials().size(); i++) {
            Trial t = plan.trials().get(i);
            TrialSummary s = summaries.get(i);
            ObjectNode n = trials.addObject();
            n.put("id", t.id());
            n.put("setting", plan.settings().get(t.setting()).label());
            n.put("seed", t.seed());
            n.put("status", s.status());
            if (s.error() != null) n.put("error", s.error());
            ObjectNode values = n.putObject("values");
            for (String agent : t.agents()) {
                Double v = value(s, agent);
                if (v == null) values.putNull(agent);
                else values.put(agent, v);
            }
        }
        ArrayNode settings = root.putArray("settings");
        for (Row r : rows(plan, summaries)) {
            ObjectNode n = settings.addObject();
            n.put("setting", r.setting().label());
            n.put("id", r.setting().id());
            ObjectNode params = n.putObject("params");
            for (Setting.Override o : r.setting().overrides()) params.set(o.path().toString(), o.value());
            n.put("agent", r.agent());
            n.put("n", r.values().length);
            n.put("failed", r.failed());
            if (r.values().length == 0) {
                n.putNull("mean");
                n.putNull("ci95");
            } else {
                n.put("mean", r.mean());
                n.put("ci95", r.ci95());
            }
        }
        return root;
    }

    /** Per setting (in order) and reported agent: the values of the seeds that succeeded. */
    public static List<Row> rows(SweepPlan plan, List<TrialSummary> summaries) {
        List<Row> rows = new ArrayList<>();
        int seeds = plan.config().seeds().size();
        for (Setting setting : plan.settings()) {
            int first = setting.index() * seeds;
            for (String agent : plan.trials().get(first).agents()) {
                List<Double> ok = new ArrayList<>();
                int failed = 0;
                for (int k = 0; k < seeds; k++) {
                    TrialSummary s = summaries.get(first + k);
                    Double v = s.ok() ? value(s, agent) : null;
                    if (v == null) failed++;
                    else ok.add(v);
                }
                double[] values = ok.stream().mapToDouble(Double::doubleValue).toArray();
                rows.add(new Row(setting, agent, values, failed, values.length == 0 ? Double.NaN : Stats.mean(values), Stats.ci95(values)));
            }
        }
        return rows;
    }

    private static Double value(TrialSummary s, String agent) {
        for (TrialSummary.AgentValue v : s.values()) if (v.agent().equals(agent)) return v.value();
        return null;
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
