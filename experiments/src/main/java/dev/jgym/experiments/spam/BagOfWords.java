package dev.jgym.experiments.spam;

import dev.jgym.nn.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Mails as sets of words (the seeds' word-presence vectors, on a real vocabulary).
 *
 * <p>Tokenizer: the text is lowercased (ASCII) and cut at every character that is not an ASCII
 * letter or digit; the pieces of 2 to 30 characters are the tokens ("Viagra!!" gives
 * {@code viagra}, "$1,000" gives {@code 000}, "e-mail" gives {@code mail}). With
 * {@code headers = false} only the body counts: the text after the first blank line.
 *
 * <p>Vocabulary: from the training mails only. A word's document frequency is the number of
 * training mails that contain it; words in fewer than {@code minMails} are left out, and of the
 * rest the {@code size} most frequent are kept (ties in alphabetical order), indexed in that
 * order. A mail's feature vector has a 1 for every vocabulary word it contains and 0 elsewhere;
 * words outside the vocabulary are ignored.
 */
public final class BagOfWords {
    static final int MIN_LENGTH = 2, MAX_LENGTH = 30;

    private final String[] words;
    private final Map<String, Integer> index = new HashMap<>();

    private BagOfWords(String[] words) {
        this.words = words;
        for (int i = 0; i < words.length; i++) index.put(words[i], i);
    }

    /** The distinct tokens of a text, sorted. */
    public static TreeSet<String> tokens(String text, boolean headers) {
        String s = text;
        if (!headers) {
            int blank = s.indexOf("\n\n");
            s = blank < 0 ? "" : s.substring(blank + 2);
        }
        TreeSet<String> out = new TreeSet<>();
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            boolean word = c < 128 && Character.isLetterOrDigit(c);
            if (word && start < 0) start = i;
            if (!word && start >= 0) {
                int n = i - start;
                if (n >= MIN_LENGTH && n <= MAX_LENGTH) out.add(s.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return out;
    }

    /** The vocabulary of the training mails' token sets (see the class comment). */
    public static BagOfWords fit(List<? extends Iterable<String>> trainingTokens, int size, int minMails) {
        Map<String, Integer> df = new HashMap<>();
        for (Iterable<String> mail : trainingTokens) for (String w : mail) df.merge(w, 1, Integer::sum);
        List<Map.Entry<String, Integer>> kept = new ArrayList<>();
        for (Map.Entry<String, Integer> e : df.entrySet()) if (e.getValue() >= minMails) kept.add(e);
        kept.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        String[] words = new String[Math.min(size, kept.size())];
        for (int i = 0; i < words.length; i++) words[i] = kept.get(i).getKey();
        return new BagOfWords(words);
    }

    public int size() {
        return words.length;
    }

    public String word(int i) {
        return words[i];
    }

    /** The vocabulary indices of a mail's tokens, sorted (its feature vector's ones). */
    public int[] encode(Iterable<String> tokens) {
        List<Integer> ids = new ArrayList<>();
        for (String t : tokens) {
            Integer i = index.get(t);
            if (i != null) ids.add(i);
        }
        int[] out = ids.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(out);
        return out;
    }

    /** The dense 0/1 vector of an encoded mail. */
    public float[] dense(int[] ids) {
        float[] x = new float[words.length];
        for (int i : ids) x[i] = 1f;
        return x;
    }

    /** Encoded mails with labels (1 spam, 0 ham) as a data set of dense 0/1 rows, built row by row as read. */
    public Dataset dataset(int[][] ids, int[] labels) {
        int d = words.length;
        return new Dataset() {
            @Override public int size() { return labels.length; }
            @Override public int features() { return d; }
            @Override public int classes() { return 2; }
            @Override public int label(int i) { return labels[i]; }

            @Override
            public void copyFeatures(int i, float[] dst, int offset) {
                Arrays.fill(dst, offset, offset + d, 0f);
                for (int w : ids[i]) dst[offset + w] = 1f;
            }
        };
    }
}
