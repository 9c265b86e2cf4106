package dev.jgym.nn.layers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Tensor;
import dev.jgym.core.rng.Rng;

/**
 * Inverted dropout (Srivastava et al., 2014): in training each element is zeroed with
 * probability p and the survivors are scaled by 1 / (1 - p), so eval mode is the identity.
 * The mask is drawn from the layer's own {@link Rng} in index order.
 */
public final class Dropout implements Layer {
    private final Backend backend;
    private final float p;
    private final Rng rng;
    private boolean training = true;
    private Tensor mask;

    public Dropout(Backend backend, double p, Rng rng) {
        if (!(p >= 0 && p < 1)) throw new IllegalArgumentException("dropout: p must be in [0, 1), was " + p);
        this.backend = backend;
        this.p = (float) p;
        this.rng = rng;
    }

    public float p() {
        return p;
    }

    @Override
    public void train(boolean training) {
        this.training = training;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (!training || p == 0) {
            mask = null;
            return x;
        }
        mask = Tensor.zeros(x.shape());
        float[] m = mask.data();
        float keep = 1f / (1f - p);
        for (int i = 0; i < m.length; i++) m[i] = rng.nextFloat() < p ? 0f : keep;
        Tensor y = Tensor.zeros(x.shape());
        backend.mul(x, mask, y);
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        if (mask == null) return dy;
        Tensor dx = Tensor.zeros(dy.shape());
        backend.mul(dy, mask, dx);
        return dx;
    }

    /** The last training mask (0 or 1 / (1 - p) per element), null in eval mode. */
    Tensor mask() {
        return mask;
    }

    @Override
    public ObjectNode spec() {
        return JsonNodeFactory.instance.objectNode().put("type", "dropout").put("p", p);
    }
}
