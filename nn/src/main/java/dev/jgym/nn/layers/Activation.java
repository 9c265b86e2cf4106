package dev.jgym.nn.layers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.nn.ActivationKind;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Tensor;

/** An elementwise activation (see {@link ActivationKind}); backward is {@code dx = f'(x) dy}. */
public final class Activation implements Layer {
    private final Backend backend;
    private final ActivationKind kind;
    private final float param;
    private boolean doneInForward, doneInBackward;
    private Tensor x, y;

    public Activation(Backend backend, ActivationKind kind) {
        this(backend, kind, kind.defaultParam());
    }

    /** @param param LeakyReLU's negative slope or ELU's alpha (ignored by the others) */
    public Activation(Backend backend, ActivationKind kind, float param) {
        this.backend = backend;
        this.kind = kind;
        this.param = param;
    }

    /**
     * The layer before (forward) or after (backward) computes this ReLU in its own pass
     * ({@link ReluFusion}): that direction passes its tensor through unchanged.
     */
    void fuse(boolean forward, boolean backward) {
        if (kind != ActivationKind.RELU) throw new IllegalStateException("only ReLU is fused, not " + kind);
        doneInForward |= forward;
        doneInBackward |= backward;
    }

    public ActivationKind kind() {
        return kind;
    }

    /** LeakyReLU's negative slope or ELU's alpha (the kind's default for the others). */
    public float param() {
        return param;
    }

    @Override
    public Tensor forward(Tensor x) {
        this.x = x;
        if (doneInForward) {
            this.y = x; // x is already max(conv, 0); ReLU's backward reads the same signs from y as from x
            return x;
        }
        this.y = Tensor.zeros(x.shape());
        backend.activation(kind, param, x, y);
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        if (doneInBackward) return dy;
        Tensor dx = Tensor.zeros(x.shape());
        backend.activationBackward(kind, param, x, y, dy, dx);
        return dx;
    }

    @Override
    public ObjectNode spec() {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("type", kind.id());
        if (kind == ActivationKind.LEAKY_RELU) node.put("slope", param);
        if (kind == ActivationKind.ELU) node.put("alpha", param);
        return node;
    }
}
