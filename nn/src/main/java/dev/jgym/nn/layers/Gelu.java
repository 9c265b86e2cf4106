package dev.jgym.nn.layers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Tensor;

/**
 * GELU, the Gaussian error linear unit (Hendrycks and Gimpel 2016), exact: {@code y = x Phi(x)},
 * Phi the standard normal distribution function (PyTorch's {@code GELU(approximate='none')}, not
 * the tanh approximation). See {@link Backend#gelu}.
 */
public final class Gelu implements Layer {
    private final Backend backend;
    private Tensor x;

    public Gelu(Backend backend) {
        this.backend = backend;
    }

    @Override
    public Tensor forward(Tensor x) {
        this.x = x;
        Tensor y = Tensor.zeros(x.shape());
        backend.gelu(x, y);
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        Tensor dx = Tensor.zeros(x.shape());
        backend.geluBackward(x, dy.reshape(x.shape()), dx);
        return dx;
    }

    @Override
    public ObjectNode spec() {
        return JsonNodeFactory.instance.objectNode().put("type", "gelu");
    }
}
