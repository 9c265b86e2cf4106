package dev.jgym.agents.dqn;

import dev.jgym.core.config.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Streams a DQN run's training episodes while it trains: {@code metrics.csv} (the same lines
 * {@link DqnOutput} writes at the end, so the final file is byte for byte what a run without
 * streaming writes) and {@code episodes.csv} ({@code episode,steps,return}, the live viewer's
 * learning curve). Rows are appended in whole lines at most once a second and at
 * every checkpoint, so a killed run leaves well-formed files covering the episodes done; a resumed
 * run first rewrites both from its checkpoint's rows. Nothing here draws a random number or
 * changes what the run computes.
 */
final class EpisodeStream {
    /** The training curve's file in the run folder, where the live viewer finds it. */
    static final String EPISODES = "episodes.csv";
    private static final long CADENCE_NANOS = 1_000_000_000L;

    private final Path metrics;
    private final Path episodes;
    private final StringBuilder pendingMetrics = new StringBuilder();
    private final StringBuilder pendingEpisodes = new StringBuilder();
    private long lastFlush = System.nanoTime();

    EpisodeStream(Path runDir) {
        this.metrics = runDir.resolve("metrics.csv");
        this.episodes = runDir.resolve(EPISODES);
    }

    /** Starts the files over from {@code rows} (a fresh run: none; a resumed one: its checkpoint's). */
    void start(List<DqnTraining.EpisodeRow> rows) {
        StringBuilder m = new StringBuilder(DqnOutput.METRICS_HEADER), e = new StringBuilder(EPISODES_HEADER);
        for (DqnTraining.EpisodeRow r : rows) {
            m.append(DqnOutput.metricsLine(r));
            e.append(episodeLine(r));
        }
        Json.writeAtomically(metrics, m.toString().getBytes(StandardCharsets.UTF_8));
        Json.writeAtomically(episodes, e.toString().getBytes(StandardCharsets.UTF_8));
        lastFlush = System.nanoTime();
    }

    static final String EPISODES_HEADER = "episode,steps,return\n";

    static String episodeLine(DqnTraining.EpisodeRow r) {
        return r.episode() + "," + r.length() + "," + r.episodeReturn() + "\n";
    }

    /** A training episode ended. */
    void episode(DqnTraining.EpisodeRow r) {
        pendingMetrics.append(DqnOutput.metricsLine(r));
        pendingEpisodes.append(episodeLine(r));
        if (System.nanoTime() - lastFlush >= CADENCE_NANOS) flush();
    }

    /** Appends what is pending (whole lines, one write per file). */
    void flush() {
        lastFlush = System.nanoTime();
        if (pendingMetrics.isEmpty()) return;
        append(metrics, pendingMetrics);
        append(episodes, pendingEpisodes);
    }

    private static void append(Path file, StringBuilder lines) {
        try {
            Files.write(file, lines.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
        lines.setLength(0);
    }
}
