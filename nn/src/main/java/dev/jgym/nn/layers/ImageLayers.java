package dev.jgym.nn.layers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.UserError;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Window2d;
import java.util.Arrays;
import java.util.Set;

/**
 * The part of {@link Layers} that builds convolutional and recurrent layers from their specs,
 * working out each one's input shape from the previous layer (or the spec's own keys, as model
 * files store them).
 */
final class ImageLayers {
    private ImageLayers() {}

    /** The layer, or null when the type is not an image or recurrent layer. */
    static Layer build(String type, JsonNode node, int[] shape, Backend backend, Layers.Inits inits, String source, String path) {
        switch (type) {
            case "conv2d": {
                Layers.checkKeys(node, Set.of("type", "in_channels", "height", "width", "out_channels", "kernel", "stride", "padding", "dilation"), source, path);
                int[] chw = chw(node, shape, "in_channels", source, path);
                int out = required(node, "out_channels", source, path);
                int[] k = kernel(node, source, path);
                Window2d g = window(chw, k[0], k[1], Layers.optionalInt(node, "stride", 1, source, path), nonNegative(node, "padding", 0, source, path),
                        Layers.optionalInt(node, "dilation", 1, source, path), source, path);
                return new Conv2d(backend, g, out, inits.weight(), inits.bias(), inits.rng());
            }
            case "maxpool2d":
            case "avgpool2d": {
                Layers.checkKeys(node, Set.of("type", "channels", "height", "width", "kernel", "stride", "padding"), source, path);
                int[] chw = chw(node, shape, "channels", source, path);
                int[] k = kernel(node, source, path);
                int stride = Layers.optionalInt(node, "stride", k[0], source, path);
                int pad = nonNegative(node, "padding", 0, source, path);
                if (2 * pad > Math.min(k[0], k[1])) throw new UserError(source + ": " + path + ".padding: expected at most half the kernel, found " + pad);
                Window2d g = window(chw, k[0], k[1], stride, pad, 1, source, path);
                return new Pool2d(backend, type.equals("maxpool2d") ? Pool2d.Kind.MAX : Pool2d.Kind.AVG, g);
            }
            case "gap": {
                Layers.checkKeys(node, Set.of("type", "channels", "height", "width"), source, path);
                int[] chw = chw(node, shape, "channels", source, path);
                return Pool2d.globalAvg(backend, chw[0], chw[1], chw[2]);
            }
            case "lrn": {
                Layers.checkKeys(node, Set.of("type", "channels", "height", "width", "size", "alpha", "beta", "k"), source, path);
                int[] chw = chw(node, shape, "channels", source, path);
                int size = Layers.optionalInt(node, "size", 5, source, path);
                double alpha = Layers.number(node, "alpha", 1e-4, source, path), beta = Layers.number(node, "beta", 0.75, source, path);
                double k = Layers.number(node, "k", 2, source, path);
                if (!(alpha >= 0) || !(beta >= 0) || !(k > 0)) throw new UserError(source + ": " + path + ": expected alpha >= 0, beta >= 0, k > 0, found " + alpha + ", " + beta + ", " + k);
                return new LocalResponseNorm(backend, chw[0], chw[1], chw[2], size, (float) alpha, (float) beta, (float) k);
            }
            case "batchnorm2d": {
                Layers.checkKeys(node, Set.of("type", "channels", "height", "width", "eps", "momentum"), source, path);
                int[] chw = chw(node, shape, "channels", source, path);
                double eps = Layers.number(node, "eps", 1e-5, source, path), momentum = Layers.number(node, "momentum", 0.1, source, path);
                if (!(eps > 0) || !(momentum >= 0 && momentum <= 1)) throw new UserError(source + ": " + path + ": expected eps > 0 and momentum in [0, 1], found " + eps + ", " + momentum);
                return new BatchNorm2d(backend, chw[0], chw[1], chw[2], (float) eps, (float) momentum);
            }
            case "flatten":
                Layers.checkKeys(node, Set.of("type"), source, path);
                return new Flatten(shape == null ? 0 : Arrays.stream(shape).reduce(1, (a, b) -> a * b));
            case "rnn":
            case "lstm":
            case "gru": {
                Layers.checkKeys(node, Set.of("type", "input_size", "steps", "hidden", "return_sequences", "stateful", "bptt"), source, path);
                int steps, input;
                if (shape != null && shape.length == 2) {
                    steps = Layers.optionalInt(node, "steps", shape[0], source, path);
                    input = Layers.optionalInt(node, "input_size", shape[1], source, path);
                    if (steps != shape[0] || input != shape[1]) {
                        throw new UserError(source + ": " + path + ": expected steps " + shape[0] + " and input_size " + shape[1] + " (the input's shape), found " + steps + " and " + input);
                    }
                } else {
                    steps = required(node, "steps", source, path);
                    input = required(node, "input_size", source, path);
                    if (shape != null && steps * input != shape[0] * (shape.length == 3 ? shape[1] * shape[2] : 1)) {
                        throw new UserError(source + ": " + path + ": steps x input_size = " + steps * input + ", but the input has " + Arrays.toString(shape));
                    }
                }
                int hidden = required(node, "hidden", source, path);
                boolean seq = bool(node, "return_sequences", source, path), stateful = bool(node, "stateful", source, path);
                int bptt = nonNegative(node, "bptt", 0, source, path);
                return new Recurrent(backend, Recurrent.Cell.byId(type), input, hidden, steps, seq, stateful, bptt, inits.rng().child(path));
            }
            default:
                return null;
        }
    }

