package dev.jgym.experiments.shallow;

import dev.jgym.agents.run.ExperimentKind;
import dev.jgym.agents.run.Progress;
import dev.jgym.agents.run.Run;
import dev.jgym.agents.run.RunOptions;
import dev.jgym.agents.run.StopSignal;
import java.nio.file.Path;
import java.util.Locale;

/** Shallow-and-wide binary-weight ensembles (a config with a top-level {@code "shallow"}): see {@link ShallowExperiment}. */
public final class ShallowKind implements ExperimentKind {
    @Override
    public String name() {
        return "shallow";
    }

    @Override
    public String description() {
        return "shallow-and-wide binary-weight ensembles trained by annealing (QBoost, Ising layers) beside an MLP";
    }

    @Override
    public String key() {
        return "shallow";
    }

    @Override
    public Run prepare(Path configFile, RunOptions options) {
        ShallowConfig cfg = ShallowConfig.read(configFile);
        ShallowExperiment e = new ShallowExperiment(cfg, configFile.toString());
        e.validate();
        return new Run() {
            @Override
            public String name() {
                return cfg.name();
            }

            @Override
            public String banner(int threads) {
                return String.format(Locale.ROOT, "%s: %s %dx%d, %d training and %d validation images, %d classifier(s), %d threads", cfg.name(),
                        cfg.data().dataset(), cfg.data().side(), cfg.data().side(), cfg.data().train(), cfg.data().validation(), cfg.shallow().size(), threads);
            }

            @Override
            public String unit() {
                return "solves";
            }

            @Override
            public long totalWork() {
                return e.totalWork();
            }

            @Override
            public Outcome run(Path dir, Progress progress, StopSignal stop) {
                ShallowExperiment.Result r = e.run(options.threads(), progress::advance);
                e.write(dir, configFile, r);
                return Run.finished(e.totalWork(), out -> {
                    String[] names = e.classNames();
                    StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%-14s %8s %8s %7s", "model", "mean AUC", "accuracy", "seconds"));
                    for (String n : names) h.append(String.format(Locale.ROOT, " %6.6s", n));
                    out.println(h);
                    for (ShallowExperiment.ModelResult m : r.models()) {
                        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-14s %8.4f %8.4f %7.1f", m.type(), m.meanAuc(), m.accuracy(), m.seconds()));
                        for (double a : m.auc()) line.append(String.format(Locale.ROOT, " %6.3f", a));
                        out.println(line);
                    }
                });
            }
        };
    }
}
