package dev.jgym.nn.layers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.UserError;
import dev.jgym.nn.ActivationKind;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Init;
import dev.jgym.core.rng.Rng;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds layers from their JSON spec (the form {@link Layer#spec()} writes, also used in configs):
 * <pre>{@code
 * {"type": "sequential", "layers": [
 *   {"type": "dense", "in": 784, "out": 256}, {"type": "relu"}, {"type": "dropout", "p": 0.2},
 *   {"type": "batchnorm1d", "features": 256}, {"type": "leaky_relu", "slope": 0.01},
 *   {"type": "elu", "alpha": 1.0}, {"type": "sigmoid"}, {"type": "tanh"}, {"type": "step"},
 *   {"type": "identity"}, {"type": "softmax"}]}
 * }</pre>
 * Image layers (input {@code [C, H, W]} per example, NCHW):
 * <pre>{@code
 *   {"type": "conv2d", "out_channels": 32, "kernel": 5, "stride": 1, "padding": 2, "dilation": 1},
 *   {"type": "maxpool2d", "kernel": 2, "stride": 2, "padding": 0}, {"type": "avgpool2d", "kernel": 2},
 *   {"type": "lrn", "size": 5, "alpha": 1e-4, "beta": 0.75, "k": 2}, {"type": "batchnorm2d"},
 *   {"type": "gap"}, {"type": "flatten"}
 * }</pre>
 * Recurrent layers (input {@code [T, F]} per example: T steps of F values, row-major):
 * <pre>{@code
 *   {"type": "lstm", "hidden": 128, "return_sequences": false, "stateful": false, "bptt": 0}  (also rnn, gru)
 * }</pre>
 * Transformer layers (see {@link SequenceLayers}): {@code embedding}, {@code attention},
 * {@code transformer_block}, {@code layernorm}, {@code gelu}.
 * In a chain, {@code in}, {@code features}, {@code in_channels}/{@code channels}, {@code height},
 * {@code width}, {@code steps} and {@code input_size} may be left out: they follow from the
 * previous layer (or the data's shape). Mistakes are {@link UserError}s naming the source and the
 * JSON path.
 */
public final class Layers {
    private Layers() {}

    /** What a new dense layer's parameters start from, and where its random draws come from. */
    public record Inits(Init weight, Init bias, Rng rng) {}

    /**
     * A {@link Sequential} from a spec with a {@code layers} array (or the array itself).
     *
     * @param inputSize features per example, or 0 when every dense layer names its {@code in}
     */
    public static Sequential sequential(JsonNode spec, int inputSize, Backend backend, Inits inits, String source, String path) {
        return sequential(spec, inputSize > 0 ? new int[] {inputSize} : null, backend, inits, source, path);
    }

    /**
     * A {@link Sequential} for inputs of the given per-example shape: {@code [F]} (vectors),
     * {@code [C, H, W]} (images) or {@code [T, F]} (sequences); null when every layer names its sizes.
     */
    public static Sequential sequential(JsonNode spec, int[] inputShape, Backend backend, Inits inits, String source, String path) {
        JsonNode arr = spec.isArray() ? spec : spec.get("layers");
        String arrPath = spec.isArray() ? path : path + ".layers";
        if (spec.isObject()) {
            checkKeys(spec, Set.of("type", "layers"), source, path);
            JsonNode type = spec.get("type");
            if (type != null && !"sequential".equals(type.asText())) {
                throw new UserError(source + ": " + path + ".type: expected \"sequential\", found " + type);
            }
        }
        if (arr == null || !arr.isArray() || arr.isEmpty()) {
            throw new UserError(source + ": " + arrPath + ": expected a non-empty array of layers");
        }
        List<Layer> layers = new ArrayList<>();
        int[] shape = inputShape == null ? null : inputShape.clone();
        for (int i = 0; i < arr.size(); i++) {
            String p = arrPath + "[" + i + "]";
            Layer layer = layer(arr.get(i), shape, backend, inits, source, p);
            if (layer instanceof Dense d) {
                shape = new int[] {d.out()};
            } else if (layer instanceof Flatten) {
                shape = shape == null ? null : new int[] {product(shape)};
            } else if (layer instanceof Shaped s) {
                shape = s.outputShape();
            }
            layers.add(layer);
        }
        return new Sequential(layers);
    }

    private static int product(int[] shape) {
        int p = 1;
        for (int d : shape) p *= d;
        return p;
    }

    private static Layer layer(JsonNode node, int[] shape, Backend backend, Inits inits, String source, String path) {
        if (node == null || !node.isObject()) throw new UserError(source + ": " + path + ": expected an object with a \"type\"");
        JsonNode typeNode = node.get("type");
        if (typeNode == null || !typeNode.isTextual()) throw new UserError(source + ": " + path + ".type: missing (required)");
        String type = typeNode.asText();
        int width = shape == null ? 0 : product(shape);
        Layer spatial = ImageLayers.build(type, node, shape, backend, inits, source, path);
        if (spatial != null) return spatial;
        Layer sequence = SequenceLayers.build(type, node, shape, backend, inits, source, path);
        if (sequence != null) return sequence;
        switch (type) {
            case "dense": {
                checkKeys(node, Set.of("type", "in", "out", "per_step", "steps"), source, path);
                if (ImageLayers.bool(node, "per_step", source, path)) return perStep(node, shape, backend, inits, source, path);
                int in = optionalInt(node, "in", width, source, path);
                if (width > 0 && in != width) {
                    throw new UserError(source + ": " + path + ".in: expected " + width + " (the previous layer's output), found " + in);
                }
                if (in <= 0) throw new UserError(source + ": " + path + ".in: missing (the input size is not known here)");
                int out = optionalInt(node, "out", -1, source, path);
                if (out <= 0) throw new UserError(source + ": " + path + ".out: expected a positive integer" + (out == -1 ? ", found nothing" : ", found " + out));
                return new Dense(backend, in, out, inits.weight(), inits.bias(), inits.rng());
            }
            case "dropout": {
                checkKeys(node, Set.of("type", "p"), source, path);
                double p = number(node, "p", 0.5, source, path);
                if (!(p >= 0 && p < 1)) throw new UserError(source + ": " + path + ".p: expected a number in [0, 1), found " + p);
                return new Dropout(backend, p, inits.rng().child("dropout").child(path));
            }
            case "batchnorm1d": {
                checkKeys(node, Set.of("type", "features", "eps", "momentum"), source, path);
                int f = optionalInt(node, "features", width, source, path);
                if (f <= 0) throw new UserError(source + ": " + path + ".features: expected a positive integer");
                if (width > 0 && f != width) throw new UserError(source + ": " + path + ".features: expected " + width + ", found " + f);
                return new BatchNorm1d(backend, f, (float) number(node, "eps", 1e-5, source, path), (float) number(node, "momentum", 0.1, source, path));
            }
            case "softmax":
                checkKeys(node, Set.of("type"), source, path);
                return new Softmax(backend);
            default:
                break;
        }
        ActivationKind kind = ActivationKind.byId(type);
        if (kind == null) {
            throw new UserError(source + ": " + path + ".type: unknown layer \"" + type + "\" (expected one of dense, dropout, batchnorm1d, softmax, "
                    + "identity, step, sigmoid, tanh, relu, leaky_relu, elu, conv2d, maxpool2d, avgpool2d, lrn, batchnorm2d, flatten, gap, rnn, lstm, gru, "
                    + "embedding, attention, transformer_block, layernorm, gelu)");
        }
        if (kind == ActivationKind.LEAKY_RELU) {
            checkKeys(node, Set.of("type", "slope"), source, path);
            return new Activation(backend, kind, (float) number(node, "slope", kind.defaultParam(), source, path));
        }
        if (kind == ActivationKind.ELU) {
            checkKeys(node, Set.of("type", "alpha"), source, path);
            return new Activation(backend, kind, (float) number(node, "alpha", kind.defaultParam(), source, path));
        }
        checkKeys(node, Set.of("type"), source, path);
        return new Activation(backend, kind);
    }

    /** A dense layer on every step of a {@code [T, F]} sequence ({@code "per_step": true}). */
    private static Layer perStep(JsonNode node, int[] shape, Backend backend, Inits inits, String source, String path) {
        int steps, in;
        if (shape != null) {
            if (shape.length != 2) throw new UserError(source + ": " + path + ".per_step: needs a sequence input [steps, features], found " + java.util.Arrays.toString(shape));
            steps = shape[0];
            in = shape[1];
            if (optionalInt(node, "in", in, source, path) != in || optionalInt(node, "steps", steps, source, path) != steps) {
                throw new UserError(source + ": " + path + ": expected in " + in + " and steps " + steps + " (the input's shape)");
            }
        } else {
            steps = ImageLayers.required(node, "steps", source, path);
            in = ImageLayers.required(node, "in", source, path);
        }
        int out = ImageLayers.required(node, "out", source, path);
        return new PerStep(new Dense(backend, in, out, inits.weight(), inits.bias(), inits.rng()), steps);
    }

    static void checkKeys(JsonNode node, Set<String> allowed, String source, String path) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                throw new UserError(source + ": " + path + ": unknown key \"" + n + "\" (expected one of: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    static int optionalInt(JsonNode node, String key, int fallback, String source, String path) {
        JsonNode v = node.get(key);
        if (v == null) return fallback;
        if (!v.isInt() || v.asInt() <= 0) throw new UserError(source + ": " + path + "." + key + ": expected a positive integer, found " + v);
        return v.asInt();
    }

    static double number(JsonNode node, String key, double fallback, String source, String path) {
        JsonNode v = node.get(key);
        if (v == null) return fallback;
        if (!v.isNumber()) throw new UserError(source + ": " + path + "." + key + ": expected a number, found " + v);
        return v.asDouble();
    }
}
