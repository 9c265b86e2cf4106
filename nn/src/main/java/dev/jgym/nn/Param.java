package dev.jgym.nn;

/**
 * A tensor a model saves: a trainable parameter with its gradient (same shape), or a buffer such
 * as BatchNorm's running mean ({@code grad == null}). Layers add to {@code grad} in backward;
 * optimizers read it and clear it.
 */
public record Param(String name, Tensor value, Tensor grad) {

    public static Param trainable(String name, Tensor value) {
        return new Param(name, value, Tensor.zeros(value.shape()));
    }

    public static Param buffer(String name, Tensor value) {
        return new Param(name, value, null);
    }

    public boolean isTrainable() {
        return grad != null;
    }
}
