package dev.jgym.nn.data;

import dev.jgym.core.config.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.TreeSet;

/**
 * A text as a next-character prediction data set for character-level language models
 * (Karpathy's char-rnn, Graves 2013): example i is the window of {@code window} characters
 * starting at i, one-hot per character (features {@code [window, vocabulary]}, row-major, the
 * shape a recurrent layer reads as a sequence), and its label is the character that follows.
 * The vocabulary is the sorted set of the text's characters (UTF-16 code units). The first
 * {@code 1 - testFraction} of the text gives the training windows, the rest the test windows
 * (a split in text order, so no test window overlaps a training one's target).
 */
public final class CharText {
    private final String text;
    private final char[] vocabulary;
    private final int[] codes;

    private CharText(String text) {
        this.text = text;
        TreeSet<Character> set = new TreeSet<>();
        for (int i = 0; i < text.length(); i++) set.add(text.charAt(i));
        vocabulary = new char[set.size()];
        int k = 0;
        for (char c : set) vocabulary[k++] = c;
        codes = new int[text.length()];
        for (int i = 0; i < text.length(); i++) codes[i] = java.util.Arrays.binarySearch(vocabulary, text.charAt(i));
    }

    public static CharText of(String text) {
        if (text.length() < 2) throw new IllegalArgumentException("text: need at least 2 characters");
        return new CharText(text);
    }

    /** Reads a UTF-8 file; a missing or unreadable file is a {@link UserError} naming it. */
    public static CharText read(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            if (s.length() < 2) throw new UserError(file + ": the text is empty");
            return new CharText(s);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such text file");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    public int vocabularySize() {
        return vocabulary.length;
    }

    public char character(int code) {
        return vocabulary[code];
    }

    public int code(char c) {
        return java.util.Arrays.binarySearch(vocabulary, c);
    }

    public int length() {
        return text.length();
    }

    /** The windows whose targets lie in [from, to) of the text. */
    public Dataset windows(int window, int from, int to) {
        int first = Math.max(from, window);
        int n = Math.max(0, to - first), v = vocabulary.length;
        return new Dataset() {
            @Override public int size() { return n; }
            @Override public int features() { return window * v; }
            @Override public int classes() { return v; }
            @Override public int label(int i) { return codes[first + i]; }

            @Override
            public void copyFeatures(int i, float[] dst, int offset) {
                java.util.Arrays.fill(dst, offset, offset + window * v, 0f);
                int start = first + i - window;
                for (int t = 0; t < window; t++) dst[offset + t * v + codes[start + t]] = 1f;
            }
        };
    }

    /** Training and test windows: targets in the first (1 - testFraction) of the text, then the rest. */
    public Dataset[] split(int window, double testFraction) {
        int cut = (int) Math.round(text.length() * (1 - testFraction));
        return new Dataset[] {windows(window, 0, cut), windows(window, cut, text.length())};
    }
}
