package dev.jgym.agents.dqn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.UserError;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Init;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.nn.layers.Activation;
import dev.jgym.nn.layers.Conv2d;
import dev.jgym.nn.layers.Flatten;
import dev.jgym.nn.layers.Layer;
import dev.jgym.nn.layers.Layers;
import dev.jgym.nn.layers.Pool2d;
import dev.jgym.core.rng.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The layers in front of a {@link QNetwork}'s MLP: a CNN that turns an image observation
 * {@code [C, H, W]} into features (Mnih et al., 2015; MinAtar's one 3x3 conv with 16 filters).
 * Built from the same layer specs as supervised configs ({@link Layers#sequential}), so the
 * supervised modules' {@link Conv2d}, {@link Pool2d} and {@link Activation} layers own the
 * parameters, initialisers and shape checks; this class only runs them on preallocated buffers
 * (one {@link Buffers} per batch size), so acting and training allocate nothing here.
 *
 * <pre>
 *   forward:  a_0 = x,  a_k = layer_k(a_{k-1})              conv2d, maxpool2d, avgpool2d, activations, flatten
 *   backward: dW_k += ..., da_{k-1} = layer_k'(da_k)        (dL/dx of the observation itself is skipped)
 * </pre>
 */
public final class Encoder {
    private final Backend backend;
    private final List<Layer> layers;
    private final int[] sizes; // sizes[k]: values per example entering layer k; sizes[n]: the output
    private final List<Param> params = new ArrayList<>();

    private Encoder(Backend backend, List<Layer> layers, int[] sizes) {
        this.backend = backend;
        this.layers = List.copyOf(layers);
        this.sizes = sizes;
        for (Layer l : layers) params.addAll(l.params());
    }

    /**
     * Builds the encoder of {@code spec} (an array of layer specs) for inputs of {@code inputShape}
     * ({@code [C, H, W]} for images). A layer an encoder cannot run, or a shape that does not fit
     * (an image too small for a kernel, a channel count that differs from the input's), is a
     * {@link UserError} naming {@code source} and {@code path}.
     */
    public static Encoder build(JsonNode spec, int[] inputShape, Backend backend, Init init, Rng rng, String source, String path) {
        if (spec == null || !spec.isArray()) throw new UserError(source + ": " + path + ": expected an array of layer specs, found " + spec);
        var seq = Layers.sequential(spec, inputShape, backend, new Layers.Inits(init, Init.constant(0), rng), source, path);
        List<Layer> layers = seq.layers();
        int[] sizes = new int[layers.size() + 1];
        sizes[0] = Arrays.stream(inputShape).reduce(1, (a, b) -> a * b);
        for (int k = 0; k < layers.size(); k++) {
            Layer l = layers.get(k);
            if (l instanceof Conv2d c) {
                sizes[k + 1] = c.outChannels() * c.window().outPlane();
            } else if (l instanceof Pool2d p && p.kind() != Pool2d.Kind.GLOBAL_AVG) {
                sizes[k + 1] = p.window().channels() * p.window().outPlane();
            } else if (l instanceof Activation || l instanceof Flatten) {
                sizes[k + 1] = sizes[k];
            } else {
                throw new UserError(source + ": " + path + "[" + k + "].type: \"" + l.spec().get("type").asText()
                        + "\" cannot be part of a DQN encoder (expected conv2d, maxpool2d, avgpool2d, flatten or an activation; dense layers are \"hidden\")");
            }
        }
        return new Encoder(backend, layers, sizes);
    }

    /** Checks {@code spec} against the input shape without keeping anything; returns the output size. */
    public static int check(JsonNode spec, int[] inputShape, String source, String path) {
        try (CpuBackend be = new CpuBackend(1)) {
            return build(spec, inputShape, be, Init.parse("he_uniform"), new Rng(0), source, path).outputSize();
        }
    }

    /** Values per example coming in (C x H x W). */
    public int inputSize() {
        return sizes[0];
    }

    /** Features per example going out to the MLP. */
    public int outputSize() {
        return sizes[sizes.length - 1];
    }

    /** The layers, in order (their specs describe the architecture in model files). */
    public List<Layer> layers() {
        return layers;
    }

    /** Every layer's parameters, in layer order. */
    public List<Param> params() {
        return params;
    }

    public Buffers buffers(int rows) {
        return new Buffers(rows);
    }

    /** The features of {@code x} ({@code [rows, C*H*W]}); returns a tensor of {@code b} (or x itself with no layers that compute). */
    public Tensor forward(Buffers b, Tensor x) {
        b.a[0] = x;
        for (int k = 0; k < layers.size(); k++) {
            Layer l = layers.get(k);
            Tensor in = b.a[k], out = b.a[k + 1];
            if (l instanceof Conv2d c) {
                backend.conv2d(in, c.window(), c.weight().value(), c.bias().value(), out);
            } else if (l instanceof Pool2d p) {
                if (p.kind() == Pool2d.Kind.MAX) backend.maxPool2d(in, p.window(), out);
                else backend.avgPool2d(in, p.window(), out);
            } else if (l instanceof Activation f) {
                backend.activation(f.kind(), f.param(), in, out);
            } else {
                b.a[k + 1] = in; // flatten: the data already lies as [rows, C*H*W]
            }
        }
        return b.a[layers.size()];
    }

    /**
     * Backpropagates {@code dOut} (dL/d(features), {@code [rows, outputSize]}) through the last
     * {@link #forward} of {@code b}, adding into every parameter's gradient.
     */
    public void backward(Buffers b, Tensor dOut) {
        Tensor dy = dOut;
        for (int k = layers.size() - 1; k >= 0; k--) {
            Layer l = layers.get(k);
            Tensor in = b.a[k];
            Tensor dx = k == 0 && l instanceof Conv2d ? null : b.d[k];
            if (l instanceof Conv2d c) {
                backend.conv2dBackward(in, c.window(), c.weight().value(), dy, dx, c.weight().grad(), c.bias().grad());
            } else if (l instanceof Pool2d p) {
                if (p.kind() == Pool2d.Kind.MAX) backend.maxPool2dBackward(in, p.window(), dy, dx);
                else backend.avgPool2dBackward(p.window(), dy, dx);
            } else if (l instanceof Activation f) {
                backend.activationBackward(f.kind(), f.param(), in, b.a[k + 1], dy, dx);
            } else {
                dx = dy; // flatten
            }
            dy = dx;
        }
    }

    /** The activations of one batch size and their gradients. */
    public final class Buffers {
        final Tensor[] a, d; // a[k]: input of layer k (a[0] is the caller's x); d[k]: dL/da[k]

        Buffers(int rows) {
            int n = layers.size();
            a = new Tensor[n + 1];
            d = new Tensor[n];
            for (int k = 0; k < n; k++) {
                boolean computes = !(layers.get(k) instanceof Flatten);
                if (computes) a[k + 1] = Tensor.zeros(rows, sizes[k + 1]);
                if (computes && !(k == 0 && layers.get(k) instanceof Conv2d)) d[k] = Tensor.zeros(rows, sizes[k]);
            }
        }
    }
}
