package dev.jgym.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.agents.run.CsvStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code metrics.csv} of an agents experiment streams while it runs: after each chunk of an
 * agent's points the file on disk is a prefix of the finished file (header, then the rows whose
 * runs are all past them, whole lines only), and the finished file is byte for byte what writing
 * all rows at the end gives ({@link ExperimentOutput#write}), on 1 and 2 threads.
 */
class MetricsStreamTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("bandits (a step curve, S&B Fig 2.2's testbed cut to 40 runs x 200 steps): streamed metrics.csv grows a chunk of steps at a time within each agent, ends equal to the unstreamed file")
    void bandits() throws Exception {
        String json = Files.readString(Configs.path("bandits/testbed-figure-2.2.json"))
                .replace("\"runs\": 2000", "\"runs\": 40").replace("\"steps\": 1000", "\"steps\": 200")
                .replace("\"summary_window\": 100", "\"summary_window\": 50");
        streamsAsWholeFile(json, 200, 10, 2); // 20 chunks of 10 steps
    }

    @Test
    @DisplayName("tabular (an episode curve, S&B Example 6.6's cliff walking cut to 20 runs x 30 episodes): streamed metrics.csv grows a chunk of episodes at a time within each agent, ends equal to the unstreamed file")
    void tabular() throws Exception {
        String json = Files.readString(Configs.path("tabular/cliff-walking-example-6.6.json"))
                .replace("\"runs\": 200", "\"runs\": 20").replace("\"episodes\": 500", "\"episodes\": 30")
                .replace("\"summary_window\": 300", "\"summary_window\": 10");
        streamsAsWholeFile(json, 30, 2, 1); // 15 chunks of 2 episodes
    }

    /** Runs {@code json} streaming into one folder, then writes the whole result into another: equal bytes, and every snapshot a prefix. */
    private void streamsAsWholeFile(String json, int points, int chunk, int threads) throws Exception {
        Path config = dir.resolve("c.json");
        Files.writeString(config, json);
        Experiment experiment = Experiment.read(config);
        Path streamed = dir.resolve("streamed");
        CsvStream<Experiment.Rows> stream = ExperimentOutput.metricsStream(streamed, experiment.validate(), experiment.config().episodic());
        stream.start(List.of());
        List<String> snapshots = new ArrayList<>();
        snapshots.add(Files.readString(streamed.resolve("metrics.csv")));
        ExperimentResult result = experiment.onRows(r -> {
            stream.add(r);
            stream.flush(); // what the one-second cadence does in a longer run
            snapshots.add(uncheckedRead(streamed.resolve("metrics.csv")));
        }).run(threads, n -> { });
        stream.flush();
        Path whole = dir.resolve("whole");
        ExperimentOutput.write(whole, config, experiment.config(), result);
        String expected = Files.readString(whole.resolve("metrics.csv"));
        assertEquals(expected, Files.readString(streamed.resolve("metrics.csv")));
        int agents = experiment.config().agents().size();
        assertEquals(1 + agents * points / chunk, snapshots.size());
        for (int k = 0; k < snapshots.size(); k++) {
            String s = snapshots.get(k);
            assertTrue(expected.startsWith(s), "snapshot " + k + " is a prefix of the finished file");
            assertEquals(1 + (long) k * chunk, s.lines().count(), "header and " + k + " chunks of rows");
            assertTrue(s.endsWith("\n"), "whole lines only");
        }
        // the same bytes on the other thread count
        Path other = dir.resolve("other");
        ExperimentOutput.write(other, config, experiment.config(), Experiment.read(config).run(3 - threads, n -> { }));
        assertEquals(expected, Files.readString(other.resolve("metrics.csv")));
        assertEquals(Files.readString(whole.resolve("summary.json")), Files.readString(other.resolve("summary.json")));
    }

    private static String uncheckedRead(Path f) {
        try {
            return Files.readString(f);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
