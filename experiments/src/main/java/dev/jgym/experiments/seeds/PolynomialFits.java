package dev.jgym.experiments.seeds;

import dev.jgym.agents.run.Charts;
import dev.jgym.core.rng.Rng;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The deep-learning seed's overfitting example: a noisy cubic fitted by polynomials of rising
 * degree. The truth is
 * <pre>
 *   y = x³ − x + ε,   ε ~ N(0, σ²), σ = 0.1
 * </pre>
 * at 15 training points, x evenly spaced from −1 to 1 (noise from {@code seed.child("train")}),
 * and 200 validation points, x uniform in [−1, 1] ({@code seed.child("validation")}). Each degree d = 0..12 is the least-squares polynomial
 * (Householder QR of the Vandermonde matrix, in double), and its error the mean squared error.
 *
 * <p>The fits are nested (degree d + 1 can always set its top coefficient to 0), so the training
 * error can only fall as the degree rises; for d >= 3 it falls below σ² as the polynomial fits the
 * noise, by the textbook amount: its expectation is σ² (n − d − 1) / n. The validation error falls
 * until the true degree 3, where it is near σ² = 0.01, and rises past it: the extra coefficients
 * follow the 15 points' noise, not the cubic.
 */
public final class PolynomialFits {
    public static final int TRAIN = 15, VALIDATION = 200, MAX_DEGREE = 12;
    public static final double SIGMA = 0.1;

    /**
     * The example as a config's {@code "seeds"} object ({@code "example": "polynomial_fits"}).
     *
     * @param train training points, evenly spaced over [-1, 1] (default 15)
     * @param validation validation points, uniform over [-1, 1] (default 200)
     * @param noise the noise's standard deviation sigma (default 0.1)
     * @param maxDegree fits of degree 0 to this (default 12; below the number of training points)
     */
    public record Settings(Integer train, Integer validation, Double noise, @com.fasterxml.jackson.annotation.JsonProperty("max_degree") Integer maxDegree) {
        public static final Settings DEFAULT = new Settings(null, null, null, null);

        public Settings {
            if (train == null) train = TRAIN;
            dev.jgym.core.config.Check.size("train", train, 10_000);
            dev.jgym.core.config.Check.that(train >= 2, "train", "expected at least 2 points, found " + train);
            if (validation == null) validation = VALIDATION;
            dev.jgym.core.config.Check.size("validation", validation, 1_000_000);
            if (noise == null) noise = SIGMA;
            dev.jgym.core.config.Check.nonNegative("noise", noise);
            if (maxDegree == null) maxDegree = MAX_DEGREE;
            dev.jgym.core.config.Check.that(maxDegree >= 0 && maxDegree < train, "max_degree",
                    "expected an integer in [0, " + (train - 1) + "] (below the " + train + " training points), found " + maxDegree);
        }
    }

    /** Points of the noisy cubic. */
    public record Points(double[] x, double[] y) {}

    /** The data of one seed, and per degree 0..MAX_DEGREE the coefficients (lowest power first) and both errors. */
    public record Result(Points train, Points validation, double[][] coefficients, double[] trainMse, double[] validationMse) {}

    private PolynomialFits() {}

    public static double truth(double x) {
        return x * x * x - x;
    }

