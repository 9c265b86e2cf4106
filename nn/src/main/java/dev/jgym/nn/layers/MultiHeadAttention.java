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
 * Multi-head self-attention (Vaswani et al. 2017, section 3.2.2) over a sequence of {@code steps}
 * vectors of {@code width} values ({@code x[n, t * width + f]}, as {@link Recurrent} reads
 * sequences):
 * <pre>
 *   [Q K V] = x W_in^T + b_in                 one fused projection, W_in [3 width, width]
 *   head_h  = softmax(Q_h K_h^T / sqrt(dh) + masks) V_h     dh = width / heads
 *   y       = [head_1 ... head_heads] W_out^T + b_out
 * </pre>
 * PyTorch's {@code nn.MultiheadAttention} parameters ({@code in_proj.weight}, {@code in_proj.bias},
 * {@code out_proj.weight}, {@code out_proj.bias}), Xavier-uniform weights (PyTorch's for {@code in_proj}) and zero biases.
 * Masks: {@code causal} (step t sees steps up to t: a language model's), and a padding mask
 * ({@link #setMask}, {@code [N, T]}, 0 = padding) that hides padded keys. Attention dropout
 * ({@code dropout} p) zeroes attention weights after the softmax in training, scaling the rest by
 * 1 / (1 - p); its mask is drawn from the layer's own {@link Rng} in index order.
 */
public final class MultiHeadAttention implements Layer, Shaped {
    private final Backend backend;
    private final int width, heads, steps;
    private final boolean causal;
    private final double dropout;
    private final Rng rng;
    private final Dense in, out;
    private boolean training = true;
    private Tensor mask, qkv, probs, drop;

    public MultiHeadAttention(Backend backend, int width, int heads, int steps, boolean causal, double dropout, Rng rng) {
        if (width < 1 || heads < 1 || steps < 1) {
            throw new IllegalArgumentException("attention: width, heads and steps must be positive, were " + width + ", " + heads + ", " + steps);
        }
        if (width % heads != 0) throw new IllegalArgumentException("attention: " + heads + " heads do not divide the width " + width);
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("attention: dropout must be in [0, 1), was " + dropout);
        this.backend = backend;
        this.width = width;
        this.heads = heads;
        this.steps = steps;
        this.causal = causal;
        this.dropout = dropout;
        this.in = new Dense(backend, width, 3 * width, rng.child("in_proj"));
        this.out = new Dense(backend, width, width, rng.child("out_proj"));
        this.rng = rng.child("dropout");
    }

    public int width() {
        return width;
    }

    public int heads() {
        return heads;
    }

    public int steps() {
        return steps;
    }

    public boolean causal() {
        return causal;
    }

    public double dropout() {
        return dropout;
    }

    /** Padding mask {@code [N, T]} for the next forward calls (0 = padding; null: every step is real). */
    public void setMask(Tensor mask) {
        if (mask != null && mask.cols() != steps) throw new IllegalArgumentException("attention: the mask must have " + steps + " columns, found " + mask.cols());
        this.mask = mask;
    }

    /** The attention weights of the last forward call, {@code [N heads, T T]} (before dropout). */
    public Tensor weights() {
        return probs;
    }

    /** The last training forward's dropout mask (0 or 1 / (1 - p) per weight), null without dropout. */
    Tensor dropMask() {
        return drop;
    }

    @Override
    public void train(boolean training) {
        this.training = training;
    }

    @Override
    public int[] outputShape() {
        return new int[] {steps, width};
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.cols() != steps * width) {
            throw new IllegalArgumentException("attention: expected " + steps + " steps of " + width + " = " + steps * width + " values per example, found " + x.cols());
        }
        int n = x.rows();
        if (mask != null && mask.rows() != n) throw new IllegalArgumentException("attention: the mask has " + mask.rows() + " rows, the batch " + n);
        qkv = in.forward(x.reshape(n * steps, width));
        probs = Tensor.zeros(n * heads, steps * steps);
        drop = null;
        if (training && dropout > 0) {
            drop = Tensor.zeros(probs.shape());
            float[] m = drop.data();
            float p = (float) dropout, keep = 1f / (1f - p);
            for (int i = 0; i < m.length; i++) m[i] = rng.nextFloat() < p ? 0f : keep;
        }
        Tensor ctx = Tensor.zeros(n * steps, width);
        backend.attention(qkv, heads, steps, causal, mask, drop, probs, ctx);
        return out.forward(ctx).reshape(n, steps * width);
    }

    @Override
    public Tensor backward(Tensor dy) {
        return backward(dy, true);
    }

    @Override
    public Tensor backward(Tensor dy, boolean needInputGradient) {
        if (qkv == null) throw new IllegalStateException("attention: backward without forward");
        int n = dy.rows();
        Tensor dctx = out.backward(dy.reshape(n * steps, width));
        Tensor dqkv = Tensor.zeros(qkv.shape());
        backend.attentionBackward(qkv, probs, drop, heads, steps, dctx, dqkv);
        Tensor dx = in.backward(dqkv, needInputGradient);
        return dx == null ? null : dx.reshape(n, steps * width);
    }

    @Override
    public List<Param> params() {
        List<Param> ps = new ArrayList<>();
        ps.addAll(prefixed("in_proj.", in.params()));
        ps.addAll(prefixed("out_proj.", out.params()));
        return ps;
    }

    /** The same tensors under names with a prefix ({@code "attn.in_proj.weight"}), for layers made of layers. */
    static List<Param> prefixed(String prefix, List<Param> params) {
        List<Param> ps = new ArrayList<>();
        for (Param p : params) ps.add(new Param(prefix + p.name(), p.value(), p.grad()));
        return ps;
    }

    @Override
    public ObjectNode spec() {
        ObjectNode s = JsonNodeFactory.instance.objectNode().put("type", "attention").put("width", width).put("heads", heads).put("steps", steps);
        return s.put("causal", causal).put("dropout", dropout);
    }
}
