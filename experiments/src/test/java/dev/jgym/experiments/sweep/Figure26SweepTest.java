package dev.jgym.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example sweep {@code configs/sweeps/bandit-figure-2.6.json} against Sutton & Barto (2nd ed.)
 * Figure 2.6 (average reward over the first 1000 steps, 2000 runs per point). The book's curves,
 * read off the figure: every method is an inverted U over its parameter (log scale); UCB peaks
 * highest (about 1.5, at c near 1), ε-greedy lowest (about 1.3, at ε near 1/16); gradient and
 * optimistic greedy peak in between (about 1.4-1.5). Tolerances: peaks within 0.1 of those readings.
 */
@Tag("learning")
class Figure26SweepTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("S&B Fig 2.6 shape: inverted U per method; UCB peak ~1.5 +- 0.1 highest, eps-greedy peak ~1.3 +- 0.1 lowest")
    void figure26Shape() {
        Map<String, List<Double>> curves = BookSweeps.curves("sweeps/bandit-figure-2.6.json", dir);
        Map<String, Double> peaks = new LinkedHashMap<>();
        curves.forEach((method, ys) -> {
            int best = 0;
            for (int i = 1; i < ys.size(); i++) if (ys.get(i) > ys.get(best)) best = i;
            assertTrue(best > 0 && best < ys.size() - 1, method + ": the best parameter should be inside the range: " + ys);
            peaks.put(method, ys.get(best));
        });
        System.out.println("Figure 2.6 sweep, average reward over steps 1-1000: " + curves);
        double ucb = peaks.get("UCB"), eps = peaks.get("ε-greedy");
        assertEquals(1.5, ucb, 0.1, "UCB peak");
        assertEquals(1.3, eps, 0.1, "ε-greedy peak");
        for (double p : peaks.values()) {
            assertTrue(p <= ucb && p >= eps, "peaks " + peaks);
        }
    }
}
