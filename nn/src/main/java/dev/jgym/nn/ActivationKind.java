package dev.jgym.nn;

/**
 * Elementwise activations, with the parameter some of them take ({@code param}):
 * <ul>
 *   <li>{@code IDENTITY}: y = x;
 *   <li>{@code STEP}: y = 1 if x >= 0 else 0 (Rosenblatt's threshold unit; its derivative is 0
 *       wherever it exists, so gradients stop there);
 *   <li>{@code SIGMOID}: y = 1 / (1 + e^-x);
 *   <li>{@code TANH}: y = tanh x;
 *   <li>{@code RELU}: y = max(0, x);
 *   <li>{@code LEAKY_RELU}: y = x if x > 0 else param * x (param: the negative slope, 0.01 by default);
 *   <li>{@code ELU}: y = x if x > 0 else param * (e^x - 1) (param: alpha, 1 by default).
 * </ul>
 */
public enum ActivationKind {
    IDENTITY("identity", 0),
    STEP("step", 0),
    SIGMOID("sigmoid", 0),
    TANH("tanh", 0),
    RELU("relu", 0),
    LEAKY_RELU("leaky_relu", 0.01f),
    ELU("elu", 1);

    private final String id;
    private final float defaultParam;

    ActivationKind(String id, float defaultParam) {
        this.id = id;
        this.defaultParam = defaultParam;
    }

    /** The name in configs and model files ({@code "leaky_relu"}). */
    public String id() {
        return id;
    }

    public float defaultParam() {
        return defaultParam;
    }

    /** The kind named {@code id}, or null. */
    public static ActivationKind byId(String id) {
        for (ActivationKind k : values()) if (k.id.equals(id)) return k;
        return null;
    }
}