    /** n points of the noisy cubic: x evenly spaced over [−1, 1] when grid, else uniform there. */
    public static Points sample(Rng rng, int n, boolean grid, double sigma) {
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = grid ? -1 + 2.0 * i / (n - 1) : rng.uniform(-1, 1);
            y[i] = truth(x[i]) + rng.gaussian(0, sigma);
        }
        return new Points(x, y);
    }

    /** The default example (15 points, sigma 0.1, degrees 0-12) on one seed. */
    public static Result run(long seed) {
        return run(seed, Settings.DEFAULT);
    }

    public static Result run(long seed, Settings s) {
        Rng root = new Rng(seed);
        Points train = sample(root.child("train"), s.train(), true, s.noise()), validation = sample(root.child("validation"), s.validation(), false, s.noise());
        int max = s.maxDegree();
        double[][] c = new double[max + 1][];
        double[] tr = new double[max + 1], va = new double[max + 1];
        for (int d = 0; d <= max; d++) {
            c[d] = fit(train, d);
            tr[d] = mse(c[d], train);
            va[d] = mse(c[d], validation);
        }
        return new Result(train, validation, c, tr, va);
    }

    public static double eval(double[] c, double x) {
        double v = 0;
        for (int k = c.length - 1; k >= 0; k--) v = v * x + c[k];
        return v;
    }

    static double mse(double[] c, Points p) {
        double s = 0;
        for (int i = 0; i < p.x().length; i++) {
            double e = eval(c, p.x()[i]) - p.y()[i];
            s += e * e;
        }
        return s / p.x().length;
    }

    /**
     * The least-squares coefficients of a degree-d polynomial through the points: Householder QR
     * of the n x (d + 1) Vandermonde matrix A (A = QR), then R c = Q^T y by back substitution.
     */
    public static double[] fit(Points p, int degree) {
        int n = p.x().length, m = degree + 1;
        if (m > n) throw new IllegalArgumentException("degree " + degree + " needs at least " + m + " points, found " + n);
        double[][] a = new double[n][m];
        double[] b = p.y().clone();
        for (int i = 0; i < n; i++) {
            double v = 1;
            for (int k = 0; k < m; k++, v *= p.x()[i]) a[i][k] = v;
        }
        for (int k = 0; k < m; k++) {
            double norm = 0;
            for (int i = k; i < n; i++) norm += a[i][k] * a[i][k];
            norm = Math.sqrt(norm);
            double alpha = a[k][k] > 0 ? -norm : norm;
            double[] v = new double[n];
            for (int i = k; i < n; i++) v[i] = a[i][k];
            v[k] -= alpha;
            double vv = 0;
            for (int i = k; i < n; i++) vv += v[i] * v[i];
            if (vv == 0) continue;
            for (int j = k; j < m; j++) { // A := (I - 2 v v^T / v^T v) A
                double s = 0;
                for (int i = k; i < n; i++) s += v[i] * a[i][j];
                s = 2 * s / vv;
                for (int i = k; i < n; i++) a[i][j] -= s * v[i];
            }
            double s = 0; // b := (I - 2 v v^T / v^T v) b
            for (int i = k; i < n; i++) s += v[i] * b[i];
            s = 2 * s / vv;
            for (int i = k; i < n; i++) b[i] -= s * v[i];
        }
        double[] c = new double[m];
        for (int k = m - 1; k >= 0; k--) {
            double s = b[k];
            for (int j = k + 1; j < m; j++) s -= a[k][j] * c[j];
            c[k] = s / a[k][k];
        }
        return c;
    }

    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(620).height(460).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xe0e0e0));
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideN);
        return chart;
    }

    /** Left: training and validation MSE over the degree (log scale) beside the noise variance; right: the points and the fits of degree 1, 3 and the highest. */
    public static void writePng(Result r, double sigma, Path png) {
        int max = r.trainMse().length - 1;
        XYChart errors = chart("Noisy cubic, " + r.train().x().length + " training points: error by degree", "polynomial degree", "mean squared error");
        errors.getStyler().setYAxisLogarithmic(true);
        double[] degrees = new double[max + 1];
        for (int d = 0; d <= max; d++) degrees[d] = d;
        Charts.line(errors, "training", degrees, r.trainMse(), new Color(0x1f77b4), true);
        Charts.line(errors, "validation (" + r.validation().x().length + " points)", degrees, r.validationMse(), new Color(0xd62728), true);
        if (sigma > 0) Charts.line(errors, String.format(java.util.Locale.ROOT, "noise variance %.3g", sigma * sigma), new double[] {0, max}, new double[] {sigma * sigma, sigma * sigma}, Color.GRAY, false);

        int[] shown = java.util.stream.IntStream.of(1, 3, max).filter(d -> d <= max).distinct().toArray();
        XYChart fits = chart("Fits of degree " + java.util.Arrays.toString(shown).replaceAll("[\\[\\]]", ""), "x", "y");
        fits.getStyler().setYAxisMin(-1.0).setYAxisMax(1.0);
        int n = 401;
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) xs[i] = -1 + 2.0 * i / (n - 1);
        Charts.line(fits, "truth x^3 - x", xs, map(xs, PolynomialFits::truth), Color.GRAY, false);
        Color[] colours = {new Color(0x2ca02c), new Color(0x1f77b4), new Color(0xd62728)};
        for (int k = 0; k < shown.length; k++) {
            double[] c = r.coefficients()[shown[k]];
            double[] ys = map(xs, x -> Math.max(-2, Math.min(2, eval(c, x))));
            Charts.line(fits, "degree " + shown[k], xs, ys, colours[k % colours.length], false);
        }
        XYSeries pts = fits.addSeries("training points", r.train().x(), r.train().y());
        pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        pts.setMarker(SeriesMarkers.CIRCLE);
        pts.setMarkerColor(Color.BLACK);
        Charts.writePng(List.of(errors, fits), 2, png);
    }

    private static double[] map(double[] xs, java.util.function.DoubleUnaryOperator f) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) out[i] = f.applyAsDouble(xs[i]);
        return out;
    }
}
