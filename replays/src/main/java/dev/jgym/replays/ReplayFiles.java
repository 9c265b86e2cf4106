package dev.jgym.replays;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where replays live in a run folder: {@code replays/<agent-label-slug>/episode-N.jgr}, with
 * {@code replays/<slug>/episodes.csv} logging every episode of the recorded run (the live
 * learning curve).
 */
public final class ReplayFiles {
    public static final String FOLDER = "replays";
    public static final String EPISODE_LOG = "episodes.csv";
    /** A run's final greedy evaluation replay, in its replays folder: the last one a run writes. */
    public static final String FINAL_EVALUATION = "final-evaluation" + ReplayFormat.SUFFIX;
    private static final Pattern EPISODE = Pattern.compile("episode-(\\d+)\\.jgr");

    private ReplayFiles() {}

    /** A file-name-safe form of an agent label: {@code "eps 0.1"} becomes {@code eps-0-1}. */
    public static String slug(String label) {
        String s = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "agent" : s;
    }

    public static Path episodeFile(Path agentDir, int episode) {
        return agentDir.resolve("episode-" + episode + ReplayFormat.SUFFIX);
    }

    /** The episode number in a file name {@code episode-N.jgr}, or -1. */
    public static int episodeNumber(Path file) {
        Matcher m = EPISODE.matcher(file.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /**
     * Every {@code .jgr} under {@code dir} (a run folder, its replays folder, or any folder), sorted
     * by folder, then episode number, then name.
     */
    public static List<Path> find(Path dir) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir, 4)) {
            s.filter(p -> p.getFileName().toString().endsWith(ReplayFormat.SUFFIX) && Files.isRegularFile(p)).forEach(found::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        found.sort(Comparator.comparing((Path p) -> String.valueOf(p.getParent())).thenComparingInt(ReplayFiles::episodeNumber)
                .thenComparing(p -> p.getFileName().toString()));
        return found;
    }
}
