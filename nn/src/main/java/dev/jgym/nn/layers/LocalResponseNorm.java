package dev.jgym.nn.layers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Tensor;

/**
 * Local response normalisation across channels (Krizhevsky, Sutskever and Hinton 2012, section
 * 3.3): each activation is divided by {@code (k + alpha/size * sum of squares of its size
 * neighbouring channels)^beta}. Defaults are AlexNet's: size 5, alpha 1e-4, beta 0.75, k 2
 * (alpha divided by size, as PyTorch's LocalResponseNorm). No parameters.
 */
public final class LocalResponseNorm implements Layer, Shaped {
    private final Backend backend;
    private final int channels, height, width, size;
    private final float alpha, beta, k;
    private Tensor x, y, scale;

    public LocalResponseNorm(Backend backend, int channels, int height, int width, int size, float alpha, float beta, float k) {
        if (size < 1) throw new IllegalArgumentException("lrn: size must be positive, was " + size);
        this.backend = backend;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.size = size;
        this.alpha = alpha;
        this.beta = beta;
        this.k = k;
    }

    @Override
    public int[] outputShape() {
        return new int[] {channels, height, width};
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.cols() != channels * height * width) throw new IllegalArgumentException("lrn: expected " + channels * height * width + " values per example, found " + x.cols());
        this.x = x;
        y = Tensor.zeros(x.rows(), x.cols());
        scale = Tensor.zeros(x.rows(), x.cols());
        backend.lrn(x, channels, size, alpha, beta, k, y, scale);
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        Tensor dx = Tensor.zeros(x.rows(), x.cols());
        backend.lrnBackward(x, y, scale, channels, size, alpha, beta, dy, dx);
        return dx;
    }

    @Override
    public ObjectNode spec() {
        return JsonNodeFactory.instance.objectNode().put("type", "lrn").put("channels", channels).put("height", height).put("width", width)
                .put("size", size).put("alpha", alpha).put("beta", beta).put("k", k);
    }
}
