package dev.jgym.agents.pg;

import dev.jgym.agents.dqn.EvaluationReplays;
import dev.jgym.agents.run.ExperimentKind;
import dev.jgym.core.config.Json;
import dev.jgym.agents.run.PlayReport;
import dev.jgym.agents.run.PlayRequest;
import dev.jgym.agents.run.Progress;
import dev.jgym.agents.run.Run;
import dev.jgym.agents.run.RunOptions;
import dev.jgym.agents.run.StopSignal;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The policy-gradient family as an experiment kind (a config with a top-level {@code "pg"}):
 * PPO and A2C on vector envs, with checkpoints and {@code --resume}; writes what {@link PgOutput}
 * lists, the greedy evaluations' replays ({@link EvaluationReplays}) and {@code timing.json}.
 */
public final class PgKind implements ExperimentKind {
    @Override
    public String name() {
        return "pg";
    }

    @Override
    public String description() {
        return "policy gradients on vector envs (PPO, A2C; categorical and diagonal Gaussian policies) with checkpoints";
    }

    @Override
    public String key() {
        return "pg";
    }

    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public Run prepare(Path configFile, RunOptions options) {
        PgConfig cfg = PgConfig.read(configFile);
        PgTraining.Shape shape = new PgTraining(cfg, configFile.toString()).validate();
        return new Run() {
            @Override
            public String name() {
                return cfg.name();
            }

            @Override
            public String banner(int threads) {
                PgConfig.PgSettings s = cfg.pg();
                return String.format(Locale.ROOT, "%s: %s (%s policy) on %s, %d steps, %d envs x %d steps, %s, hidden %s, %d threads", cfg.name(),
                        s.algorithm().toUpperCase(Locale.ROOT), shape.maskedActions() > 0 ? "masked categorical" : shape.discrete() ? "categorical" : "Gaussian", cfg.env().id(),
                        s.iterations() * s.rolloutSize(), s.nEnvs(), s.nSteps(), s.ppo() ? s.nEpochs() + " epochs of batch " + s.batchSize() : "one update",
                        s.network().hidden(), threads);
            }

            @Override
            public String unit() {
                return "steps";
            }

            @Override
            public long totalWork() {
                return cfg.pg().iterations() * cfg.pg().rolloutSize();
            }

            @Override
            public Outcome run(Path dir, Progress progress, StopSignal stop) {
                PgTraining training = new PgTraining(cfg, configFile.toString()).threads(options.threads())
                        .checkpointTo(dir.resolve(Run.CHECKPOINT)).streamTo(dir).stopWhen(stop::requested);
                if (!cfg.replays().off() && !options.trial()) {
                    training.recordEvaluations(new EvaluationReplays(dir, cfg.env().id(), cfg.env().options(), cfg.pg().algorithm() + " " + cfg.name(),
                            Json.MAPPER.valueToTree(cfg), cfg.replays()));
                }
                if (options.resume()) training.resumeFrom(PgCheckpoint.read(dir.resolve(Run.CHECKPOINT)));
                long start = System.nanoTime();
                long[] done = {0};
                PgTraining.Result result = training.progress((n, ret) -> {
                    done[0] += n;
                    progress.advance(n);
                    if (!Double.isNaN(ret)) progress.status(String.format(Locale.ROOT, "return %.1f", ret));
                }).run();
                if (result == null) return Run.interrupted(done[0]);
                double seconds = (System.nanoTime() - start) / 1e9;
                PgOutput.write(dir, cfg, result);
                Run.writeTiming(dir, seconds, done[0], options.threads());
                return Run.finished(done[0], out -> {
                    PgTraining.EvalRow f = result.finalEvaluation();
                    out.printf(Locale.ROOT, "%s: %d steps, %d episodes, %d updates (%d gradient steps)%s%n", cfg.name(), result.steps(),
                            result.episodes().size(), result.updates().size(), result.gradientSteps(),
                            Double.isFinite(result.threshold()) ? (result.solved() ? "; solved" : "; not solved") + " (threshold " + result.threshold() + ")" : "");
                    out.printf(Locale.ROOT, "final greedy evaluation: %.1f +- %.1f over %d episodes (min %.0f, max %.0f)%n", f.mean(), f.std(),
                            f.episodes(), f.min(), f.max());
                });
            }
        };
    }

    @Override
    public PlayReport play(PlayRequest request) {
        PgConfig cfg = PgConfig.read(request.configFile());
        return new PgTraining(cfg, request.configFile().toString()).threads(request.threads()).play(PgCheckpoint.read(request.checkpointFile()), request);
    }
}
