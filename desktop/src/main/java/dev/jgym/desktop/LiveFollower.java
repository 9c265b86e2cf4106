package dev.jgym.desktop;

import dev.jgym.replays.ReplayFiles;
import dev.jgym.replays.ReplayReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Follows a run folder while {@code jgym train} writes it: the newest complete replay (highest
 * episode number, then newest file) and the learning curves so far: every agent's
 * {@code replays/<agent>/episodes.csv} (agent comparisons) and the run's own {@code episodes.csv}
 * (a DQN run's training episodes, streamed while it trains). Polled by the viewer about once a second; reading never blocks the writer.
 */
public final class LiveFollower {
    private final Path runDir;
    private Path shown;
    private long shownModified;

    public LiveFollower(Path runDir) {
        this.runDir = runDir;
    }

    /** The newest complete replay if it is not the one shown yet, else {@code null}. */
    public Path newReplay() {
        Path best = null;
        int bestEpisode = -1;
        long bestTime = Long.MIN_VALUE;
        if (!Files.isDirectory(runDir)) return null;
        for (Path f : ReplayFiles.find(runDir)) {
            int n = ReplayFiles.episodeNumber(f);
            long t = modified(f);
            if (n > bestEpisode || (n == bestEpisode && t > bestTime)) {
                try {
                    if (!ReplayReader.read(f).complete()) continue; // still being written
                } catch (RuntimeException e) {
                    continue;
                }
                best = f;
                bestEpisode = n;
                bestTime = t;
            }
        }
        if (best == null || (best.equals(shown) && modified(best) == shownModified)) return null;
        shown = best;
        shownModified = modified(best);
        return best;
    }

    /** Per agent folder, the episode returns logged so far, in episode order. */
    public Map<String, double[]> curves() {
        Map<String, double[]> out = new TreeMap<>();
        try {
            Path own = runDir.resolve(ReplayFiles.EPISODE_LOG);
            if (Files.isRegularFile(own)) out.put("training", returns(own));
            Path replays = runDir.resolve(ReplayFiles.FOLDER);
            if (!Files.isDirectory(replays)) return out;
            try (var dirs = Files.list(replays)) {
                for (Path d : dirs.sorted().toList()) {
                    Path log = d.resolve(ReplayFiles.EPISODE_LOG);
                    if (Files.isRegularFile(log)) out.put(d.getFileName().toString(), returns(log));
                }
            }
        } catch (IOException e) {
            return new LinkedHashMap<>();
        }
        return out;
    }

    /** The returns of an {@code episode,steps,return} log; a line being written is skipped this time. */
    private static double[] returns(Path log) throws IOException {
        List<Double> returns = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            String[] parts = line.split(",");
            if (parts.length != 3 || parts[0].equals("episode")) continue;
            try {
                returns.add(Double.parseDouble(parts[2]));
            } catch (NumberFormatException e) {
                // a line being written
            }
        }
        return returns.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static long modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
