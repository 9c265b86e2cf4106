package dev.jgym.agents.dqn;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.agents.run.ExperimentKind;
import dev.jgym.agents.run.Progress;
import dev.jgym.agents.run.Run;
import dev.jgym.agents.run.RunOptions;
import dev.jgym.agents.run.StopSignal;
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
                DqnTraining training = new DqnTraining(cfg, configFile.toString()).threads(options.threads())
                        .checkpointTo(dir.resolve(Run.CHECKPOINT)).stopWhen(stop::requested).streamTo(dir);
                training.validate();
                if (!cfg.replays().off()) training.observeEvaluations(new DqnReplays(dir, cfg));
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
                ObjectNode timing = JsonNodeFactory.instance.objectNode();
                timing.put("seconds", seconds);
                timing.put("steps_per_second", result.steps() / seconds);
                timing.put("threads", options.threads());
                Json.write(dir.resolve("timing.json"), timing);
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
}
