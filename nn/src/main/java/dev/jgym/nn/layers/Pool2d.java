package dev.jgym.nn.layers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.Window2d;

/**
 * Spatial pooling over each channel: max pooling (the largest value of each window; the gradient
 * goes to it) or average pooling (the mean, padding counted as zeros; the gradient is shared
 * equally). Global average pooling (Lin et al. 2014, "Network in Network") is average pooling with
 * the window as large as the map: {@code [N, C*H*W] -> [N, C]}.
 */
public final class Pool2d implements Layer, Shaped {
    /** The three spellings in specs: {@code maxpool2d}, {@code avgpool2d}, {@code gap}. */
    public enum Kind { MAX, AVG, GLOBAL_AVG }

    private final Backend backend;
    private final Kind kind;
    private final Window2d window;
    private boolean reluBackward;
    private Tensor x;

    public Pool2d(Backend backend, Kind kind, Window2d window) {
        this.backend = backend;
        this.kind = kind;
        this.window = window;
    }

    /** Max pooling of size kernel, stride kernel (the usual non-overlapping case) when stride is 0. */
    public static Pool2d max(Backend backend, int channels, int height, int width, int kernel, int stride, int padding) {
        return new Pool2d(backend, Kind.MAX, Window2d.square(channels, height, width, kernel, stride == 0 ? kernel : stride, padding, 1));
    }

    public static Pool2d avg(Backend backend, int channels, int height, int width, int kernel, int stride, int padding) {
        return new Pool2d(backend, Kind.AVG, Window2d.square(channels, height, width, kernel, stride == 0 ? kernel : stride, padding, 1));
    }

    public static Pool2d globalAvg(Backend backend, int channels, int height, int width) {
        return new Pool2d(backend, Kind.GLOBAL_AVG, new Window2d(channels, height, width, height, width, 1, 0, 1));
    }

    /** Max pooling only: backward also takes the backward of the ReLU in front ({@link ReluFusion}). */
    void fuseReluBackward() {
        if (kind != Kind.MAX) throw new IllegalStateException("only max pooling takes a ReLU's backward");
        reluBackward = true;
    }

    public Kind kind() {
        return kind;
    }

    public Window2d window() {
        return window;
    }

    @Override
    public int[] outputShape() {
        return kind == Kind.GLOBAL_AVG ? new int[] {window.channels()} : new int[] {window.channels(), window.outHeight(), window.outWidth()};
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.cols() != window.inSize()) throw new IllegalArgumentException(spec().get("type").asText() + ": expected " + window.inSize() + " values per example, found " + x.cols());
        this.x = x;
        Tensor y = Tensor.zeros(x.rows(), window.channels() * window.outPlane());
        if (kind == Kind.MAX) {
            backend.maxPool2d(x, window, y);
        } else {
            backend.avgPool2d(x, window, y);
        }
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        Tensor dx = Tensor.zeros(x.rows(), window.inSize());
        if (kind == Kind.MAX && reluBackward) {
            backend.maxPool2dReluBackward(x, window, dy, dx);
        } else if (kind == Kind.MAX) {
            backend.maxPool2dBackward(x, window, dy, dx);
        } else {
            backend.avgPool2dBackward(window, dy, dx);
        }
        return dx;
    }

    @Override
    public ObjectNode spec() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("type", kind == Kind.MAX ? "maxpool2d" : kind == Kind.AVG ? "avgpool2d" : "gap");
        n.put("channels", window.channels()).put("height", window.height()).put("width", window.width());
        if (kind != Kind.GLOBAL_AVG) n.put("kernel", window.kernelH()).put("stride", window.stride()).put("padding", window.padding());
        return n;
    }
}
