package dev.jgym.desktop;

import dev.jgym.replays.ReplayFiles;
import dev.jgym.replays.ReplayReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows a run folder while {@code jgym train} writes it: the newest complete replay (the final
 * evaluation's once it is written, else the highest episode number, then the newest file) and the learning curves so far ({@link #curves()}): the run's
 * own {@code episodes.csv} (DQN, PG and off-policy runs stream their training episodes), an
 * AlphaZero run's per-iteration losses (its streamed {@code metrics.csv}), or an agents
 * experiment's streamed {@code metrics.csv} and its agents' {@code replays/<agent>/episodes.csv}.
 * Polled by the viewer about once a second; reading never blocks the writer.
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
            // the final evaluation is the last replay a run writes: once it is there, the live view shows it
            int n = f.getFileName().toString().equals(ReplayFiles.FINAL_EVALUATION) ? Integer.MAX_VALUE : ReplayFiles.episodeNumber(f);
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

    /**
     * The learning curves so far, with what they show: an AlphaZero run's mean policy and value
     * loss per iteration ({@code metrics.csv} of {@code iteration,...} rows), a language model's
     * train and validation bits per character per evaluation ({@code step,...,val_bpc}), a run's own training
     * episodes ({@code episodes.csv} of a DQN, PG or off-policy run), else an agents experiment's
     * {@code metrics.csv} (per agent its first metric, the mean over runs, for the points all its
     * runs are past: the runner streams them a chunk at a time) with, for an episode curve, run 0's episode log of each agent with no rows yet
     * ({@code replays/<agent>/episodes.csv}); a step curve (bandits) has one episode per run, so no
     * log is drawn for it.
     */
    public Curves curves() {
        Map<String, double[]> out = new LinkedHashMap<>();
        try {
            Path metrics = runDir.resolve("metrics.csv");
            List<String> metricLines = Files.isRegularFile(metrics) ? wholeLines(metrics) : List.of();
            String[] header = metricLines.isEmpty() ? new String[0] : metricLines.get(0).split(",");
            if (header.length >= 2 && header[0].equals("iteration")) {
                iterationCurves(metricLines, header, "_loss", out);
                return new Curves("mean loss per iteration", out);
            }
            if (header.length >= 2 && header[0].equals("step") && header[header.length - 1].endsWith("_bpc")) {
                iterationCurves(metricLines, header, "_bpc", out);
                return new Curves("bits per character per evaluation", out);
            }
            Path own = runDir.resolve(ReplayFiles.EPISODE_LOG);
            if (Files.isRegularFile(own)) {
                out.put("training", returns(own));
                return new Curves("training episode return", out);
            }
            String title = "episode return (run 0)";
            boolean stepCurve = false;
            if (header.length >= 3 && header[0].equals("agent")) {
                metricCurves(metricLines, header.length, out);
                stepCurve = header[1].equals("step");
                title = header[2] + " per " + header[1] + ", mean over runs" + (stepCurve ? "" : " (run 0 before an agent's first rows)");
            }
            if (stepCurve) return new Curves(title, out);
            List<String> done = out.keySet().stream().map(ReplayFiles::slug).toList();
            Path replays = runDir.resolve(ReplayFiles.FOLDER);
            if (!Files.isDirectory(replays)) return new Curves(title, out);
            boolean agents = !out.isEmpty() || Files.isRegularFile(metrics);
            try (var dirs = Files.list(replays)) {
                for (Path d : dirs.sorted().toList()) {
                    String name = d.getFileName().toString();
                    Path log = d.resolve(ReplayFiles.EPISODE_LOG);
                    if (!done.contains(name) && Files.isRegularFile(log)) out.put(agents ? name + " (run 0)" : name, returns(log));
                }
            }
            return new Curves(title, out);
        } catch (IOException | UncheckedIOException e) {
            return new Curves("", new LinkedHashMap<>());
        }
    }

    /** Curves to draw: a title saying what they show, and per name the values in order. */
    public record Curves(String title, Map<String, double[]> lines) {}

    /** Per agent (in file order) the third column of {@code agent,step|episode,<metric>,...} rows; a label may be quoted. */
    private static void metricCurves(List<String> lines, int columns, Map<String, double[]> out) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            StringBuilder label = new StringBuilder();
            int comma = label(line, label);
            if (comma < 0) continue;
            String[] rest = line.substring(comma + 1).split(",");
            if (rest.length != columns - 1) continue;
            try {
                values.computeIfAbsent(label.toString(), k -> new ArrayList<>()).add(Double.parseDouble(rest[1]));
            } catch (NumberFormatException e) {
                // not a row of numbers
            }
        }
        values.forEach((label, v) -> out.put(label, v.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    /**
     * Per column of the file whose name ends in {@code suffix} ({@code *_loss} of AlphaZero's
     * {@code iteration,...} rows, {@code *_bpc} of a language model's {@code step,...} rows), its
     * values in order; an empty cell (no training yet) is skipped.
     */
    private static void iterationCurves(List<String> lines, String[] header, String suffix, Map<String, double[]> out) {
        for (int c = 1; c < header.length; c++) {
            if (!header[c].endsWith(suffix)) continue;
            List<Double> values = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                if (cells.length != header.length || cells[c].isEmpty()) continue;
                try {
                    values.add(Double.parseDouble(cells[c]));
                } catch (NumberFormatException e) {
                    // not a row of numbers
                }
            }
            out.put(header[c].replace('_', ' '), values.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /** Reads a CSV line's first field (quoted with doubled quotes inside, or plain) into {@code label}; the index of the comma after it, or -1. */
    private static int label(String line, StringBuilder label) {
        if (!line.startsWith("\"")) {
            int comma = line.indexOf(',');
            if (comma > 0) label.append(line, 0, comma);
            return comma;
        }
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '"') label.append(c);
            else if (i + 1 < line.length() && line.charAt(i + 1) == '"') label.append(line.charAt(++i));
            else return i + 1 < line.length() && line.charAt(i + 1) == ',' ? i + 1 : -1;
        }
        return -1;
    }

    /** The file's complete lines: a last line still being written (no newline yet) is left for the next poll. */
    private static List<String> wholeLines(Path file) throws IOException {
        String text = Files.readString(file);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : text.substring(0, end).lines().toList();
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
