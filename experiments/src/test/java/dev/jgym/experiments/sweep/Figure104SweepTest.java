package dev.jgym.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code configs/book/mountain-car-figure-10.4.json} against Sutton &amp; Barto (2nd ed.) Figure 10.4:
 * n-step semi-gradient SARSA on Mountain Car, the steps per episode averaged over the first 50
 * episodes (10 runs; the book 100) against α, one curve per n = 1, 2, 4, 8, 16. The book's picture
 * (y axis 220-300): an intermediate n is best (its lowest points, n = 4 and 8, reach about 220); the
 * larger n, the smaller the best α and the sooner the curve turns up (n = 16 rises steeply past
 * α x 8 = 0.4), while n = 1 needs the largest α and stays above the best. The margins are several
 * times the 10-run standard error of a point (about 5 steps).
 */
@Tag("learning")
class Figure104SweepTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("S&B Fig 10.4 (10 runs, first 50 episodes): lowest point n = 4 or 8, below 225; n = 1's best 5+ steps above it, at alpha x 8 >= 1; n = 16 best at alpha x 8 <= 0.4 and 40+ steps worse at 0.7; n = 8 40+ worse at 1.0")
    void figure104() {
        Map<String, Map<Double, Double>> curves = new LinkedHashMap<>(); // n -> (alpha x 8 -> steps)
        for (SweepTable.Row row : BookSweeps.rows("book/mountain-car-figure-10.4.json", dir)) {
            double alpha8 = Math.round(row.setting().value("$.agents[0].settings.alpha").doubleValue() * 80) / 10.0;
            curves.computeIfAbsent(row.agent(), k -> new LinkedHashMap<>()).put(alpha8, row.mean());
        }
        System.out.println("Figure 10.4 sweep, steps per episode over episodes 1-50, n -> alpha x 8 -> steps: " + curves);
        Map<String, Double> minima = new LinkedHashMap<>();
        curves.forEach((n, ys) -> minima.put(n, Collections.min(ys.values())));
        double best = Collections.min(minima.values());
        String bestN = minima.entrySet().stream().filter(e -> e.getValue() == best).findFirst().orElseThrow().getKey();
        assertTrue(bestN.equals("n = 4") || bestN.equals("n = 8"), "an intermediate n is lowest: " + minima);
        assertTrue(best < 225, "the lowest point: " + best);
        assertTrue(minima.get("n = 1") > best + 5, "n = 1 stays above the best: " + minima);
        assertTrue(argmin(curves.get("n = 1")) >= 1.0, "n = 1 needs a large alpha: " + curves.get("n = 1"));
        assertTrue(argmin(curves.get("n = 16")) <= 0.4, "n = 16 needs a small alpha: " + curves.get("n = 16"));
        assertTrue(curves.get("n = 16").get(0.7) > minima.get("n = 16") + 40, "n = 16 turns up steeply: " + curves.get("n = 16"));
        assertTrue(curves.get("n = 8").get(1.0) > minima.get("n = 8") + 40, "n = 8 turns up at alpha x 8 = 1: " + curves.get("n = 8"));
        curves.values().forEach(ys -> ys.values().forEach(y -> assertTrue(y > 200 && y < 330, "on the book's scale: " + ys)));
    }

    private static double argmin(Map<Double, Double> ys) {
        double min = Collections.min(ys.values());
        return ys.entrySet().stream().filter(e -> e.getValue() == min).findFirst().orElseThrow().getKey();
    }
}
