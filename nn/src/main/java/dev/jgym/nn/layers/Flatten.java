package dev.jgym.nn.layers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.nn.Tensor;

/**
 * Flattens each example to a vector ({@code [C, H, W] -> [C*H*W]}): the data already lies that
 * way (row-major NCHW), so forward and backward only reshape, sharing the array.
 */
public final class Flatten implements Layer, Shaped {
    private final int size;

    /** @param size values per example (0: whatever comes) */
    public Flatten(int size) {
        this.size = size;
    }

    @Override
    public int[] outputShape() {
        return new int[] {size};
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.reshape(x.rows(), x.cols());
    }

    @Override
    public Tensor backward(Tensor dy) {
        return dy;
    }

    @Override
    public ObjectNode spec() {
        return JsonNodeFactory.instance.objectNode().put("type", "flatten");
    }
}
