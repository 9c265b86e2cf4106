package dev.jgym.agents.dqn;

import dev.jgym.core.rng.Rng;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Init;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.layers.Dense;
import dev.jgym.nn.layers.LayerNorm;
import dev.jgym.nn.layers.Sequential;
import dev.jgym.nn.layers.TransformerBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * An attention memory for DRQN: a causal Transformer (the NN core's pre-LN {@link TransformerBlock}s,
 * GPT-2's arrangement) over the last observations, in place of {@link RecurrentQNetwork}'s LSTM;
 * the gated Transformer-XL of Parisotto et al. (2020) without its memory segments and gates.
 * <pre>
 *   e_t = W_e MLP(o_t) + b_e + P[position of t]                          P learned, [W, width]
 *   z   = LayerNorm(Block_L(.. Block_1(e_1 .. e_W)))                        causal: z_t reads e_1 .. e_t
 *   Q(o_1..o_t, .) = head(z_t)
 * </pre>
 * A replayed sequence is one window of {@code W = B + U} steps: the burn-in's B steps are context
 * (no loss, but the gradient reaches them through the attention), the unroll's U steps get Q-values.
 * Padding (steps of another episode) is hidden from the attention by the batch's masks. Acting
 * reads the same geometry: the window of the last {@code K = B + 1} observations at positions 0..B
 * (positions before the episode's start padding), Q at position B, as the first unroll step of a
 * replayed sequence sees them. So the agent remembers exactly K observations: a T-maze's cue K - 1
 * or fewer steps back, never one further.
 */
public final class AttentionQNetwork implements SequenceQNetwork {
    private final Backend backend;
    private final int inputs, embedding, width, unroll, burnIn, steps;
    private final Sequential pre; // null without an MLP before the core
    private final Dense project;
    private final Param position;
    private final List<TransformerBlock> blocks = new ArrayList<>();
    private final LayerNorm norm;
    private final QNetwork head;
    private final Windows act;
    private final List<Param> params = new ArrayList<>();

    /**
     * @param unroll steps of the training unroll (U); @param burnIn context steps before it (B);
     * @param width the Transformer's width; @param heads attention heads; @param depth blocks; @param blockMlp the blocks' MLP width
     */
    public AttentionQNetwork(Backend backend, int inputs, int[] mlp, String activation, int width, int heads, int depth, int blockMlp, int actions,
                             boolean dueling, Init init, int unroll, int burnIn, Rng rng) {
        this.backend = backend;
        this.inputs = inputs;
        this.width = width;
        this.unroll = unroll;
        this.burnIn = burnIn;
        this.steps = burnIn + unroll;
        this.pre = RecurrentQNetwork.mlp(backend, inputs, mlp, activation, init, rng);
        this.embedding = mlp.length == 0 ? inputs : mlp[mlp.length - 1];
        if (pre != null) params.addAll(pre.params());
        this.project = new Dense(backend, embedding, width, init, Init.constant(0), rng.child("project"));
        params.addAll(named("project.", project.params()));
        this.position = Param.trainable("position", Tensor.zeros(steps, width));
        Rng p = rng.child("position");
        float[] pd = position.value().data();
        for (int i = 0; i < pd.length; i++) pd[i] = (float) (0.02 * p.gaussian()); // GPT-2's N(0, 0.02), as the NN core's Embedding
        params.add(position);
        for (int l = 0; l < depth; l++) {
            TransformerBlock b = new TransformerBlock(backend, width, heads, steps, blockMlp, true, 0, rng.child("block").child(l));
            blocks.add(b);
            params.addAll(named("block" + l + ".", b.params()));
        }
        this.norm = new LayerNorm(backend, width);
        params.addAll(named("norm.", norm.params()));
        this.head = new QNetwork(backend, width, new int[0], activation, actions, dueling, init, rng.child("head"));
        params.addAll(head.params());
        this.act = new Windows(1, 1);
    }

    private static List<Param> named(String prefix, List<Param> ps) {
        List<Param> out = new ArrayList<>();
        for (Param p : ps) out.add(new Param(prefix + p.name(), p.value(), p.grad()));
        return out;
    }

    /** The MLP's weights, the input projection's, the positions, every block's, the final LayerNorm's, the head's. */
    @Override
    public List<Param> params() {
        return params;
    }

    /** Observations remembered when acting: the burn-in and the current one. */
    public int context() {
        return burnIn + 1;
    }

    @Override
    public Windows pass(int rows) {
        return new Windows(rows, unroll);
    }

    /** The batch's burn-in and unroll side by side: one window of W steps per sequence. */
    @Override
    public Tensor forward(SequenceQNetwork.Pass pass, SequenceReplay.Batch b) {
        Windows p = (Windows) pass;
        int f = inputs, u = unroll;
        float[] x = p.x.data(), m = p.mask.data(), bx = b.burnX.data(), bm = b.burnMask.data(), ux = b.x.data(), um = b.mask.data();
        for (int n = 0; n < p.rows; n++) {
            System.arraycopy(bx, n * burnIn * f, x, n * steps * f, burnIn * f);
            System.arraycopy(bm, n * burnIn, m, n * steps, burnIn);
            System.arraycopy(ux, n * u * f, x, (n * steps + burnIn) * f, u * f);
            System.arraycopy(um, n * u, m, n * steps + burnIn, u);
        }
        return run(p);
    }

    /** The Transformer over the pass's windows, then the head on the {@code p.outputs} steps from position B on. */
    private Tensor run(Windows p) {
        int n = p.rows;
        Tensor e = p.x.reshape(n * steps, inputs);
        if (pre != null) e = pre.forward(e);
        Tensor h = project.forward(e).reshape(n, steps * width);
        backend.addRowVector(h, position.value().reshape(steps * width), h);
        for (TransformerBlock b : blocks) {
            b.setMask(p.mask);
            h = b.forward(h);
        }
        Tensor z = norm.forward(h);
        backend.sliceColumns(z, burnIn * width, p.last);
        return head.forward(p.head, p.last.reshape(n * p.outputs, width));
    }

    @Override
    public void backward(SequenceQNetwork.Pass pass) {
        Windows p = (Windows) pass;
        int n = p.rows;
        head.backward(p.head, p.dLast);
        Tensor dz = Tensor.zeros(n, steps * width);
        backend.addColumns(p.dLast.reshape(n, p.outputs * width), dz, burnIn * width);
        Tensor dh = norm.backward(dz);
        for (int l = blocks.size() - 1; l >= 0; l--) dh = blocks.get(l).backward(dh, true);
        backend.sumRows(dh, 1f, position.grad().reshape(steps * width));
        Tensor de = project.backward(dh.reshape(n * steps, width), pre != null);
        if (pre != null) pre.backward(de, false);
    }

    @Override
    public void blendFrom(SequenceQNetwork other, float tau) {
        QNetwork.blend(backend, params, other.params(), tau);
    }

    @Override
    public Window memory() {
        return new Window();
    }

    /** Q at position B of a window whose positions 0..B hold the memory (the rest padding, unread by the causal attention). */
    @Override
    public float[] step(SequenceQNetwork.Memory memory, float[] observation) {
        Window w = (Window) memory;
        w.push(observation);
        int k = context();
        float[] x = act.x.data(), m = act.mask.data();
        System.arraycopy(w.obs, 0, x, 0, k * inputs);
        System.arraycopy(w.real, 0, m, 0, k);
        return run(act).data();
    }

    /** The last K observations of an acting episode, oldest first, and which of them are real (1) or before the start (0). */
    public final class Window implements SequenceQNetwork.Memory {
        final float[] obs = new float[context() * inputs], real = new float[context()];

        void push(float[] o) {
            System.arraycopy(obs, inputs, obs, 0, obs.length - inputs);
            System.arraycopy(o, 0, obs, obs.length - inputs, inputs);
            System.arraycopy(real, 1, real, 0, real.length - 1);
            real[real.length - 1] = 1f;
        }

        @Override
        public void reset() {
            java.util.Arrays.fill(obs, 0f);
            java.util.Arrays.fill(real, 0f);
        }

        @Override
        public float[][] saved() {
            return new float[][] {obs.clone(), real.clone()};
        }

        @Override
        public void restore(float[][] saved) {
            if (saved.length != 2 || saved[0].length != obs.length || saved[1].length != real.length) {
                throw new IllegalArgumentException("a memory of the wrong size");
            }
            System.arraycopy(saved[0], 0, obs, 0, obs.length);
            System.arraycopy(saved[1], 0, real, 0, real.length);
        }
    }

    /** The buffers of one batch of windows: inputs {@code [N, W * F]}, mask {@code [N, W]}, Q for {@code outputs} steps from position B on. */
    public final class Windows implements SequenceQNetwork.Pass {
        final int rows, outputs;
        final Tensor x, mask, last, dLast;
        final QNetwork.Pass head;

        Windows(int rows, int outputs) {
            this.rows = rows;
            this.outputs = outputs;
            this.x = Tensor.zeros(rows, steps * inputs);
            this.mask = Tensor.zeros(rows, steps);
            this.last = Tensor.zeros(rows, outputs * width);
            this.dLast = Tensor.zeros(rows * outputs, width);
            this.head = AttentionQNetwork.this.head.pass(rows * outputs);
        }

        @Override
        public Tensor dq() {
            return head.dq;
        }
    }
}
