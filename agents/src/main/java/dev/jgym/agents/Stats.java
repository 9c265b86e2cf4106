package dev.jgym.agents;

/** Summary statistics in a fixed summation order (so results are bit-reproducible). */
public final class Stats {
    private Stats() {}

    public static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) s += x;
        return s / xs.length;
    }

    /** Sample standard deviation (n - 1); 0 for fewer than two values. */
    public static double stddev(double[] xs) {
        if (xs.length < 2) return 0;
        double m = mean(xs), s = 0;
        for (double x : xs) s += (x - m) * (x - m);
        return Math.sqrt(s / (xs.length - 1));
    }

    /** Half-width of the normal-approximation 95% confidence interval of the mean. */
    public static double ci95(double[] xs) {
        return xs.length < 2 ? 0 : 1.959963984540054 * stddev(xs) / Math.sqrt(xs.length);
    }
}
