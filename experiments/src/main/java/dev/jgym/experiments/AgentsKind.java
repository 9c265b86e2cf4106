package dev.jgym.experiments;

import dev.jgym.agents.run.ExperimentKind;
import dev.jgym.agents.run.Progress;
import dev.jgym.agents.run.Run;
import dev.jgym.agents.run.RunOptions;
import dev.jgym.agents.run.StopSignal;
import dev.jgym.core.config.ExperimentConfig;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Agents compared over independent runs (a config with {@code "agents"}: bandit strategies,
 * tabular TD and Monte Carlo agents, planners): see {@link Experiment}. The default kind: a
 * config that names no other kind is read as this one.
 */
public final class AgentsKind implements ExperimentKind {
    @Override
    public String name() {
        return "agents";
    }

    @Override
    public String description() {
        return "bandit strategies and tabular agents (TD, Monte Carlo, planning) compared over many seeded runs";
    }

    @Override
    public String key() {
        return null;
    }

    @Override
    public Run prepare(Path configFile, RunOptions options) {
        ExperimentConfig cfg = ExperimentConfig.read(configFile);
        Experiment experiment = new Experiment(cfg, configFile.toString());
        experiment.validate();
        String unit = cfg.episodic() ? "episodes" : "steps";
        return new Run() {
            @Override
            public String name() {
                return cfg.name();
            }

            @Override
            public String banner(int threads) {
                return String.format(Locale.ROOT, "%s: %d agents x %d runs x %d %s on %s, %d threads",
                        cfg.name(), cfg.agents().size(), cfg.runs(), cfg.points(), unit, cfg.env().id(), threads);
            }

            @Override
            public String unit() {
                return unit;
            }

            @Override
            public long totalWork() {
                return experiment.totalSteps();
            }

            @Override
            public Outcome run(Path dir, Progress progress, StopSignal stop) {
                ExperimentResult result = experiment.run(options.threads(), progress::advance, dir);
                ExperimentOutput.write(dir, configFile, cfg, result);
                return Run.finished(experiment.totalSteps(), out -> printSummary(out, result));
            }
        };
    }

    private static void printSummary(java.io.PrintStream out, ExperimentResult r) {
        out.printf(Locale.ROOT, "%s %d-%d, mean over %d runs:%n", r.episodic() ? "episodes" : "steps", r.windowStart() + 1, r.steps(), r.runs());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-24s", "agent"));
        for (String m : r.metrics()) header.append(String.format(Locale.ROOT, " %12s", m));
        out.println(header);
        for (ExperimentResult.AgentCurves a : r.agents()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-24s", a.label()));
            for (String m : r.metrics()) line.append(String.format(Locale.ROOT, " %12.4f", r.windowMean(a.label(), m)));
            out.println(line);
            if (a.evaluations() != null) {
                out.printf(Locale.ROOT, "  %-24s greedy policy: mean return %.4f, success rate %.4f%n", "",
                        r.evaluationReturn(a.label()), r.evaluationSuccessRate(a.label()));
            }
        }
    }
}
