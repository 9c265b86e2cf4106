package dev.jgym.experiments.sweep;

import dev.jgym.agents.run.Diverged;
import dev.jgym.agents.run.ExperimentKind;
import dev.jgym.agents.run.Progress;
import dev.jgym.agents.run.Run;
import dev.jgym.agents.run.RunOptions;
import dev.jgym.agents.run.StopSignal;
import dev.jgym.agents.run.TrialReport;
import dev.jgym.experiments.run.ExperimentKinds;
import dev.jgym.core.config.Json;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one trial where an engine put it (a pool thread, a Spark executor): the trial's config
 * through its experiment kind ({@link ExperimentKind}, as a trial: one thread, no checkpoints or
 * replays), its outputs into {@code <out>/trials/<id>/}, then {@code trial.json} last. A trial whose {@code trial.json} exists, says {@code ok} and carries
 * the same config hash is not run again: a sweep resumes where it stopped.
 *
 * <p>Failures stay inside the trial: an exception becomes a {@code failed} summary with a one-line
 * error, a loss or metric that is not finite a {@code diverged} one, and the sweep goes on. A failed trial
 * runs again when the sweep is resumed.
 *
 * @param out the sweep's output folder (absolute; a shared filesystem path on a cluster)
 * @param metric the reported metric
 * @param summary how a trial's curve becomes one number (see {@link SweepConfig.Report})
 */
public record TrialTask(String out, String metric, String summary) implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String SUMMARY_FILE = "trial.json";

    public static TrialTask of(Path out, SweepConfig.Report report) {
        return new TrialTask(out.toAbsolutePath().toString(), report.metric(), report.summary());
    }

    /** What a trial produced, and whether it was found finished on disk instead of run. */
    public record Outcome(TrialSummary summary, boolean reused) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public static Path folder(Path out, String trialId) {
        return out.resolve("trials").resolve(trialId);
    }

    public Outcome run(Trial trial) {
        System.setProperty("java.awt.headless", "true"); // plots on executors without a display
        Path dir = folder(Path.of(out), trial.id());
        TrialSummary done = finished(dir, trial);
        if (done != null) return new Outcome(done, true);
        TrialSummary summary;
        try {
            summary = execute(dir, trial);
        } catch (Diverged e) {
            summary = new TrialSummary(trial.id(), trial.seed(), trial.configHash(), TrialSummary.DIVERGED, e.getMessage(), List.of());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
            summary = new TrialSummary(trial.id(), trial.seed(), trial.configHash(), TrialSummary.FAILED, oneLine(e), List.of());
        }
        Json.write(dir.resolve(SUMMARY_FILE), summary);
        return new Outcome(summary, false);
    }

    /** The summary of a trial that already finished with this very config, or null. */
    static TrialSummary finished(Path dir, Trial trial) {
        Path file = dir.resolve(SUMMARY_FILE);
        if (!Files.isRegularFile(file)) return null;
        try {
            TrialSummary s = Json.read(file, TrialSummary.class);
            return s.ok() && s.id().equals(trial.id()) && s.configHash().equals(trial.configHash()) ? s : null;
        } catch (RuntimeException e) {
            return null; // unreadable: run it again
        }
    }

    /** Runs the trial through its config's experiment kind (as a trial: no checkpoints or replays) and reads its numbers. */
    private TrialSummary execute(Path dir, Trial trial) {
        Path configFile = dir.resolve("config.json");
        Json.writeAtomically(configFile, trial.configJson().getBytes(StandardCharsets.UTF_8));
        ExperimentKind kind = ExperimentKinds.forConfig(configFile);
        Run.Outcome outcome = kind.prepare(configFile, RunOptions.trialRun()).run(dir, Progress.NONE, new StopSignal());
        TrialReport report = new TrialReport(metric, summary, null);
        List<TrialSummary.AgentValue> values = new ArrayList<>();
        String error = null;
        for (String agent : trial.agents()) {
            double v = outcome.trialValue(report, agent);
            if (!Double.isFinite(v) && error == null) error = metric + " (" + summary + ") of agent \"" + agent + "\" is " + v;
            values.add(new TrialSummary.AgentValue(agent, Double.isFinite(v) ? v : null));
        }
        return new TrialSummary(trial.id(), trial.seed(), trial.configHash(), error == null ? TrialSummary.OK : TrialSummary.DIVERGED, error, values);
    }

    static String oneLine(Throwable e) {
        String msg = e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s*\\R\\s*", " ");
        return e.getClass().getSimpleName() + msg;
    }

    /** Used by tests and tools: the trial summary on disk, or null. */
    public static TrialSummary read(Path out, String trialId) {
        Path file = folder(out, trialId).resolve(SUMMARY_FILE);
        return Files.isRegularFile(file) ? Json.read(file, TrialSummary.class) : null;
    }

}
