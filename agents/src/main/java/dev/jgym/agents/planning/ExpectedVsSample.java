package dev.jgym.agents.planning;

import dev.jgym.core.config.Check;
import dev.jgym.core.rng.Rng;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Expected versus sample updates (Sutton &amp; Barto, 2nd ed., section 8.5, Figure 8.7): the
 * error in the estimate of q(s, a) after t computations of max_a' Q(s', a'), for b equally likely
 * next states whose values are known.
 *
 * <p>A run: draw the b next-state values v_1..v_b independently from N(0, 1); the true value is
 * their mean (the expected update computes it exactly with b computations); the estimate starts
 * 1 away from it (the book's initial error). A sample update with t-th step size 1/t draws one
 * next state uniformly and moves the estimate toward its value, so after t of them the estimate
 * is the mean of t draws with replacement: its expected squared error is the next-state values'
 * population variance over t, on average (b − 1) / (b t), the book's curve sqrt((b − 1) / (b t)).
 * The expected update's error stays 1 until its b computations are done, then is 0.
 *
 * <p>Randomness: run r for branching b draws from {@code Rng(seed).child("b" + b).child(r)}.
 */
public final class ExpectedVsSample {
    /**
     * @param branching the branching factors b [2, 10, 100, 1000, 10000]
     * @param runs runs averaged per b [2000]
     */
    public record Settings(List<Integer> branching, Integer runs) {
        public Settings {
            branching = branching == null ? List.of(2, 10, 100, 1000, 10_000) : PlanningConfig.sizes("branching", branching, 1_000_000);
            runs = runs == null ? 2000 : runs;
            Check.size("runs", runs, 1_000_000);
        }
    }

    /**
     * RMS errors over the runs for one b: {@code sample[t]} after t sample updates, t = 0..2b
     * ({@code sample[0]} = 1, the initial error).
     */
    public record Curve(int branching, double[] sample) {
        /** The expected update's error after t computations: 1 until all b are done. */
        public double expected(int t) {
            return t < branching ? 1 : 0;
        }

        /** The book's sample-update error, sqrt((b − 1) / (b t)), for t ≥ 1. */
        public double theory(int t) {
            return Math.sqrt((branching - 1.0) / ((double) branching * t));
        }
    }

    private ExpectedVsSample() {}

    /** The work of one b (sample updates), for progress bars. */
    static long work(Settings s) {
        long total = 0;
        for (int b : s.branching()) total += 2L * b * s.runs();
        return total;
    }

    public static Curve run(int b, int runs, Rng root, LongConsumer progress) {
        double[] squared = new double[2 * b + 1];
        double[] values = new double[b];
        for (int r = 0; r < runs; r++) {
            Rng rng = root.child("b" + b).child(r);
            double sum = 0;
            for (int k = 0; k < b; k++) {
                values[k] = rng.gaussian();
                sum += values[k];
            }
            double truth = sum / b;
            double q = truth + 1; // the initial estimate, off by 1
            squared[0] += 1;
            for (int t = 1; t <= 2 * b; t++) {
                q += (values[rng.nextInt(b)] - q) / t; // a sample update, step size 1/t
                double e = q - truth;
                squared[t] += e * e;
            }
            progress.accept(2L * b);
        }
        double[] rms = new double[2 * b + 1];
        for (int t = 0; t <= 2 * b; t++) rms[t] = Math.sqrt(squared[t] / runs);
        return new Curve(b, rms);
    }
}
