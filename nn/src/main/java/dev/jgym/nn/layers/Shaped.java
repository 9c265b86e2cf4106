package dev.jgym.nn.layers;

/**
 * A layer that knows the shape of one output example (without the batch): {@code [C, H, W]} for
 * image maps, {@code [T, F]} for sequences, {@code [F]} for vectors. {@link Layers} uses it to
 * give the next layer its input shape; tensors themselves stay {@code [batch, product]}.
 */
public interface Shaped {
    int[] outputShape();
}
