package dev.jgym.nn.layers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.UserError;
import dev.jgym.nn.Backend;
import java.util.Arrays;
import java.util.Set;

/**
 * The part of {@link Layers} that builds the Transformer's layers from their specs (input
 * {@code [T]} token ids for an embedding, {@code [T, width]} sequences for the others):
 * <pre>{@code
 *   {"type": "embedding", "vocab": 65, "width": 128, "positions": "learned", "max_len": 256}   (also sinusoidal, none)
 *   {"type": "transformer_block", "heads": 4, "mlp": 512, "causal": true, "dropout": 0.1}
 *   {"type": "attention", "heads": 4, "causal": false, "dropout": 0.0}
 *   {"type": "layernorm", "eps": 1e-5}, {"type": "gelu"}
 * }</pre>
 * {@code steps} and {@code width} (and a layer norm's {@code features}) follow from the previous
 * layer; model files store them. Bad shapes are one {@link UserError}: heads that do not divide
 * the width, a sequence longer than the positional table.
 */
final class SequenceLayers {
    private SequenceLayers() {}

    /** The layer, or null when the type is not one of these. */
    static Layer build(String type, JsonNode node, int[] shape, Backend backend, Layers.Inits inits, String source, String path) {
        switch (type) {
            case "embedding": {
                Layers.checkKeys(node, Set.of("type", "vocab", "width", "steps", "positions", "max_len"), source, path);
                int steps;
                if (shape != null) {
                    if (shape.length != 1) throw new UserError(source + ": " + path + ": expected token ids [steps], found the input " + Arrays.toString(shape));
                    steps = Layers.optionalInt(node, "steps", shape[0], source, path);
                    if (steps != shape[0]) throw new UserError(source + ": " + path + ".steps: expected " + shape[0] + " (the input's), found " + steps);
                } else {
                    steps = ImageLayers.required(node, "steps", source, path);
                }
                int vocab = ImageLayers.required(node, "vocab", source, path), width = ImageLayers.required(node, "width", source, path);
                JsonNode pos = node.get("positions");
                Embedding.Positions positions = pos == null ? Embedding.Positions.LEARNED : pos.isTextual() ? Embedding.Positions.byId(pos.asText()) : null;
                if (positions == null) throw new UserError(source + ": " + path + ".positions: expected \"learned\", \"sinusoidal\" or \"none\", found " + pos);
                int maxLen = Layers.optionalInt(node, "max_len", steps, source, path);
                if (positions != Embedding.Positions.NONE && steps > maxLen) {
                    throw new UserError(source + ": " + path + ".max_len: the positional table holds " + maxLen + " positions, the sequence has " + steps + " steps");
                }
                return new Embedding(backend, vocab, width, steps, positions, maxLen, inits.rng().child(path));
            }
            case "attention":
            case "transformer_block": {
                boolean block = type.equals("transformer_block");
                Layers.checkKeys(node, block ? Set.of("type", "width", "steps", "heads", "mlp", "causal", "dropout") : Set.of("type", "width", "steps", "heads", "causal", "dropout"),
                        source, path);
                int[] tw = stepsAndWidth(node, shape, source, path);
                int heads = ImageLayers.required(node, "heads", source, path);
                if (tw[1] % heads != 0) throw new UserError(source + ": " + path + ".heads: " + heads + " heads do not divide the width " + tw[1]);
                double dropout = Layers.number(node, "dropout", 0, source, path);
                if (!(dropout >= 0 && dropout < 1)) throw new UserError(source + ": " + path + ".dropout: expected a number in [0, 1), found " + dropout);
                boolean causal = ImageLayers.bool(node, "causal", source, path);
                if (!block) return new MultiHeadAttention(backend, tw[1], heads, tw[0], causal, dropout, inits.rng().child(path));
                int mlp = Layers.optionalInt(node, "mlp", 4 * tw[1], source, path);
                return new TransformerBlock(backend, tw[1], heads, tw[0], mlp, causal, dropout, inits.rng().child(path));
            }
            case "layernorm": {
                Layers.checkKeys(node, Set.of("type", "features", "eps"), source, path);
                int last = shape == null ? 0 : shape[shape.length - 1];
                int f = Layers.optionalInt(node, "features", last, source, path);
                if (f <= 0) throw new UserError(source + ": " + path + ".features: missing (the input size is not known here)");
                if (last > 0 && f != last) throw new UserError(source + ": " + path + ".features: expected " + last + " (the input's last dimension), found " + f);
                double eps = Layers.number(node, "eps", 1e-5, source, path);
                if (!(eps > 0)) throw new UserError(source + ": " + path + ".eps: expected a number > 0, found " + eps);
                return new LayerNorm(backend, f, (float) eps);
            }
            case "gelu":
                Layers.checkKeys(node, Set.of("type"), source, path);
                return new Gelu(backend);
            default:
                return null;
        }
    }

    /** [steps, width] from the previous layer's [T, width] output, checked against the spec's keys if given. */
    private static int[] stepsAndWidth(JsonNode node, int[] shape, String source, String path) {
        if (shape != null) {
            if (shape.length != 2) throw new UserError(source + ": " + path + ": expected a sequence input [steps, width], found " + Arrays.toString(shape));
            int t = Layers.optionalInt(node, "steps", shape[0], source, path), w = Layers.optionalInt(node, "width", shape[1], source, path);
            if (t != shape[0] || w != shape[1]) {
                throw new UserError(source + ": " + path + ": expected steps " + shape[0] + " and width " + shape[1] + " (the input's shape), found " + t + " and " + w);
            }
            return shape;
        }
        return new int[] {ImageLayers.required(node, "steps", source, path), ImageLayers.required(node, "width", source, path)};
    }
}
