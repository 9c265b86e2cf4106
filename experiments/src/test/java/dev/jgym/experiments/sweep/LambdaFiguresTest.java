package dev.jgym.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.experiments.Configs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chapter 12 sweeps {@code configs/book/random-walk-figure-12.*.json} against Sutton &amp; Barto
 * (2nd ed.) Figures 12.3, 12.6 and 12.8: the 19-state random walk (−1 and +1 at the ends, V0 = 0),
 * the RMS error over the 19 states averaged over the first 10 episodes and 100 runs, against α,
 * one curve per λ in {0, .4, .8, .9, .95, .975, .99, 1}.
 *
 * <p>The book's curves, read off the figures (y axis 0.25-0.55): every curve is a U over α; the
 * lowest bottoms out just above 0.25 at an intermediate λ (0.4-0.9); one-step TD (λ = 0) is clearly
 * worse, and λ = 1 (Monte Carlo) never goes below about 0.48. Section 12.2: TD(λ) approximates the
 * off-line λ-return well at small α but is worse at large α (its curves for large λ leave the plot);
 * section 12.5: true online TD(λ) is the on-line λ-return, which is at least as good as the
 * off-line one everywhere on the figure. The last two are checked point by point against the
 * off-line λ-return's sweep (shared α values), with margins 0.1 and 0.005.
 */
@Tag("learning")
class LambdaFiguresTest {
    @TempDir
    static Path dir;

    static final double[] LAMBDAS = {0, 0.4, 0.8, 0.9, 0.95, 0.975, 0.99, 1};

    /** Each sweep's curves: λ → (α → mean RMS error), kept for the comparisons across figures. */
    private static final Map<String, Map<Double, Map<Double, Double>>> SWEEPS = new LinkedHashMap<>();

    private Map<Double, Map<Double, Double>> sweep(String config) {
        return SWEEPS.computeIfAbsent(config, c -> {
            Path file = Configs.path("book/" + c);
            SweepPlan plan = SweepPlan.read(file);
            Sweep.Result r = Sweep.run(plan, file, dir.resolve(c), new LocalSweepRunner(Runtime.getRuntime().availableProcessors()), o -> { });
            assertEquals(0, r.failed());
            Map<Double, Map<Double, Double>> curves = new LinkedHashMap<>();
            for (SweepTable.Row row : SweepTable.rows(plan, r.summaries())) {
                double lambda = Double.parseDouble(row.agent().substring("λ = ".length()));
                double alpha = row.setting().value("$.agents[0].settings.alpha").doubleValue();
                curves.computeIfAbsent(lambda, k -> new LinkedHashMap<>()).put(alpha, row.mean());
            }
            System.out.println(c + ", RMS error over the first 10 episodes, lambda -> alpha -> error: " + curves);
            assertEquals(LAMBDAS.length, curves.size());
            return curves;
        });
    }

    /** The shape every one of the three figures has. */
    private static void holdsTheFigure(Map<Double, Map<Double, Double>> curves) {
        Map<Double, Double> minima = new LinkedHashMap<>();
        curves.forEach((lambda, ys) -> minima.put(lambda, Collections.min(ys.values())));
        double best = Collections.min(minima.values());
        assertTrue(best > 0.24 && best < 0.30, "the lowest error is just above 0.25: " + minima);
        double bestLambda = minima.entrySet().stream().filter(e -> e.getValue() == best).findFirst().orElseThrow().getKey();
        assertTrue(bestLambda >= 0.4 && bestLambda <= 0.9, "an intermediate lambda is best: " + minima);
        assertTrue(minima.get(0.0) > best + 0.05, "lambda 0 (one-step TD) is clearly worse: " + minima);
        assertTrue(minima.get(1.0) > 0.47, "lambda 1 (Monte Carlo) stays near 0.5: " + minima);
        curves.forEach((lambda, ys) -> {
            List<Double> y = new ArrayList<>(ys.values());
            int at = y.indexOf(Collections.min(y));
            for (int i = 1; i < y.size(); i++) {
                assertTrue(i <= at ? y.get(i) <= y.get(i - 1) + 0.005 : y.get(i) >= y.get(i - 1) - 0.005, "lambda " + lambda + " is a U: " + y);
            }
        });
    }

    static final String OFFLINE = "random-walk-figure-12.3-offline-lambda-return.json";

    @Test
    @DisplayName("S&B Fig 12.3 off-line lambda-return (100 runs): every curve a U, best just above 0.25 at an intermediate lambda, lambda 0 worse by > 0.05, lambda 1 above 0.47")
    void figure12_3() {
        holdsTheFigure(sweep(OFFLINE));
    }

    @Test
    @DisplayName("S&B Fig 12.6 TD(lambda), accumulating traces (100 runs): the same shape; at lambda 0.8, 0.9, 0.95 and the largest alpha, worse than the off-line lambda-return by > 0.1")
    void figure12_6() {
        Map<Double, Map<Double, Double>> td = sweep("random-walk-figure-12.6-td-lambda.json"), offline = sweep(OFFLINE);
        holdsTheFigure(td);
        for (double lambda : new double[] {0.8, 0.9, 0.95}) {
            double alpha = Collections.max(td.get(lambda).keySet());
            Double off = offline.get(lambda).get(alpha);
            assertTrue(off != null && td.get(lambda).get(alpha) > off + 0.1,
                    "lambda " + lambda + ", alpha " + alpha + ": TD(lambda) " + td.get(lambda).get(alpha) + " vs off-line " + off);
        }
    }

    @Test
    @DisplayName("S&B Fig 12.8 true online TD(lambda) (100 runs): the same shape; at every lambda and alpha both figures have, no worse than the off-line lambda-return (+0.005)")
    void figure12_8() {
        Map<Double, Map<Double, Double>> online = sweep("random-walk-figure-12.8-true-online-td-lambda.json"), offline = sweep(OFFLINE);
        holdsTheFigure(online);
        int compared = 0;
        for (double lambda : LAMBDAS) {
            for (Map.Entry<Double, Double> e : online.get(lambda).entrySet()) {
                Double off = offline.get(lambda).get(e.getKey());
                if (off == null) continue;
                compared++;
                assertTrue(e.getValue() <= off + 0.005, "lambda " + lambda + ", alpha " + e.getKey() + ": true online " + e.getValue() + " vs off-line " + off);
            }
        }
        assertTrue(compared >= 60, "points compared: " + compared);
    }
}
