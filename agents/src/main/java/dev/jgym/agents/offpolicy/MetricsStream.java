package dev.jgym.agents.offpolicy;

import dev.jgym.core.config.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Streams {@code metrics.csv} while the run trains: the lines {@link OffPolicyOutput} writes at the
 * end, appended in whole lines at most once a second and at every checkpoint, so a killed run
 * leaves a well-formed file covering the episodes done; a resumed run first rewrites it from its
 * checkpoint's rows. It draws no random number and changes nothing the run computes.
 */
final class MetricsStream {
    private static final long CADENCE_NANOS = 1_000_000_000L;
    private final Path file;
    private final StringBuilder pending = new StringBuilder();
    private long lastFlush = System.nanoTime();

    MetricsStream(Path runDir) {
        this.file = runDir.resolve(OffPolicyOutput.METRICS);
    }

    void start(List<OffPolicyTraining.EpisodeRow> rows) {
        Json.writeAtomically(file, OffPolicyOutput.metrics(rows).getBytes(StandardCharsets.UTF_8));
        lastFlush = System.nanoTime();
    }

    void episode(OffPolicyTraining.EpisodeRow row) {
        pending.append(OffPolicyOutput.metricsLine(row));
        if (System.nanoTime() - lastFlush >= CADENCE_NANOS) flush();
    }

    void flush() {
        lastFlush = System.nanoTime();
        if (pending.isEmpty()) return;
        try {
            Files.write(file, pending.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
        pending.setLength(0);
    }
}
