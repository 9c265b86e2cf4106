package dev.jgym.agents.alphazero;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.agents.run.ExperimentKind;
import dev.jgym.agents.run.Progress;
import dev.jgym.agents.run.Run;
import dev.jgym.agents.run.RunOptions;
import dev.jgym.agents.run.StopSignal;
import dev.jgym.core.config.Json;
import dev.jgym.replays.ReplayFiles;
import java.nio.file.Path;
import java.util.Locale;

/**
 * AlphaZero self-play as an experiment kind (a config with a top-level {@code "alphazero"}):
 * tic-tac-toe or Connect Four, with checkpoints and {@code --resume}; writes what
 * {@link AzOutput} lists, the model snapshots ({@code models/}), the self-play replays
 * ({@code replays/selfplay/}) and {@code timing.json} (where the time went).
 */
public final class AzKind implements ExperimentKind {
    /** The folder of model snapshots in a run folder. */
    public static final String MODELS = "models";

    @Override
    public String name() {
        return "alphazero";
    }

    @Override
    public String description() {
        return "AlphaZero self-play (PUCT with a policy-value network) on tic-tac-toe and Connect Four, with checkpoints";
    }

    @Override
    public String key() {
        return "alphazero";
    }

    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public Run prepare(Path configFile, RunOptions options) {
        AzConfig cfg = AzConfig.read(configFile);
        new AzTraining(cfg, configFile.toString()).validate();
        return new Run() {
            @Override
            public String name() {
                return cfg.name();
            }

            @Override
            public String banner(int threads) {
                AzConfig.AzSettings s = cfg.alphazero();
                return String.format(Locale.ROOT, "%s: AlphaZero on %s, %d iterations x %d games, %d simulations/move, window %d games, %d steps of batch %d, %shidden %s, %d threads",
                        cfg.name(), cfg.game(), s.iterations(), s.gamesPerIteration(), s.simulations(), s.window(), s.trainSteps(), s.batchSize(),
                        s.network().encoder() == null ? "" : "conv encoder of " + s.network().encoder().size() + " layers, ", s.network().hidden(), threads);
            }

            @Override
            public String unit() {
                return "games";
            }

            @Override
            public long totalWork() {
                return (long) cfg.alphazero().iterations() * cfg.alphazero().gamesPerIteration();
            }

            @Override
            public Outcome run(Path dir, Progress progress, StopSignal stop) {
                AzTraining training = new AzTraining(cfg, configFile.toString()).threads(options.threads())
                        .checkpointTo(options.trial() ? null : dir.resolve(Run.CHECKPOINT)).modelsTo(dir.resolve(MODELS)).streamTo(dir).stopWhen(stop::requested);
                if (cfg.replays() && !options.trial()) training.replaysTo(dir.resolve(ReplayFiles.FOLDER).resolve(AzReplays.FOLDER));
                if (options.resume()) training.resumeFrom(AzCheckpoint.read(dir.resolve(Run.CHECKPOINT)));
                long start = System.nanoTime();
                long[] done = {0};
                AzTraining.Result result = training.progress((n, status) -> {
                    done[0] += n;
                    progress.advance(n);
                    progress.status(status);
                }).run();
                if (result == null) return Run.interrupted(done[0]);
                double seconds = (System.nanoTime() - start) / 1e9;
                AzOutput.write(dir, cfg, result);
                AzTraining.Profile p = result.profile();
                ObjectNode timing = JsonNodeFactory.instance.objectNode();
                timing.put("seconds", seconds);
                timing.put("games_per_hour", done[0] / seconds * 3600);
                timing.put("selfplay_search_seconds", p.searchSeconds());
                timing.put("selfplay_network_seconds", p.networkSeconds());
                timing.put("network_positions", p.positions());
                timing.put("train_seconds", p.trainSeconds());
                timing.put("evaluation_seconds", p.evalSeconds());
                timing.put("threads", options.threads());
                Json.write(dir.resolve("timing.json"), timing);
                return Run.finished(done[0], out -> {
                    out.printf(Locale.ROOT, "%s: %d iterations, %d self-play games%n", cfg.name(), result.iterations().size(), result.games().size());
                    if (!result.evaluations().isEmpty()) {
                        AzTraining.EvalRow e = result.evaluations().get(result.evaluations().size() - 1);
                        out.printf(Locale.ROOT, "final evaluation against %s: %d won, %d drawn, %d lost of %d (score %.3f)%n", e.opponent(), e.wins(),
                                e.draws(), e.losses(), e.games(), e.score());
                    }
                    out.printf(Locale.ROOT, "time: self-play search %.1f s, network %.1f s (%d positions), training %.1f s, evaluation %.1f s%n",
                            p.searchSeconds(), p.networkSeconds(), p.positions(), p.trainSeconds(), p.evalSeconds());
                });
            }
        };
    }
}
