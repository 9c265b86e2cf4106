package dev.jgym.agents.dqn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.agents.run.Diverged;
import dev.jgym.agents.run.ExperimentKind;
import dev.jgym.agents.run.PlayReport;
import dev.jgym.agents.run.PlayRequest;
import dev.jgym.agents.run.Progress;
import dev.jgym.agents.run.Run;
import dev.jgym.agents.run.RunOptions;
import dev.jgym.agents.run.StopSignal;
import dev.jgym.agents.run.TrialReport;
import dev.jgym.core.config.UserError;
import dev.jgym.nn.Param;
import java.util.List;
import dev.jgym.core.config.Json;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The DQN family as an experiment kind (a config with a top-level {@code "dqn"}): trains with
 * checkpoints, resumes, and writes what {@link DqnOutput} lists plus {@code timing.json}.
 */
public final class DqnKind implements ExperimentKind {
    @Override
    public String name() {
        return "dqn";
    }

    @Override
    public String description() {
        return "deep Q-networks (DQN, Double, Dueling, n-step, prioritized, DRQN, CNN encoders, imitation) with checkpoints";
    }

    @Override
    public String key() {
        return "dqn";
    }

    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public Run prepare(Path configFile, RunOptions options) {
        DqnConfig cfg = DqnConfig.read(configFile);
        new DqnTraining(cfg, configFile.toString()).validate();
        return new Run() {
            @Override
            public String name() {
                return cfg.name();
            }

            @Override
            public String banner(int threads) {
                DqnConfig.DqnSettings s = cfg.dqn();
                return String.format(Locale.ROOT, "%s: DQN%s%s%s%s on %s, %d steps, batch %d, hidden %s, %d threads", cfg.name(),
                        s.doubleQ() ? " double" : "", s.dueling() ? " dueling" : "", s.nStep() > 1 ? " " + s.nStep() + "-step" : "",
                        s.prioritized() != null ? " prioritized" : "", cfg.env().id(), s.totalSteps(), s.batchSize(), s.network().hidden(), threads);
            }

            @Override
            public String unit() {
                return "steps";
            }

            @Override
            public long totalWork() {
                return cfg.dqn().totalSteps();
            }

            @Override
            public Outcome run(Path dir, Progress progress, StopSignal stop) {
                DqnTraining training = new DqnTraining(cfg, configFile.toString()).threads(options.threads()).stopWhen(stop::requested);
                if (!options.trial()) training.checkpointTo(dir.resolve(Run.CHECKPOINT)).streamTo(dir);
                training.validate();
                if (!cfg.replays().off() && !options.trial()) training.observeEvaluations(new DqnReplays(dir, cfg));
                if (options.resume()) training.resumeFrom(Checkpoint.read(dir.resolve(Run.CHECKPOINT)));
                long start = System.nanoTime();
                long[] done = {0};
                DqnTraining.Result result = training.progress((n, ret) -> {
                    done[0] += n;
                    progress.advance(n);
                    if (!Double.isNaN(ret)) progress.status(String.format(Locale.ROOT, "return %.1f", ret));
                }).run();
                if (result == null) return Run.interrupted(done[0]);
                double seconds = (System.nanoTime() - start) / 1e9;
                DqnOutput.write(dir, configFile, cfg, result);
                if (options.trial()) return Run.finished(done[0], out -> { }, (report, agent) -> trialValue(result, report.metric()));
                Run.writeTiming(dir, seconds, result.steps(), options.threads());
                return Run.finished(done[0], out -> {
                    DqnTraining.EvalRow f = result.finalEvaluation();
                    out.printf(Locale.ROOT, "%s: %d steps, %d episodes, %d updates; %s%n", cfg.name(), result.steps(), result.episodes().size(),
                            result.updates(), result.solved() ? "solved at step " + result.solvedAtStep() : "not solved");
                    out.printf(Locale.ROOT, "final greedy evaluation: %.1f +- %.1f over %d episodes (min %.0f, max %.0f)%n", f.mean(), f.std(),
                            f.episodes(), f.min(), f.max());
                });
            }
        };
    }

    /** The one label a DQN trial reports under (a sweep table's {@code agent} column). */
    static final String LABEL = "dqn";
    /** The numbers of a DQN trial's summary a sweep can report (summary {@code final}). */
    static final List<String> METRICS = List.of("final_mean", "solved_at", "solved", "training_return");

    @Override
    public List<String> trialAgents(JsonNode node, String where, String source, TrialReport report) {
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

    /**
     * A trial's number for {@code metric}: {@code final_mean} (the final greedy evaluation's mean
     * return), {@code solved_at} (the step a full evaluation first reached the threshold, else the
     * steps run), {@code solved} (1 or 0), {@code training_return} (the last 100 training episodes'
     * mean). A network whose weights are no longer finite throws {@link Diverged}.
     */
    static double trialValue(DqnTraining.Result r, String metric) {
        for (Param p : r.learner().params()) {
            for (float w : p.value().data()) {
                if (!Float.isFinite(w)) throw new Diverged("the online network's " + p.name() + " holds " + w + " (the loss diverged)");
            }
        }
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

    @Override
    public PlayReport play(PlayRequest request) {
        return Play.run(request);
    }
}
