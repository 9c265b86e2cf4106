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
 * A pre-LN Transformer block (Xiong et al. 2020; GPT-2's arrangement) over a sequence of
 * {@code steps} vectors of {@code width} values:
 * <pre>
 *   h = x + MultiHeadAttention(LayerNorm_1(x))
 *   y = h + W_2 GELU(W_1 LayerNorm_2(h) + b_1) + b_2        W_1 [mlp, width], W_2 [width, mlp]
 * </pre>
 * the MLP applied to every step on its own. Parameters are named after the parts
 * ({@code ln1.weight}, {@code attn.in_proj.weight}, {@code mlp.fc1.weight}...); masks and
 * dropout as {@link MultiHeadAttention}.
 */
public final class TransformerBlock implements Layer, Shaped {
    private final Backend backend;
    private final int width, steps, mlp;
    private final LayerNorm ln1, ln2;
    private final MultiHeadAttention attn;
    private final Dense fc1, fc2;
    private final Gelu gelu;
    private int rows;

    public TransformerBlock(Backend backend, int width, int heads, int steps, int mlp, boolean causal, double dropout, Rng rng) {
        if (mlp < 1) throw new IllegalArgumentException("transformer block: mlp must be positive, was " + mlp);
        this.backend = backend;
        this.width = width;
        this.steps = steps;
        this.mlp = mlp;
        this.attn = new MultiHeadAttention(backend, width, heads, steps, causal, dropout, rng.child("attn"));
        this.ln1 = new LayerNorm(backend, width);
        this.ln2 = new LayerNorm(backend, width);
        this.fc1 = new Dense(backend, width, mlp, rng.child("fc1"));
        this.fc2 = new Dense(backend, mlp, width, rng.child("fc2"));
        this.gelu = new Gelu(backend);
    }

    public MultiHeadAttention attention() {
        return attn;
    }

    /** Padding mask {@code [N, T]} for the attention (see {@link MultiHeadAttention#setMask}). */
    public void setMask(Tensor mask) {
        attn.setMask(mask);
    }

    @Override
    public void train(boolean training) {
        attn.train(training);
    }

    @Override
    public int[] outputShape() {
        return new int[] {steps, width};
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.cols() != steps * width) {
            throw new IllegalArgumentException("transformer block: expected " + steps + " steps of " + width + " values per example, found " + x.cols());
        }
        rows = x.rows();
        Tensor h = Tensor.zeros(x.shape());
        backend.add(x, attn.forward(ln1.forward(x)), h);
        Tensor m = fc2.forward(gelu.forward(fc1.forward(ln2.forward(h).reshape(rows * steps, width))));
        Tensor y = Tensor.zeros(x.shape());
        backend.add(h, m.reshape(rows, steps * width), y);
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        return backward(dy, true);
    }

    @Override
    public Tensor backward(Tensor dy, boolean needInputGradient) {
        Tensor dm = fc1.backward(gelu.backward(fc2.backward(dy.reshape(rows * steps, width))));
        Tensor dh = ln2.backward(dm.reshape(rows, steps * width));
        backend.add(dh, dy, dh);
        Tensor da = attn.backward(dh, true);
        Tensor dx = ln1.backward(da);
        backend.add(dx, dh, dx);
        return dx;
    }

    @Override
    public List<Param> params() {
        List<Param> ps = new ArrayList<>();
        ps.addAll(MultiHeadAttention.prefixed("ln1.", ln1.params()));
        ps.addAll(MultiHeadAttention.prefixed("attn.", attn.params()));
        ps.addAll(MultiHeadAttention.prefixed("ln2.", ln2.params()));
        ps.addAll(MultiHeadAttention.prefixed("mlp.fc1.", fc1.params()));
        ps.addAll(MultiHeadAttention.prefixed("mlp.fc2.", fc2.params()));
        return ps;
    }

    @Override
    public ObjectNode spec() {
        ObjectNode s = JsonNodeFactory.instance.objectNode().put("type", "transformer_block").put("width", width).put("heads", attn.heads()).put("steps", steps);
        return s.put("mlp", mlp).put("causal", attn.causal()).put("dropout", attn.dropout());
    }
}
