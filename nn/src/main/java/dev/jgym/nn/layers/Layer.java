package dev.jgym.nn.layers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import java.util.List;

/**
 * One step of a network, as backpropagation teaches it: {@link #forward} computes the output and
 * remembers what the gradient needs; {@link #backward} takes dL/d(output), adds dL/d(parameter)
 * into each parameter's gradient and returns dL/d(input). Inputs are {@code [batch, features]}.
 */
public interface Layer {
    Tensor forward(Tensor x);

    /** Must follow a {@link #forward} of the same batch. */
    Tensor backward(Tensor dy);

    /**
     * Backward when the caller may not need dL/d(input) (the first layer of a network during
     * training): a layer may then skip computing it and return null. Parameter gradients are
     * accumulated either way. The default computes it.
     */
    default Tensor backward(Tensor dy, boolean needInputGradient) {
        return backward(dy);
    }

    /** Everything the layer saves: trainable parameters first, then buffers; fixed order. */
    default List<Param> params() {
        return List.of();
    }

    /** Training mode (dropout on, batch statistics) or eval mode. Default: training. */
    default void train(boolean training) {}

    /** The architecture of this layer as JSON: {@code {"type": "dense", "in": 784, "out": 256}}. */
    ObjectNode spec();
}
