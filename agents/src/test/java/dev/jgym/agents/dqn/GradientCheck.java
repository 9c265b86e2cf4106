package dev.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgym.nn.Param;
import java.util.List;
import java.util.function.DoubleSupplier;

/** The Q-networks' gradient checks: every weight's gradient against a central difference of the objective. */
final class GradientCheck {
    private GradientCheck() {}

    /**
     * For each weight w of {@code params}: (f(w + h) - f(w - h)) / 2h, f the {@code objective}
     * (a fresh forward pass each call), equals the gradient the backward pass left in the param to
     * {@code tol} max(1, |numeric|).
     */
    static void assertGradients(List<Param> params, DoubleSupplier objective, double h, double tol) {
        for (Param prm : params) {
            float[] w = prm.value().data(), g = prm.grad().data();
            for (int i = 0; i < w.length; i++) {
                float saved = w[i];
                w[i] = (float) (saved + h);
                double up = objective.getAsDouble();
                w[i] = (float) (saved - h);
                double down = objective.getAsDouble();
                w[i] = saved;
                double numeric = (up - down) / (2 * h);
                assertEquals(numeric, g[i], tol * Math.max(1, Math.abs(numeric)), prm.name() + "[" + i + "]");
            }
        }
    }
}
