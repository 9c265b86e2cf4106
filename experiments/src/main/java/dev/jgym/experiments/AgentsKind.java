package dev.jgym.experiments;

import dev.jgym.agents.run.CsvStream;
import dev.jgym.agents.run.ExperimentKind;
import dev.jgym.agents.run.Progress;
import dev.jgym.agents.run.Run;
import dev.jgym.agents.run.RunOptions;
import dev.jgym.agents.run.StopSignal;
import dev.jgym.agents.run.TrialReport;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Agents compared over independent runs (a config with {@code "agents"}: bandit strategies,
 * tabular TD and Monte Carlo agents, planners): see {@link Experiment}. The default kind: a
 * config that names no other kind is read as this one. {@code metrics.csv} streams while it runs
 * (an agent's rows once its runs are done); the replays' {@code episodes.csv} logs line by line.
 */
public final class AgentsKind implements ExperimentKind {
    @Override
    public String name() {
        return "agents";
    }

    @Override
    public String description() {
        return "bandit strategies and tabular agents (TD, Monte Carlo, planning) compared over many seeded runs";
    }

    @Override
    public String key() {
        return null;
    }

    @Override
    public Run prepare(Path configFile, RunOptions options) {
        ExperimentConfig cfg = ExperimentConfig.read(configFile);
        Experiment experiment = new Experiment(cfg, configFile.toString());
        List<String> metrics = experiment.validate();
        String unit = cfg.episodic() ? "episodes" : "steps";
        return new Run() {
            @Override
            public String name() {
                return cfg.name();
            }

            @Override
            public String banner(int threads) {
                return String.format(Locale.ROOT, "%s: %d agents x %d runs x %d %s on %s, %d threads",
                        cfg.name(), cfg.agents().size(), cfg.runs(), cfg.points(), unit, cfg.env().id(), threads);
            }

            @Override
            public String unit() {
                return unit;
            }

            @Override
            public long totalWork() {
                return experiment.totalSteps();
            }

            @Override
            public Outcome run(Path dir, Progress progress, StopSignal stop) {
                CsvStream<Experiment.Rows> stream = ExperimentOutput.metricsStream(dir, metrics, cfg.episodic());
                stream.start(List.of());
                // a sweep's trial records no replays
                ExperimentResult result = experiment.onRows(stream::add).run(options.threads(), progress::advance, options.trial() ? null : dir);
                stream.flush();
                ExperimentOutput.writeAfterStream(dir, configFile, cfg, result);
                return Run.finished(experiment.totalSteps(), out -> printSummary(out, result), (report, agent) -> trialValue(result, report, agent));
            }
        };
    }

    /** The sweep summaries an agents config's trial knows: {@code window_mean} (default), {@code mean}, {@code total}, {@code final}. */
    @Override
    public List<String> trialAgents(JsonNode node, String where, String source, TrialReport report) {
        ExperimentConfig experiment = Json.bind(node, ExperimentConfig.class, where, "$");
        List<String> metrics = new Experiment(experiment, where).validate();
        if (!metrics.contains(report.metric())) {
            throw new UserError(source + ": $.report.metric: expected one of " + String.join(", ", metrics) + " (the metrics of "
                    + experiment.env().id() + "), found \"" + report.metric() + "\"");
        }
        List<String> labels = new ArrayList<>();
        experiment.agents().forEach(a -> labels.add(a.label()));
        if (report.agent() == null) return labels;
        if (!labels.contains(report.agent())) {
            throw new UserError(where + ": $.report.agent: expected one of the agent labels " + labels + ", found \"" + report.agent() + "\"");
        }
        return List.of(report.agent());
    }

    /** A trial's number for one agent: its curve of the report's metric summarised as the report says. */
    static double trialValue(ExperimentResult result, TrialReport report, String agent) {
        String metric = report.metric();
        switch (report.summary()) {
            case "window_mean":
                return result.windowMean(agent, metric);
            case "mean":
                return result.mean(agent, metric, 0, result.steps());
            case "total":
                return result.totalMean(agent, metric);
            case "final":
                return result.agent(agent).curves()[result.metric(metric)][(int) result.steps() - 1];
            default:
                throw new IllegalStateException("unknown summary " + report.summary());
        }
    }

    private static void printSummary(java.io.PrintStream out, ExperimentResult r) {
        out.printf(Locale.ROOT, "%s %d-%d, mean over %d runs:%n", r.episodic() ? "episodes" : "steps", r.windowStart() + 1, r.steps(), r.runs());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-24s", "agent"));
        for (String m : r.metrics()) header.append(String.format(Locale.ROOT, " %12s", m));
        out.println(header);
        for (ExperimentResult.AgentCurves a : r.agents()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-24s", a.label()));
            for (String m : r.metrics()) line.append(String.format(Locale.ROOT, " %12.4f", r.windowMean(a.label(), m)));
            out.println(line);
            if (a.evaluations() != null && a.successReported()) {
                out.printf(Locale.ROOT, "  %-24s greedy policy: mean return %.4f, success rate %.4f%n", "",
                        r.evaluationReturn(a.label()), r.evaluationSuccessRate(a.label()));
            } else if (a.evaluations() != null) {
                out.printf(Locale.ROOT, "  %-24s greedy policy: mean return %.4f%n", "", r.evaluationReturn(a.label()));
            }
        }
    }
}
