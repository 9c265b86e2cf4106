package dev.jgym.experiments;

import dev.jgym.agents.run.ExperimentKind;
import dev.jgym.agents.run.Progress;
import dev.jgym.agents.run.Run;
import dev.jgym.agents.run.RunOptions;
import dev.jgym.agents.run.StopSignal;
import java.nio.file.Path;
import java.util.Locale;

/** Supervised learning (a config with a top-level {@code "model"}): see {@link SupervisedExperiment}. */
public final class SupervisedKind implements ExperimentKind {
    @Override
    public String name() {
        return "supervised";
    }

    @Override
    public String description() {
        return "supervised models (MLP, CNN, LSTM) on MNIST, Fashion-MNIST or text, on the CPU or OpenCL backend";
    }

    @Override
    public String key() {
        return "model";
    }

    @Override
    public boolean takesBackend() {
        return true;
    }

    @Override
    public Run prepare(Path configFile, RunOptions options) {
        SupervisedConfig cfg = SupervisedConfig.read(configFile);
        SupervisedExperiment experiment = new SupervisedExperiment(cfg, configFile.toString());
        experiment.validate();
        long total = experiment.totalExamples();
        return new Run() {
            @Override
            public String name() {
                return cfg.name();
            }

            @Override
            public String banner(int threads) {
                return String.format(Locale.ROOT, "%s: %s, %d epochs, batch %d, %s", cfg.name(), cfg.data().dataset(), cfg.training().epochs(),
                        cfg.training().batchSize(), options.backend() == null ? threads + " threads" : "backend " + options.backend());
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
                SupervisedExperiment.Result result = experiment.run(options.backend(), options.threads(), progress::advance);
                SupervisedExperiment.write(dir, configFile, cfg, result);
                long examples = total / cfg.training().epochs() * result.epochs().size();
                return Run.finished(examples, out -> {
                    out.printf(Locale.ROOT, "%5s %10s %10s %10s %10s %10s%n", "epoch", "lr", "train loss", "train acc", "val loss", "val acc");
                    for (SupervisedExperiment.EpochRow row : result.epochs()) {
                        out.printf(Locale.ROOT, "%5d %10.2e %10.4f %10.4f %10.4f %10.4f%n", row.epoch(), row.lr(), row.trainLoss(), row.trainAccuracy(),
                                row.valLoss(), row.valAccuracy());
                    }
                    out.printf(Locale.ROOT, "test: loss %.4f, accuracy %.4f (%d examples)%n", result.test().loss(), result.test().accuracy(),
                            result.test().examples());
                });
            }
        };
    }
}
