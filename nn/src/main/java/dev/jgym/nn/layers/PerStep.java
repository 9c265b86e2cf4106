package dev.jgym.nn.layers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import java.util.List;

/**
 * A dense layer applied to every step of a sequence on its own ({@code [T, in]} to
 * {@code [T, out]}; Keras' TimeDistributed(Dense)): a language model's output head. The same
 * weights for every step; configs write {@code {"type": "dense", "out": 65, "per_step": true}}.
 */
public final class PerStep implements Layer, Shaped {
    private final Dense dense;
    private final int steps;

    public PerStep(Dense dense, int steps) {
        if (steps < 1) throw new IllegalArgumentException("per-step dense: steps must be positive, was " + steps);
        this.dense = dense;
        this.steps = steps;
    }

    public Dense dense() {
        return dense;
    }

    @Override
    public int[] outputShape() {
        return new int[] {steps, dense.out()};
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.cols() != steps * dense.in()) throw new IllegalArgumentException("per-step dense: expected " + steps + " steps of " + dense.in() + " values, found " + x.cols());
        return dense.forward(x.reshape(x.rows() * steps, dense.in())).reshape(x.rows(), steps * dense.out());
    }

    @Override
    public Tensor backward(Tensor dy) {
        return backward(dy, true);
    }

    @Override
    public Tensor backward(Tensor dy, boolean needInputGradient) {
        Tensor dx = dense.backward(dy.reshape(dy.rows() * steps, dense.out()), needInputGradient);
        return dx == null ? null : dx.reshape(dy.rows(), steps * dense.in());
    }

    @Override
    public List<Param> params() {
        return dense.params();
    }

    @Override
    public ObjectNode spec() {
        return dense.spec().put("per_step", true).put("steps", steps);
    }
}