    private static Window2d window(int[] chw, int kh, int kw, int stride, int pad, int dilation, String source, String path) {
        try {
            return new Window2d(chw[0], chw[1], chw[2], kh, kw, stride, pad, dilation);
        } catch (IllegalArgumentException e) {
            throw new UserError(source + ": " + path + ": " + e.getMessage());
        }
    }

    /** [channels, height, width] from the previous shape, checked against the spec's keys if given. */
    private static int[] chw(JsonNode node, int[] shape, String channelsKey, String source, String path) {
        if (shape != null && shape.length == 3) {
            int c = Layers.optionalInt(node, channelsKey, shape[0], source, path);
            int h = Layers.optionalInt(node, "height", shape[1], source, path), w = Layers.optionalInt(node, "width", shape[2], source, path);
            if (c != shape[0] || h != shape[1] || w != shape[2]) {
                throw new UserError(source + ": " + path + ": expected an input of " + shape[0] + "x" + shape[1] + "x" + shape[2] + " (the previous layer's output), found "
                        + c + "x" + h + "x" + w);
            }
            return shape;
        }
        if (node.has(channelsKey) && node.has("height") && node.has("width")) {
            int[] s = {required(node, channelsKey, source, path), required(node, "height", source, path), required(node, "width", source, path)};
            if (shape != null && shape[0] != s[0] * s[1] * s[2]) {
                throw new UserError(source + ": " + path + ": " + s[0] + "x" + s[1] + "x" + s[2] + " does not match the " + Arrays.toString(shape) + " input");
            }
            return s;
        }
        throw new UserError(source + ": " + path + ": needs image input [channels, height, width]; found " + (shape == null ? "no shape" : Arrays.toString(shape))
                + " (give the data a shape such as \"shape\": [1, 28, 28], or the layer " + channelsKey + ", height and width)");
    }

    private static int[] kernel(JsonNode node, String source, String path) {
        JsonNode k = node.get("kernel");
        if (k == null) throw new UserError(source + ": " + path + ".kernel: missing (required)");
        if (k.isInt() && k.asInt() > 0) return new int[] {k.asInt(), k.asInt()};
        if (k.isArray() && k.size() == 2 && k.get(0).isInt() && k.get(1).isInt() && k.get(0).asInt() > 0 && k.get(1).asInt() > 0) {
            return new int[] {k.get(0).asInt(), k.get(1).asInt()};
        }
        throw new UserError(source + ": " + path + ".kernel: expected a positive integer or [height, width], found " + k);
    }

    static int required(JsonNode node, String key, String source, String path) {
        int v = Layers.optionalInt(node, key, -1, source, path);
        if (v <= 0) throw new UserError(source + ": " + path + "." + key + ": expected a positive integer, found nothing");
        return v;
    }

    static int nonNegative(JsonNode node, String key, int fallback, String source, String path) {
        JsonNode v = node.get(key);
        if (v == null) return fallback;
        if (!v.isInt() || v.asInt() < 0) throw new UserError(source + ": " + path + "." + key + ": expected an integer >= 0, found " + v);
        return v.asInt();
    }

    static boolean bool(JsonNode node, String key, String source, String path) {
        JsonNode v = node.get(key);
        if (v == null) return false;
        if (!v.isBoolean()) throw new UserError(source + ": " + path + "." + key + ": expected true or false, found " + v);
        return v.asBoolean();
    }
}
