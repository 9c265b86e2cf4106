package dev.jgym.experiments.run;

import dev.jgym.agents.run.ExperimentKind;
import dev.jgym.agents.run.Progress;
import dev.jgym.agents.run.Run;
import dev.jgym.agents.run.RunOptions;
import dev.jgym.agents.run.StopSignal;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/** A kind (tests only, key {@code "test_disk_full"}) whose run meets a full disk while writing its results. */
public final class DiskFullKind implements ExperimentKind {
    @Override
    public String name() {
        return "test-disk-full";
    }

    @Override
    public String description() {
        return "tests: a run whose disk fills up";
    }

    @Override
    public String key() {
        return "test_disk_full";
    }

    @Override
    public Run prepare(Path configFile, RunOptions options) {
        return new Run() {
            @Override
            public String name() {
                return "disk-full";
            }

            @Override
            public String banner(int threads) {
                return "disk-full";
            }

            @Override
            public String unit() {
                return "steps";
            }

            @Override
            public long totalWork() {
                return 1;
            }

            @Override
            public Outcome run(Path dir, Progress progress, StopSignal stop) {
                Path file = dir.resolve("metrics.csv");
                throw new UncheckedIOException("cannot write " + file, new FileSystemException(file.toString(), null, "No space left on device"));
            }
        };
    }
}
