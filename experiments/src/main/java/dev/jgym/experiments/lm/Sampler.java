package dev.jgym.experiments.lm;

import dev.jgym.core.config.UserError;
import dev.jgym.core.rng.Rng;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.layers.Embedding;
import dev.jgym.nn.layers.Sequential;

/**
 * Text from a character-level model: each next character is drawn from
 * {@code softmax(logits / temperature)} at the last position of the context (the last
 * {@code context} characters so far, left-aligned in the window: a causal model's later positions
 * do not reach it); temperature 0 takes the most likely character.
 */
public final class Sampler {
    private Sampler() {}

    public static String sample(Sequential model, char[] vocabulary, String prompt, int length, double temperature, Rng rng) {
        if (!(model.layers().get(0) instanceof Embedding e)) throw new UserError("the model does not start with an embedding of token ids");
        if (e.vocab() != vocabulary.length) throw new UserError("the model has " + e.vocab() + " tokens, the vocabulary " + vocabulary.length + " characters");
        int t = e.steps(), v = vocabulary.length;
        StringBuilder text = new StringBuilder(prompt.isEmpty() ? "\n" : prompt);
        int[] codes = new int[text.length() + length];
        for (int i = 0; i < text.length(); i++) {
            codes[i] = java.util.Arrays.binarySearch(vocabulary, text.charAt(i));
            if (codes[i] < 0) throw new UserError("--prompt: the character '" + text.charAt(i) + "' is not in the model's vocabulary");
        }
        int n = text.length();
        model.train(false);
        for (int k = 0; k < length; k++) {
            int from = Math.max(0, n - t), w = n - from;
            Tensor x = Tensor.zeros(1, t);
            for (int i = 0; i < w; i++) x.data()[i] = codes[from + i];
            float[] logits = model.forward(x).data();
            int base = (w - 1) * v, next;
            if (temperature == 0) {
                next = 0;
                for (int j = 1; j < v; j++) if (logits[base + j] > logits[base + next]) next = j;
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < v; j++) max = Math.max(max, logits[base + j] / temperature);
                double[] p = new double[v];
                for (int j = 0; j < v; j++) p[j] = StrictMath.exp(logits[base + j] / temperature - max);
                next = rng.choice(p);
            }
            codes[n++] = next;
            text.append(vocabulary[next]);
        }
        return text.toString();
    }
}
