package dev.jgym.agents.pg;

import dev.jgym.agents.bandit.GradientBandit;
import dev.jgym.core.rng.Rng;

/**
 * A soft-max in linear action preferences (Sutton &amp; Barto, 2nd ed., eqs. 13.2 and 13.3):
 * <pre>  π(a | s, θ) = e^{h(s, a, θ)} / Σ_b e^{h(s, b, θ)},   h(s, a, θ) = θᵀ x(s, a)</pre>
 * with the eligibility vector of eq. 13.9 (Exercise 13.3):
 * <pre>  ∇ ln π(a | s, θ) = x(s, a) − Σ_b π(b | s, θ) x(s, b).</pre>
 * Actions are drawn with {@link Rng#choice}; π is {@link GradientBandit#softmax} (StrictMath, the
 * largest preference subtracted first), so runs repeat bit for bit on every JVM.
 *
 * <p>With a floor ε &gt; 0 ({@code min_probability}, not in the book's boxes) every probability
 * below ε is raised to ε and the others are scaled down to keep the sum 1 (two actions: π is
 * clipped to [ε, 1 − ε]), and the eligibility vector uses that π. This is the clamp of Zhang et
 * al.'s reproduction of Figures 13.1 and 13.2 (ShangtongZhang/reinforcement-learning-an-introduction,
 * chapter13/short_corridor.py, ε = 0.05): without it a long episode's many large steps can drive
 * P(right) in the short corridor so close to 0 or 1 that the next episode never ends.
 */
final class SoftmaxPolicy {
    final LinearFeatures features;
    final double[] theta;
    private final double[] xs, h, pi;
    private final Rng rng;
    private final double floor;

    SoftmaxPolicy(LinearFeatures features, double[] initialTheta, double floor, Rng rng) {
        this.features = features;
        this.theta = initialTheta == null ? new double[features.policySize()] : initialTheta.clone();
        this.xs = new double[features.valueSize()];
        this.h = new double[features.actions()];
        this.pi = new double[features.actions()];
        this.floor = floor;
        this.rng = rng;
    }

    /** π(· | s, θ), into an array this policy reuses (copy it to keep it). */
    double[] probabilities(Object s) {
        features.state(s, xs);
        features.preferences(theta, xs, h);
        GradientBandit.softmax(h, pi);
        if (floor > 0) raiseToFloor();
        return pi;
    }

    /** Raises every π(a) below the floor to it, taking the mass from the others in proportion. */
    private void raiseToFloor() {
        double deficit = 0, rest = 0;
        for (double p : pi) {
            if (p < floor) deficit += floor - p;
            else rest += p;
        }
        if (deficit == 0) return;
        for (int a = 0; a < pi.length; a++) pi[a] = pi[a] < floor ? floor : pi[a] - deficit * pi[a] / rest;
    }

    /** A ~ π(· | s, θ). */
    int sample(Object s) {
        return rng.choice(probabilities(s));
    }

    /** θ ← θ + step ∇ ln π(a | s, θ), the gradient taken at the current θ. */
    void ascend(Object s, int a, double step) {
        double[] p = probabilities(s);
        int block = xs.length;
        for (int b = 0; b < p.length; b++) {
            double scale = step * ((b == a ? 1 : 0) - p[b]);
            for (int i = 0; i < block; i++) theta[b * block + i] += scale * xs[i];
        }
    }
}
