package dev.jgym.experiments.sweep;

import dev.jgym.core.config.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a planned sweep on an engine and writes its results into {@code out}: a copy of the sweep
 * file ({@code sweep.json}), one folder per trial under {@code trials/}, and the table and plot
 * ({@link SweepTable}). Trials that already finished with the same config are reused, so running
 * a sweep again after an interruption completes only the missing ones.
 */
public final class Sweep {
    private Sweep() {}

    /** @param outcomes per trial, in trial order */
    public record Result(SweepPlan plan, Path out, List<TrialTask.Outcome> outcomes) {
        public List<TrialSummary> summaries() {
            List<TrialSummary> s = new ArrayList<>();
            outcomes.forEach(o -> s.add(o.summary()));
            return s;
        }

        public long reused() {
            return outcomes.stream().filter(TrialTask.Outcome::reused).count();
        }

        public long failed() {
            return outcomes.stream().filter(o -> !o.summary().ok()).count();
        }
    }

    public static Result run(SweepPlan plan, Path sweepFile, Path out, SweepRunner runner, Consumer<TrialTask.Outcome> progress) {
        try {
            Files.createDirectories(out);
            Json.writeAtomically(out.resolve("sweep.json"), Files.readAllBytes(sweepFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + out, e);
        }
        List<TrialTask.Outcome> outcomes = runner.run(plan.trials(), TrialTask.of(out, plan.config().report()), progress);
        if (outcomes.size() != plan.trials().size()) {
            throw new IllegalStateException(runner.describe() + " returned " + outcomes.size() + " outcomes for " + plan.trials().size() + " trials");
        }
        for (int i = 0; i < outcomes.size(); i++) {
            String got = outcomes.get(i).summary().id(), expected = plan.trials().get(i).id();
            if (!got.equals(expected)) throw new IllegalStateException("outcome " + i + " is trial " + got + ", expected " + expected);
        }
        Result result = new Result(plan, out, List.copyOf(outcomes));
        SweepTable.write(out, plan, result.summaries());
        return result;
    }
}
