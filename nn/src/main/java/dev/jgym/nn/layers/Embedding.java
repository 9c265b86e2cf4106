package dev.jgym.nn.layers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.rng.Rng;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Token embedding with positions: the input is {@code steps} token ids per example
 * ({@code [N, T]}, whole numbers in [0, vocab) stored as floats), the output the sequence
 * {@code y[n, t] = E[id[n, t]] + P[t]} ({@code [N, T * width]}). E ({@code weight},
 * {@code [vocab, width]}) starts Gaussian with standard deviation 0.02 (GPT-2's). Positions P:
 * <ul>
 *   <li>{@code learned}: a trained table {@code position [maxLen, width]}, also N(0, 0.02);
 *   <li>{@code sinusoidal}: Vaswani et al. (2017, section 3.5), fixed:
 *       {@code P[t, 2i] = sin(t / 10000^(2i/width))}, {@code P[t, 2i+1] = cos(t / 10000^(2i/width))};
 *   <li>{@code none}.
 * </ul>
 * A sequence longer than the table ({@code steps > maxLen}) is refused. Ids get no gradient
 * (backward returns zeros).
 */
public final class Embedding implements Layer, Shaped {
    /** Where the position information comes from. */
    public enum Positions {
        LEARNED, SINUSOIDAL, NONE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Positions byId(String id) {
            for (Positions p : values()) if (p.id().equals(id)) return p;
            return null;
        }
    }

    private final Backend backend;
    private final int vocab, width, steps, maxLen;
    private final Positions positions;
    private final Param table, position;
    private final Tensor sinusoid;
    private Tensor ids;

    public Embedding(Backend backend, int vocab, int width, int steps, Positions positions, int maxLen, Rng rng) {
        if (vocab < 1 || width < 1 || steps < 1 || maxLen < 1) {
            throw new IllegalArgumentException("embedding: vocab, width, steps and max_len must be positive, were " + vocab + ", " + width + ", " + steps + ", " + maxLen);
        }
        if (positions != Positions.NONE && steps > maxLen) {
            throw new IllegalArgumentException("embedding: a sequence of " + steps + " steps is longer than the positional table (" + maxLen + ")");
        }
        this.backend = backend;
        this.vocab = vocab;
        this.width = width;
        this.steps = steps;
        this.maxLen = maxLen;
        this.positions = positions;
        this.table = Param.trainable("weight", Tensor.zeros(vocab, width));
        fillGaussian(table.value(), 0.02, rng.child("weight"));
        if (positions == Positions.LEARNED) {
            position = Param.trainable("position", Tensor.zeros(maxLen, width));
            fillGaussian(position.value(), 0.02, rng.child("position"));
        } else {
            position = null;
        }
        sinusoid = positions == Positions.SINUSOIDAL ? sinusoidTable(steps, width) : null;
    }

    private static void fillGaussian(Tensor t, double std, Rng rng) {
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) d[i] = (float) (std * rng.gaussian());
    }

    /** The fixed table of Vaswani et al. for the first {@code steps} positions, flattened to {@code [steps * width]}. */
    static Tensor sinusoidTable(int steps, int width) {
        Tensor p = Tensor.zeros(steps * width);
        for (int t = 0; t < steps; t++) {
            for (int f = 0; f < width; f++) {
                double angle = t / StrictMath.pow(10000, (f - f % 2) / (double) width);
                p.data()[t * width + f] = (float) (f % 2 == 0 ? StrictMath.sin(angle) : StrictMath.cos(angle));
            }
        }
        return p;
    }

    public int vocab() {
        return vocab;
    }

    public int width() {
        return width;
    }

    public int steps() {
        return steps;
    }

    public Param weight() {
        return table;
    }

    @Override
    public int[] outputShape() {
        return new int[] {steps, width};
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.cols() != steps) throw new IllegalArgumentException("embedding: expected " + steps + " token ids per example, found " + x.cols());
        int n = x.rows();
        ids = x;
        Tensor y = Tensor.zeros(n, steps * width);
        backend.embeddingLookup(x.reshape(n * steps), table.value(), y.reshape(n * steps, width));
        if (positions == Positions.LEARNED) {
            Tensor first = Tensor.zeros(1, steps * width);
            backend.sliceColumns(position.value().reshape(1, maxLen * width), 0, first);
            backend.addRowVector(y, first.reshape(steps * width), y);
        } else if (positions == Positions.SINUSOIDAL) {
            backend.addRowVector(y, sinusoid, y);
        }
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        return backward(dy, true);
    }

    @Override
    public Tensor backward(Tensor dy, boolean needInputGradient) {
        if (ids == null) throw new IllegalStateException("embedding: backward without forward");
        int n = ids.rows();
        backend.embeddingBackward(ids.reshape(n * steps), dy.reshape(n * steps, width), table.grad());
        if (positions == Positions.LEARNED) {
            Tensor sum = Tensor.zeros(steps * width);
            backend.sumRows(dy, 0f, sum);
            backend.addColumns(sum.reshape(1, steps * width), position.grad().reshape(1, maxLen * width), 0);
        }
        return needInputGradient ? Tensor.zeros(ids.shape()) : null;
    }

    @Override
    public List<Param> params() {
        List<Param> ps = new ArrayList<>();
        ps.add(table);
        if (position != null) ps.add(position);
        return ps;
    }

    @Override
    public ObjectNode spec() {
        ObjectNode s = JsonNodeFactory.instance.objectNode().put("type", "embedding").put("vocab", vocab).put("width", width).put("steps", steps);
        return s.put("positions", positions.id()).put("max_len", maxLen);
    }
}
