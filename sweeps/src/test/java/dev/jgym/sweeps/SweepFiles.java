package dev.jgym.sweeps;

import dev.jgym.experiments.sweep.SweepCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Small sweep files for the tests, and the command line run in this JVM. */
final class SweepFiles {
    private SweepFiles() {}

    record Outcome(int code, String out, String err) {}

    static Outcome sweep(Map<String, SweepCommand.Engine> engines, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = SweepCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), engines);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * A 10-armed testbed sweep: epsilon-greedy over {@code epsilons} x UCB c in {1, 2}, with the
     * given seeds, {@code runs} runs of {@code steps} steps per trial.
     */
    static Path write(Path dir, String name, String epsilons, String seeds, int runs, int steps) throws IOException {
        Files.writeString(dir.resolve(name + "-base.json"), """
                {"name": "%s", "env": {"id": "GaussianBandit-v0", "options": {"k": 10}},
                 "agents": [{"label": "eps", "type": "epsilon-greedy", "settings": {"epsilon": 0.1}},
                            {"label": "ucb", "type": "ucb", "settings": {"c": 2.0}}],
                 "seed": 0, "runs": %d, "steps": %d}""".formatted(name, runs, steps));
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, """
                {"name": "%s", "base": "%s-base.json",
                 "grid": {"$.agents[0].settings.epsilon": %s, "$.agents[1].settings.c": [1.0, 2.0]},
                 "seeds": %s, "report": {"metric": "optimal", "summary": "mean"}}""".formatted(name, name, epsilons, seeds));
        return file;
    }
}
