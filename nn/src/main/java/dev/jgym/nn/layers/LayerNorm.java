package dev.jgym.nn.layers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import java.util.List;

/**
 * Layer normalisation (Ba, Kiros and Hinton 2016; PyTorch's {@code LayerNorm(features)}): each
 * vector of {@code features} values is normalised by its own mean and (biased) variance,
 * {@code y = gamma (x - mean) / sqrt(var + eps) + beta}, gamma starting at 1 and beta at 0
 * (PyTorch's names {@code weight} and {@code bias}). An input row of several vectors (a sequence
 * {@code [T, features]}) normalises each step on its own; the same in training and eval.
 */
public final class LayerNorm implements Layer {
    private final Backend backend;
    private final int features;
    private final float eps;
    private final Param gamma, beta;
    private Tensor xhat, invStd;
    private int rows;

    public LayerNorm(Backend backend, int features, float eps) {
        if (features < 1) throw new IllegalArgumentException("layernorm: features must be positive, was " + features);
        if (!(eps > 0)) throw new IllegalArgumentException("layernorm: eps must be > 0, was " + eps);
        this.backend = backend;
        this.features = features;
        this.eps = eps;
        this.gamma = Param.trainable("weight", Tensor.zeros(features));
        this.beta = Param.trainable("bias", Tensor.zeros(features));
        gamma.value().fill(1f);
    }

    public LayerNorm(Backend backend, int features) {
        this(backend, features, 1e-5f);
    }

    public int features() {
        return features;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.cols() % features != 0) throw new IllegalArgumentException("layernorm: " + x.cols() + " values per example are not vectors of " + features);
        rows = x.rows();
        Tensor v = x.reshape(x.size() / features, features);
        Tensor y = Tensor.zeros(v.shape());
        xhat = Tensor.zeros(v.shape());
        invStd = Tensor.zeros(v.rows());
        backend.layerNorm(v, gamma.value(), beta.value(), eps, y, xhat, invStd);
        return y.reshape(x.shape());
    }

    @Override
    public Tensor backward(Tensor dy) {
        if (xhat == null) throw new IllegalStateException("layernorm: backward without forward");
        Tensor dx = Tensor.zeros(xhat.shape());
        backend.layerNormBackward(dy.reshape(xhat.shape()), xhat, gamma.value(), invStd, dx, gamma.grad(), beta.grad());
        return dx.reshape(dy.shape());
    }

    @Override
    public List<Param> params() {
        return List.of(gamma, beta);
    }

    @Override
    public ObjectNode spec() {
        return JsonNodeFactory.instance.objectNode().put("type", "layernorm").put("features", features).put("eps", eps);
    }
}
