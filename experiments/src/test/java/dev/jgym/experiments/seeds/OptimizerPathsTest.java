package dev.jgym.experiments.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.config.Json;
import dev.jgym.experiments.Configs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The optimizer picture of "Deep Learning from Scratch" (section 6.1.7): f(x, y) = x²/20 + y² from
 * (−7, 2), gradient (x/10, 2y) = (−0.7, 4) at the start. The first steps below are worked by hand
 * from each optimizer's update rule; the iterates are float32, so the tolerance is 1e-5.
 */
class OptimizerPathsTest {
    static final double TOL = 1e-5;

    /** The paths of the shipped config, configs/seeds/optimizer-paths.json. */
    static List<OptimizerPaths.PathXY> shipped() {
        Path file = Configs.path("seeds/optimizer-paths.json");
        ObjectNode seeds = (ObjectNode) Json.readTree(file).get("seeds").deepCopy();
        seeds.remove("example");
        return OptimizerPaths.paths(Json.bind(seeds, OptimizerPaths.Settings.class, file.toString(), "$.seeds"));
    }

    static OptimizerPaths.PathXY path(String type) {
        return shipped().stream().filter(p -> p.optimizer().type().equals(type)).findFirst().orElseThrow();
    }

    static void assertPoint(OptimizerPaths.PathXY p, int t, double x, double y) {
        assertEquals(x, p.x()[t], TOL, p.label() + " x" + t);
        assertEquals(y, p.y()[t], TOL, p.label() + " y" + t);
    }

    @Test
    @DisplayName("SGD lr 0.95: (x, y) -= 0.95 (x/10, 2y): (-6.335, -1.8), then (-5.733175, 1.62) (y flips sign each step: 1 - 1.9 = -0.9)")
    void sgd() {
        OptimizerPaths.PathXY p = path("sgd");
        assertPoint(p, 0, -7, 2);
        assertPoint(p, 1, -7 + 0.95 * 0.7, 2 - 0.95 * 4);
        assertPoint(p, 2, -6.335 * (1 - 0.095), -1.8 * (1 - 1.9));
    }

    @Test
    @DisplayName("Momentum lr 0.1, 0.9: v = 0.9 v + g, (x, y) -= 0.1 v: (-6.93, 1.6), then v = (-1.323, 6.8) and (-6.7977, 0.92)")
    void momentum() {
        OptimizerPaths.PathXY p = path("momentum");
        assertPoint(p, 1, -6.93, 1.6);
        // g1 = (-0.693, 3.2), v = 0.9 (-0.7, 4) + g1 = (-1.323, 6.8)
        assertPoint(p, 2, -6.93 + 0.1323, 1.6 - 0.68);
    }

    @Test
    @DisplayName("RMSProp lr 0.1, alpha 0.99: s = 0.01 g², step 0.1 g / sqrt(s) = 1 along each axis: (-6, 1); then s = 0.99 s + 0.01 g², (-5.347325, 0.550987)")
    void rmsProp() {
        OptimizerPaths.PathXY p = path("rmsprop");
        assertPoint(p, 1, -6, 1);
        double gx = -0.6, gy = 2, sx = 0.99 * 0.01 * 0.49 + 0.01 * gx * gx, sy = 0.99 * 0.01 * 16 + 0.01 * gy * gy;
        assertPoint(p, 2, -6 - 0.1 * gx / Math.sqrt(sx), 1 - 0.1 * gy / Math.sqrt(sy));
        assertPoint(p, 2, -5.347325, 0.550987);
    }

    @Test
    @DisplayName("Adam lr 0.3: the first bias-corrected step is lr sign(g) on each axis: (-6.7, 1.7); the second (-6.400414, 1.402245), from m, v and their corrections")
    void adam() {
        OptimizerPaths.PathXY p = path("adam");
        assertPoint(p, 1, -6.7, 1.7);
        double[] g1 = {-0.7, 4}, g2 = {-0.67, 3.4}, start = {-6.7, 1.7};
        for (int i = 0; i < 2; i++) {
            double m = 0.9 * 0.1 * g1[i] + 0.1 * g2[i], v = 0.999 * 0.001 * g1[i] * g1[i] + 0.001 * g2[i] * g2[i];
            double mhat = m / (1 - 0.81), vhat = v / (1 - 0.999 * 0.999);
            double expected = start[i] - 0.3 * mhat / (Math.sqrt(vhat) + 1e-8);
            assertEquals(expected, i == 0 ? p.x()[2] : p.y()[2], TOL, "Adam step 2, coordinate " + i);
        }
        assertPoint(p, 2, -6.400414, 1.402245);
    }

    @Test
    @DisplayName("after 30 steps every optimizer is closer to the minimum than the start (f(-7, 2) = 6.45), and the PNG is written")
    void figure() throws Exception {
        List<OptimizerPaths.PathXY> paths = shipped();
        assertEquals(4, paths.size());
        for (int i = 0; i < 4; i++) assertEquals(OptimizerPaths.FIGURE.get(i), paths.get(i).optimizer(), "the shipped config is the figure's");
        for (OptimizerPaths.PathXY p : paths) {
            assertEquals(OptimizerPaths.STEPS + 1, p.x().length);
            double end = OptimizerPaths.f(p.x()[OptimizerPaths.STEPS], p.y()[OptimizerPaths.STEPS]);
            System.out.printf("%s: end (%.4f, %.4f), f = %.5f%n", p.label(), p.x()[OptimizerPaths.STEPS], p.y()[OptimizerPaths.STEPS], end);
            assertTrue(end < 0.1 * OptimizerPaths.f(-7, 2), p.label() + " ends at f = " + end);
        }
        Path png = Path.of("target", "optimizer-paths.png");
        Files.createDirectories(png.getParent());
        OptimizerPaths.writePng(paths, png);
        assertTrue(Files.size(png) > 10_000);
    }
}
