package dev.jgym.agents.offpolicy;

import dev.jgym.agents.dqn.EvaluationReplays;
import dev.jgym.agents.pg.PgTraining;
import dev.jgym.core.config.Json;
import dev.jgym.agents.run.ExperimentKind;
import dev.jgym.agents.run.PlayReport;
import dev.jgym.agents.run.PlayRequest;
import dev.jgym.agents.run.Progress;
import dev.jgym.agents.run.Run;
import dev.jgym.agents.run.RunOptions;
import dev.jgym.agents.run.StopSignal;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The off-policy actor-critics as an experiment kind (a config with a top-level
 * {@code "offpolicy"}): SAC, TD3 and DDPG on Box-action envs, with checkpoints and
 * {@code --resume}; writes what {@link OffPolicyOutput} lists, replays and {@code timing.json}.
 */
public final class OffPolicyKind implements ExperimentKind {
    @Override
    public String name() {
        return "offpolicy";
    }

    @Override
    public String description() {
        return "off-policy actor-critics for continuous actions (SAC, TD3, DDPG) with a replay buffer and checkpoints";
    }

    @Override
    public String key() {
        return "offpolicy";
    }

    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public Run prepare(Path configFile, RunOptions options) {
        OffPolicyConfig cfg = OffPolicyConfig.read(configFile);
        OffPolicyTraining.Shape shape = new OffPolicyTraining(cfg, configFile.toString()).validate();
        return new Run() {
            @Override
            public String name() {
                return cfg.name();
            }

            @Override
            public String banner(int threads) {
                OffPolicyConfig.Settings s = cfg.offpolicy();
                return String.format(Locale.ROOT, "%s: %s on %s (%s), %d steps, batch %d, %d gradient steps every %d steps, hidden %s, %d threads",
                        cfg.name(), s.algorithm().toUpperCase(Locale.ROOT), cfg.env().id(), shape.actions(), s.totalSteps(), s.batchSize(),
                        s.gradientSteps(), s.trainFreq(), s.network().hidden(), threads);
            }

            @Override
            public String unit() {
                return "steps";
            }

            @Override
            public long totalWork() {
                return cfg.offpolicy().totalSteps();
            }

            @Override
            public Outcome run(Path dir, Progress progress, StopSignal stop) {
                OffPolicyTraining training = new OffPolicyTraining(cfg, configFile.toString()).threads(options.threads()).stopWhen(stop::requested);
                if (!options.trial()) training.checkpointTo(dir.resolve(Run.CHECKPOINT)).streamTo(dir);
                if (!cfg.replays().off() && !options.trial()) training.observeEvaluations(new EvaluationReplays(dir, cfg.env().id(), cfg.env().options(),
                        cfg.offpolicy().algorithm() + " " + cfg.name(), Json.MAPPER.valueToTree(cfg), cfg.replays())::create);
                if (options.resume()) training.resumeFrom(OffPolicyCheckpoint.read(dir.resolve(Run.CHECKPOINT)));
                long start = System.nanoTime();
                long[] done = {0};
                OffPolicyTraining.Result result = training.progress((n, ret) -> {
                    done[0] += n;
                    progress.advance(n);
                    if (!Double.isNaN(ret)) progress.status(String.format(Locale.ROOT, "return %.1f", ret));
                }).run();
                if (result == null) return Run.interrupted(done[0]);
                double seconds = (System.nanoTime() - start) / 1e9;
                OffPolicyOutput.write(dir, cfg, result);
                Run.writeTiming(dir, seconds, done[0], options.threads());
                return Run.finished(done[0], out -> {
                    PgTraining.EvalRow f = result.finalEvaluation();
                    out.printf(Locale.ROOT, "%s: %d steps, %d episodes, %d gradient steps%s%n", cfg.name(), result.steps(), result.episodes().size(),
                            result.gradientSteps(),
                            Double.isFinite(result.threshold()) ? (result.solved() ? "; solved" : "; not solved") + " (threshold " + result.threshold() + ")" : "");
                    out.printf(Locale.ROOT, "final deterministic evaluation: %.1f +- %.1f over %d episodes (min %.0f, max %.0f)%n", f.mean(), f.std(),
                            f.episodes(), f.min(), f.max());
                });
            }
        };
    }

    @Override
    public PlayReport play(PlayRequest request) {
        OffPolicyConfig cfg = OffPolicyConfig.read(request.configFile());
        return new OffPolicyTraining(cfg, request.configFile().toString()).threads(request.threads())
                .play(OffPolicyCheckpoint.read(request.checkpointFile()), request);
    }
}
