package dev.jgym.experiments.seeds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The overfitting example of the deep-learning seed: {@link PolynomialFits}. */
class PolynomialFitsTest {
    static final int SEEDS = 200;

    @Test
    @DisplayName("least squares by QR: recovers a cubic's coefficients from 15 exact points to 1e-10, and degree 14 interpolates them")
    void fitIsExact() {
        double[] x = new double[15], y = new double[15];
        for (int i = 0; i < 15; i++) {
            x[i] = -1 + i / 7.0;
            y[i] = 0.3 - x[i] + 0.5 * x[i] * x[i] + 2 * x[i] * x[i] * x[i];
        }
        PolynomialFits.Points p = new PolynomialFits.Points(x, y);
        assertArrayEquals(new double[] {0.3, -1, 0.5, 2, 0, 0}, PolynomialFits.fit(p, 5), 1e-10);
        double[] c = PolynomialFits.fit(p, 14);
        for (int i = 0; i < 15; i++) assertEquals(y[i], PolynomialFits.eval(c, x[i]), 1e-8);
    }

    @Test
    @DisplayName("seed 1: training error never rises with the degree; validation error falls to degree 3 (0.0133, within a factor 2 of sigma^2 = 0.01) and rises past it, to > 2x at degree 12 (0.0322; train 0.0098 at degree 3, 0.0041 at 12); the PNG is written")
    void seedOne() throws Exception {
        PolynomialFits.Result r = PolynomialFits.run(1);
        for (int d = 0; d <= PolynomialFits.MAX_DEGREE; d++) System.out.printf("degree %2d: train %.5f, validation %.5f%n", d, r.trainMse()[d], r.validationMse()[d]);
        for (int d = 1; d <= PolynomialFits.MAX_DEGREE; d++) assertTrue(r.trainMse()[d] <= r.trainMse()[d - 1] * (1 + 1e-12), "train error rose at degree " + d);
        for (int d = 0; d < 3; d++) assertTrue(r.validationMse()[3] < r.validationMse()[d], "validation at degree " + d + " below degree 3's");
        assertTrue(r.validationMse()[3] < 2 * PolynomialFits.SIGMA * PolynomialFits.SIGMA && r.validationMse()[3] > 0.5 * PolynomialFits.SIGMA * PolynomialFits.SIGMA, "validation at the true degree " + r.validationMse()[3]);
        assertTrue(r.validationMse()[PolynomialFits.MAX_DEGREE] > 2 * r.validationMse()[3], "degree 12 " + r.validationMse()[PolynomialFits.MAX_DEGREE]);
        assertTrue(r.trainMse()[PolynomialFits.MAX_DEGREE] < r.trainMse()[3], "degree 12 fits the training noise");
        Path png = Path.of("target", "polynomial-overfitting.png");
        Files.createDirectories(png.getParent());
        PolynomialFits.writePng(r, PolynomialFits.SIGMA, png);
        assertTrue(Files.size(png) > 10_000);
    }

    @Test
    @DisplayName("over 200 seeds: mean training MSE at degree d >= 3 is sigma^2 (n - d - 1) / n (the least-squares residual's expectation) within 3 standard errors (chi-squared); mean validation MSE is least at degree 3 and rises at every degree past it")
    void averages() {
        double[] tr = new double[PolynomialFits.MAX_DEGREE + 1], va = new double[PolynomialFits.MAX_DEGREE + 1];
        for (int s = 1; s <= SEEDS; s++) {
            PolynomialFits.Result r = PolynomialFits.run(s);
            for (int d = 0; d <= PolynomialFits.MAX_DEGREE; d++) {
                tr[d] += r.trainMse()[d] / SEEDS;
                va[d] += Math.log(r.validationMse()[d]) / SEEDS; // geometric mean: one wild high-degree fit does not dominate
            }
        }
        double s2 = PolynomialFits.SIGMA * PolynomialFits.SIGMA;
        int n = PolynomialFits.TRAIN;
        for (int d = 3; d <= PolynomialFits.MAX_DEGREE; d++) {
            double expected = s2 * (n - d - 1) / n;
            System.out.printf("degree %2d: mean train %.5f (expected %.5f), geometric-mean validation %.5f%n", d, tr[d], expected, Math.exp(va[d]));
            // n MSE / sigma^2 is chi-squared with n - d - 1 degrees of freedom: relative std sqrt(2 / (n - d - 1)) per seed
            assertEquals(expected, tr[d], 3 * Math.sqrt(2.0 / (n - d - 1) / SEEDS) * expected, "degree " + d);
        }
        for (int d = 0; d <= PolynomialFits.MAX_DEGREE; d++) if (d != 3) assertTrue(va[3] < va[d], "degree " + d);
        for (int d = 4; d <= PolynomialFits.MAX_DEGREE; d++) assertTrue(va[d] > va[d - 1], "validation error rises from degree " + (d - 1) + " to " + d);
    }
}
