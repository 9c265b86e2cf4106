package dev.jgym.nn.layers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Init;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.Window2d;
import dev.jgym.core.rng.Rng;
import java.util.List;

/**
 * 2-D convolution (LeCun et al. 1998; a cross-correlation, as every library computes it):
 * {@code y[n, o] = b[o] + sum_c w[o, c] * x[n, c]} over a sliding kernel with stride, zero padding
 * and dilation. Input {@code [N, C*H*W]} (NCHW), output {@code [N, O*OH*OW]}; W is
 * {@code [O, C*kh*kw]}, initialised with fan-in {@code C kh kw} and fan-out {@code O kh kw}.
 *
 * <p>Backward ({@link Backend#conv2dBackward}): {@code dW += dy (*) x}, {@code db += sum dy},
 * {@code dx = W^T (*) dy} (a full convolution with the flipped kernel); computed on the CPU as
 * im2col + GEMM.
 */
public final class Conv2d implements Layer, Shaped {
    private final Backend backend;
    private final Window2d window;
    private final int outChannels;
    private final Param weight, bias;
    private boolean relu;
    private Tensor x;

    public Conv2d(Backend backend, Window2d window, int outChannels, Init weightInit, Init biasInit, Rng rng) {
        if (outChannels < 1) throw new IllegalArgumentException("conv2d: out_channels must be positive, was " + outChannels);
        this.backend = backend;
        this.window = window;
        this.outChannels = outChannels;
        this.weight = Param.trainable("weight", Tensor.zeros(outChannels, window.patchSize()));
        this.bias = Param.trainable("bias", Tensor.zeros(outChannels));
        int kk = window.kernelH() * window.kernelW();
        weightInit.fill(weight.value().data(), window.patchSize(), outChannels * kk, rng);
        biasInit.fill(bias.value().data(), window.patchSize(), outChannels * kk, rng);
    }

    /** Applies the ReLU that follows this layer in its own output pass ({@link ReluFusion}). */
    void fuseRelu() {
        relu = true;
    }

    public Window2d window() {
        return window;
    }

    public int outChannels() {
        return outChannels;
    }

    public Param weight() {
        return weight;
    }

    public Param bias() {
        return bias;
    }

    @Override
    public int[] outputShape() {
        return new int[] {outChannels, window.outHeight(), window.outWidth()};
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.cols() != window.inSize()) {
            throw new IllegalArgumentException("conv2d: expected " + window.channels() + "x" + window.height() + "x" + window.width() + " = " + window.inSize()
                    + " values per example, found " + x.cols());
        }
        this.x = x;
        Tensor y = Tensor.zeros(x.rows(), outChannels * window.outPlane());
        if (relu) {
            backend.conv2dRelu(x, window, weight.value(), bias.value(), y);
        } else {
            backend.conv2d(x, window, weight.value(), bias.value(), y);
        }
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        return backward(dy, true);
    }

    @Override
    public Tensor backward(Tensor dy, boolean needInputGradient) {
        Tensor dx = needInputGradient ? Tensor.zeros(x.rows(), window.inSize()) : null;
        backend.conv2dBackward(x, window, weight.value(), dy, dx, weight.grad(), bias.grad());
        return dx;
    }

    @Override
    public List<Param> params() {
        return List.of(weight, bias);
    }

    @Override
    public ObjectNode spec() {
        ObjectNode n = JsonNodeFactory.instance.objectNode().put("type", "conv2d").put("in_channels", window.channels())
                .put("height", window.height()).put("width", window.width()).put("out_channels", outChannels);
        if (window.kernelH() == window.kernelW()) {
            n.put("kernel", window.kernelH());
        } else {
            n.putArray("kernel").add(window.kernelH()).add(window.kernelW());
        }
        return n.put("stride", window.stride()).put("padding", window.padding()).put("dilation", window.dilation());
    }
}
