package dev.jgym.nn.layers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Tensor;

/**
 * Softmax over each row, {@code y_j = e^{x_j} / sum_k e^{x_k}}, computed stably. For training a
 * classifier prefer {@link dev.jgym.nn.loss.SoftmaxCrossEntropy} on the logits (fused, more
 * accurate); this layer is for when probabilities are the output.
 * Backward: {@code dx = y (dy - sum_j dy_j y_j)}.
 */
public final class Softmax implements Layer {
    private final Backend backend;
    private Tensor y;

    public Softmax(Backend backend) {
        this.backend = backend;
    }

    @Override
    public Tensor forward(Tensor x) {
        y = Tensor.zeros(x.shape());
        backend.softmaxRows(x, y);
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        Tensor dx = Tensor.zeros(y.shape());
        backend.softmaxBackward(y, dy, dx);
        return dx;
    }

    @Override
    public ObjectNode spec() {
        return JsonNodeFactory.instance.objectNode().put("type", "softmax");
    }
}
