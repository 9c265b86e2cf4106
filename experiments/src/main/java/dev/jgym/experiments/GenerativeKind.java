package dev.jgym.experiments;

import dev.jgym.agents.run.ExperimentKind;
import dev.jgym.agents.run.Progress;
import dev.jgym.agents.run.Run;
import dev.jgym.agents.run.RunOptions;
import dev.jgym.agents.run.StopSignal;
import java.nio.file.Path;
import java.util.Locale;

/** Generative models (a config with a top-level {@code "generative"}): see {@link GenerativeExperiment}. */
public final class GenerativeKind implements ExperimentKind {
    /** MNIST's training images, what a run without {@code train_limit} reads. */
    private static final long MNIST_TRAIN = 60_000;

    @Override
    public String name() {
        return "generative";
    }

    @Override
    public String description() {
        return "generative models on MNIST: a GAN or a VAE, with sample grids";
    }

    @Override
    public String key() {
        return "generative";
    }

    @Override
    public Run prepare(Path configFile, RunOptions options) {
        GenerativeConfig cfg = GenerativeConfig.read(configFile);
        GenerativeExperiment experiment = new GenerativeExperiment(cfg, configFile.toString());
        experiment.validate();
        Integer limit = cfg.data().trainLimit();
        long total = (long) cfg.training().epochs() * (limit == null ? MNIST_TRAIN : Math.min(limit, MNIST_TRAIN));
        return new Run() {
            @Override
            public String name() {
                return cfg.name();
            }

            @Override
            public String banner(int threads) {
                return String.format(Locale.ROOT, "%s: %s on %s, %d epochs, batch %d, %d threads", cfg.name(), cfg.generative().kind().toUpperCase(Locale.ROOT),
                        cfg.data().dataset(), cfg.training().epochs(), cfg.training().batchSize(), threads);
            }

            @Override
            public String unit() {
                return "examples";
            }

            @Override
            public long totalWork() {
                return total;
            }

            @Override
            public Outcome run(Path dir, Progress progress, StopSignal stop) {
                long[] done = {0};
                GenerativeExperiment.Result r = experiment.run(options.threads(), n -> {
                    done[0] += n;
                    progress.advance(n);
                });
                GenerativeExperiment.write(dir, configFile, cfg, r);
                return Run.finished(done[0], out -> {
                    for (GenerativeExperiment.EpochRow row : r.epochs()) {
                        out.printf(Locale.ROOT, "epoch %d: %.4f %.4f %.4f %.4f%n", row.epoch(), row.a(), row.b(), row.c(), row.d());
                    }
                });
            }
        };
    }
}
