package dev.jgym.agents.pg;

/**
 * A linear state-value estimate v̂(s, w) = wᵀ x(s) (Sutton &amp; Barto, 2nd ed., section 9.4), with
 * ∇v̂(s, w) = x(s), for the baseline of REINFORCE (13.4) and the critic of actor-critic (13.5).
 */
final class LinearValue {
    final double[] w;
    private final LinearFeatures features;
    private final double[] xs;

    LinearValue(LinearFeatures features) {
        this.features = features;
        this.w = new double[features.valueSize()];
        this.xs = new double[features.valueSize()];
    }

    /** v̂(s, w). */
    double value(Object s) {
        features.state(s, xs);
        return LinearFeatures.value(w, xs);
    }

    /** w ← w + step ∇v̂(s, w) = w + step x(s). */
    void ascend(Object s, double step) {
        features.state(s, xs);
        for (int i = 0; i < w.length; i++) w[i] += step * xs[i];
    }
}
