package dev.jgym.experiments.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.agents.dqn.DqnConfig;
import dev.jgym.agents.dqn.DqnOutput;
import dev.jgym.agents.dqn.DqnTraining;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.nn.Param;
import java.nio.file.Path;
import java.util.List;

/**
 * A sweep trial whose config is a DQN config (a top-level {@code "dqn"} key): {@link DqnTraining}
 * on one thread, with the trial's root {@code seed}, its outputs written by {@link DqnOutput} into
 * the trial folder (everything {@code jgym train} writes except {@code timing.json}, the one file
 * that depends on the machine), and one number of its summary reported:
 *
 * <table>
 *   <caption>metrics of a DQN trial (summary {@code final})</caption>
 *   <tr><th>metric</th><th>value</th></tr>
 *   <tr><td>{@code final_mean}</td><td>the final greedy evaluation's mean return
 *       ({@code summary.json} {@code final_evaluation.mean_return}, over {@code evaluation.final_episodes})</td></tr>
 *   <tr><td>{@code solved_at}</td><td>the env step at which a full-size greedy evaluation first reached
 *       the threshold ({@code solved_at_step}); a trial that never solved counts the steps it ran, its
 *       whole budget (a lower bound: read it together with {@code solved})</td></tr>
 *   <tr><td>{@code solved}</td><td>1 when the trial solved the env, else 0 (its mean over seeds is the share that solved)</td></tr>
 *   <tr><td>{@code training_return}</td><td>the mean return of the last 100 training episodes
 *       ({@code last_100_training_return})</td></tr>
 * </table>
 *
 * <p>A trial fails (and the sweep goes on) on an exception, a value that is not finite, or a
 * network whose weights are no longer finite (the loss diverged), whatever the reported metric.
 */
final class DqnTrial {
    /** The one label a DQN trial reports under (the table's {@code agent} column). */
    static final String LABEL = "dqn";
    static final List<String> METRICS = List.of("final_mean", "solved_at", "solved", "training_return");

    private DqnTrial() {}

    /** Checks one setting's DQN config (bound strictly, env and spaces checked) and the report; returns the reported label. */
    static List<String> check(SweepConfig.Report report, String source, Setting setting, JsonNode node) {
        String where = source + ": setting " + setting.label();
        DqnConfig config = Json.bind(node, DqnConfig.class, where, "$");
        new DqnTraining(config, where).validate();
        if (!METRICS.contains(report.metric())) {
            throw new UserError(source + ": $.report.metric: expected one of " + String.join(", ", METRICS)
                    + " (the numbers of a DQN trial's summary), found \"" + report.metric() + "\"");
        }
        if (!report.summary().equals("final")) {
            throw new UserError(source + ": $.report.summary: a DQN trial reports one number from its summary: expected final, found \""
                    + report.summary() + "\"");
        }
        if (report.agent() != null && !report.agent().equals(LABEL)) {
            throw new UserError(source + ": $.report.agent: a DQN trial trains one network, labelled \"" + LABEL + "\": expected \""
                    + LABEL + "\" or no agent, found \"" + report.agent() + "\"");
        }
        return List.of(LABEL);
    }

    /** Trains the trial's DQN config and writes its outputs into {@code dir}; the summary to record. */
    static TrialSummary run(Path dir, Path configFile, JsonNode tree, Trial trial, String metric) {
        String source = "trial " + trial.id();
        DqnConfig config = Json.bind(tree, DqnConfig.class, source, "$");
        DqnTraining.Result result = new DqnTraining(config, source).threads(1).run();
        DqnOutput.write(dir, configFile, config, result);
        double v = value(result, metric);
        String error = diverged(result);
        if (error == null && !Double.isFinite(v)) error = metric + " of the DQN trial is " + v;
        boolean ok = error == null;
        return new TrialSummary(trial.id(), trial.seed(), trial.configHash(), ok ? TrialSummary.OK : TrialSummary.DIVERGED, error,
                List.of(new TrialSummary.AgentValue(LABEL, ok ? v : null)));
    }

    /** The trial's number for {@code metric} (one of {@link #METRICS}). */
    static double value(DqnTraining.Result r, String metric) {
        switch (metric) {
            case "final_mean":
                return r.finalEvaluation().mean();
            case "solved_at":
                return r.solved() ? r.solvedAtStep() : r.steps();
            case "solved":
                return r.solved() ? 1 : 0;
            case "training_return": {
                int n = r.episodes().size(), from = Math.max(0, n - 100);
                double sum = 0;
                for (int i = from; i < n; i++) sum += r.episodes().get(i).episodeReturn();
                return n == 0 ? Double.NaN : sum / (n - from);
            }
            default:
                throw new IllegalStateException("unknown DQN metric " + metric);
        }
    }

    /** A line naming the first weight tensor that holds NaN or infinity, or null when all are finite. */
    private static String diverged(DqnTraining.Result r) {
        for (Param p : r.learner().params()) {
            for (float w : p.value().data()) {
                if (!Float.isFinite(w)) return "the online network's " + p.name() + " holds " + w + " (the loss diverged)";
            }
        }
        return null;
    }
}
