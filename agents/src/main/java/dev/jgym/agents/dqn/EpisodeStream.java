package dev.jgym.agents.dqn;

import dev.jgym.agents.run.CsvStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams a DQN run's training episodes while it trains ({@link CsvStream}): {@code metrics.csv}
 * (the lines {@link DqnOutput} writes at the end) and {@code episodes.csv}
 * ({@code episode,steps,return}, the live viewer's learning curve).
 */
final class EpisodeStream {
    /** The training curve's file in the run folder, where the live viewer finds it. */
    static final String EPISODES = "episodes.csv";
    static final String EPISODES_HEADER = "episode,steps,return\n";

    private final CsvStream<DqnTraining.EpisodeRow> metrics, episodes;

    EpisodeStream(Path runDir) {
        metrics = new CsvStream<>(runDir.resolve("metrics.csv"), DqnOutput.METRICS_HEADER, DqnOutput::metricsLine);
        episodes = new CsvStream<>(runDir.resolve(EPISODES), EPISODES_HEADER, EpisodeStream::episodeLine);
    }

    static String episodeLine(DqnTraining.EpisodeRow r) {
        return r.episode() + "," + r.length() + "," + r.episodeReturn() + "\n";
    }

    /** Starts both files over from {@code rows} (a fresh run: none; a resumed one: its checkpoint's). */
    void start(List<DqnTraining.EpisodeRow> rows) {
        metrics.start(rows);
        episodes.start(rows);
    }

    /** A training episode ended. */
    void episode(DqnTraining.EpisodeRow r) {
        metrics.add(r);
        episodes.add(r);
    }

    /** Appends what is pending (whole lines, one write per file). */
    void flush() {
        metrics.flush();
        episodes.flush();
    }
}
