package dev.jgym.nn.data;

import dev.jgym.nn.Tensor;

/** A minibatch: features {@code [n, features]}, one-hot targets {@code [n, classes]} and the labels. */
public record Batch(Tensor x, Tensor y, int[] labels) {
    public int size() {
        return labels.length;
    }
}
