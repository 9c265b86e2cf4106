package dev.jgym.nn.layers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Init;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.core.rng.Rng;
import java.util.List;

/**
 * Dense (fully connected, "Linear"): {@code y = x W^T + b}, W of shape {@code [out, in]}.
 *
 * <p>Backward: {@code dW += dy^T x}, {@code db += sum over the batch of dy}, {@code dx = dy W}.
 */
public final class Dense implements Layer {
    private final Backend backend;
    private final int in, out;
    private final Param weight, bias;
    private Tensor x;

    /** Xavier-uniform weights, zero biases. */
    public Dense(Backend backend, int in, int out, Rng rng) {
        this(backend, in, out, Init.xavierUniform(), Init.constant(0), rng);
    }

    public Dense(Backend backend, int in, int out, Init weightInit, Init biasInit, Rng rng) {
        if (in < 1 || out < 1) throw new IllegalArgumentException("dense: in and out must be positive, were " + in + ", " + out);
        this.backend = backend;
        this.in = in;
        this.out = out;
        this.weight = Param.trainable("weight", Tensor.zeros(out, in));
        this.bias = Param.trainable("bias", Tensor.zeros(out));
        weightInit.fill(weight.value().data(), in, out, rng);
        biasInit.fill(bias.value().data(), in, out, rng);
    }

    public int in() {
        return in;
    }

    public int out() {
        return out;
    }

    public Param weight() {
        return weight;
    }

    public Param bias() {
        return bias;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.cols() != in) throw new IllegalArgumentException("dense: expected " + in + " input features, found " + x.cols());
        this.x = x;
        Tensor y = Tensor.zeros(x.rows(), out);
        backend.gemm(false, true, 1f, x, weight.value(), 0f, y);
        backend.addRowVector(y, bias.value(), y);
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        return backward(dy, true);
    }

    /** Skips the dx product (a third of the layer's backward work) when it is not needed. */
    @Override
    public Tensor backward(Tensor dy, boolean needInputGradient) {
        backend.gemm(true, false, 1f, dy, x, 1f, weight.grad());
        backend.sumRows(dy, 1f, bias.grad());
        if (!needInputGradient) return null;
        Tensor dx = Tensor.zeros(x.rows(), in);
        backend.gemm(false, false, 1f, dy, weight.value(), 0f, dx);
        return dx;
    }

    @Override
    public List<Param> params() {
        return List.of(weight, bias);
    }

    @Override
    public ObjectNode spec() {
        return JsonNodeFactory.instance.objectNode().put("type", "dense").put("in", in).put("out", out);
    }
}
