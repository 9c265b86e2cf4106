package dev.jgym.envs.bandit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.AnsiRenderer;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.scene.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BanditSceneTest {

    private static List<Shape.Rect> bars(Scene scene) {
        // the bars come first; the legend's swatches follow them
        List<Shape.Rect> rects = scene.shapes().stream().filter(s -> s instanceof Shape.Rect).map(s -> (Shape.Rect) s).toList();
        return rects.subList(0, rects.size() - 2);
    }

    @Test
    @DisplayName("one bar per arm from 0 to q*(a), the last pulled arm highlighted, arm numbers and a caption")
    void barsShowTheTrueValues() {
        double[] means = {1.0, -0.5, 2.0, 0.25};
        Env<Integer, Integer> env = EnvRegistry.make(GaussianBandit.ID, Map.of("means", means));
        env.reset(1L);
        double reward = env.step(2).reward();
        Scene scene = env.scene(Annotations.vector(Annotations.ACTION_VALUES, new double[] {0.8, 0.1, 1.5, 0}));
        List<Shape.Rect> bars = bars(scene);
        assertEquals(4, bars.size());
        for (int a = 0; a < 4; a++) {
            Shape.Rect bar = bars.get(a);
            assertEquals(Math.min(0, means[a]), bar.y(), 1e-12, "bar " + a + " bottom");
            assertEquals(Math.abs(means[a]), bar.height(), 1e-12, "bar " + a + " height");
            assertEquals(a == 2 ? BanditScene.LAST_PULLED : BanditScene.BAR, bar.fill());
        }
        List<String> texts = scene.shapes().stream().filter(s -> s instanceof Shape.Text).map(s -> ((Shape.Text) s).text()).toList();
        assertEquals(List.of("0", "1", "2", "3", "true mean", "last pulled", "agent's estimate"), texts, "arm numbers, then the legend");
        long markers = scene.shapes().stream().filter(s -> s instanceof Shape.Line l && l.color().equals(BanditScene.ESTIMATE)).count();
        assertEquals(4 + 1, markers, "one estimate marker per arm and the legend's");
        assertEquals(String.format(java.util.Locale.ROOT, "step 1, last arm 2, reward %.2f", reward), scene.caption());

        String picture = new AnsiRenderer(60).render(scene);
        System.out.println(picture);
        String plain = AnsiRenderer.strip(picture);
        assertTrue(plain.contains("0") && plain.contains("3"), "arm numbers are printed:\n" + plain);
    }

    @Test
    @DisplayName("every bandit draws k bars; before any pull the caption says so")
    void everyBanditHasKBars() {
        for (String id : List.of(GaussianBandit.ID, BernoulliBandit.ID, NonstationaryBandit.ID)) {
            Env<Integer, Integer> env = EnvRegistry.make(id, Map.of("k", 7));
            env.reset(0L);
            Scene scene = env.scene();
            assertEquals(7, bars(scene).size(), id);
            assertEquals("step 0, no pull yet", scene.caption(), id);
            new AnsiRenderer(60).render(scene);
        }
    }

    @Test
    @DisplayName("estimates of the wrong length are an error, not a silent mismatch")
    void wrongEstimateLength() {
        Env<Integer, Integer> env = EnvRegistry.make(BernoulliBandit.ID, Map.of("k", 3));
        env.reset(0L);
        assertThrows(IllegalArgumentException.class,
                () -> env.scene(Annotations.vector(Annotations.ACTION_VALUES, new double[] {1, 2})));
    }
}
