package dev.jgym.core.data;

import dev.jgym.core.nn.Tensor;

/** A minibatch: features {@code [n, features]}, one-hot targets {@code [n, classes]} and the labels. */
public record Batch(Tensor x, Tensor y, int[] labels) {
    public int size() {
        return labels.length;
    }
}
