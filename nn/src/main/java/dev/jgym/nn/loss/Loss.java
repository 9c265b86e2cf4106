package dev.jgym.nn.loss;

import dev.jgym.nn.Tensor;

/**
 * A loss: {@link #forward} returns its value for a batch and keeps dL/d(prediction), which
 * {@link #backward} returns (the starting gradient of backpropagation).
 */
public interface Loss {
    /** How per-element (or per-example) losses are combined. */
    enum Reduction { MEAN, SUM }

    double forward(Tensor prediction, Tensor target);

    Tensor backward();
}
