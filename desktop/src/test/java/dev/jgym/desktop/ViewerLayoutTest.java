package dev.jgym.desktop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.gdx.math.Rectangle;
import dev.jgym.core.scene.Annotations;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The viewer's geometry and labels, without a window. */
class ViewerLayoutTest {
    @Test
    @DisplayName("plot ticks fall on 1-2-5 steps (issue 18 saw 0, 34, 68...), at most the number asked for")
    void roundTicks() {
        assertEquals(List.of(0.0, 50.0, 100.0, 150.0), ViewerLayout.ticks(0, 170, 5));
        assertEquals(List.of(-100.0, -80.0, -60.0, -40.0, -20.0), ViewerLayout.ticks(-100, -13, 5));
        assertEquals(List.of(200.0, 400.0), ViewerLayout.ticks(1, 500, 4), "episode ticks");
        for (double[] r : new double[][] {{0, 1}, {-5000, -13}, {3, 7.2}, {0.001, 0.0173}, {1, 1e6}}) {
            List<Double> t = ViewerLayout.ticks(r[0], r[1], 5);
            assertTrue(t.size() >= 2 && t.size() <= 5, r[0] + ".." + r[1] + ": " + t);
            double step = t.get(1) - t.get(0), mantissa = step / Math.pow(10, Math.floor(Math.log10(step)));
            assertTrue(Math.abs(mantissa - 1) < 1e-9 || Math.abs(mantissa - 2) < 1e-9 || Math.abs(mantissa - 5) < 1e-9, r[0] + ".." + r[1] + ": " + t);
            for (double v : t) assertTrue(v >= r[0] - 1e-9 && v <= r[1] + 1e-9);
        }
        assertEquals("0.5", ViewerLayout.tick(0.5));
        assertEquals("100", ViewerLayout.tick(100));
        assertEquals("-20", ViewerLayout.tick(-20));
    }

    @Test
    @DisplayName("the rolling mean averages the last w returns (fewer at the start)")
    void rollingMean() {
        assertArrayEquals(new double[] {1, 1.5, 2.5, 3.5}, ViewerLayout.rollingMean(new double[] {1, 2, 3, 4}, 2), 1e-12);
        assertEquals(1, ViewerLayout.window(10));
        assertEquals(25, ViewerLayout.window(500));
        assertEquals(100, ViewerLayout.window(100_000));
    }

    @Test
    @DisplayName("the error banner stops left of the values panel, and spans the window without one")
    void bannerClearsPanel() {
        for (float[] size : new float[][] {{1280, 720}, {800, 600}, {1920, 1080}}) {
            Rectangle panel = ViewerLayout.panel(size[0], size[1]), banner = ViewerLayout.banner(size[0], size[1], true);
            assertFalse(banner.overlaps(panel), "banner " + banner + " overlaps panel " + panel);
            assertTrue(banner.x + banner.width <= panel.x);
            assertEquals(size[0] - 2 * ViewerApp.MARGIN, ViewerLayout.banner(size[0], size[1], false).width, 1e-3);
        }
    }

    @Test
    @DisplayName("value bars are labelled with the env's action names and numbers that tell 104.95 from 104.94")
    void barLabels() {
        PlayableEpisode e = new PlayableEpisode("t", List.of(), new Object[0], new double[0], new Annotations[0], null,
                List.of("push left", "push right"));
        assertEquals("push left", ViewerLayout.barName(e, 0));
        assertEquals("push right", ViewerLayout.barName(e, 1));
        assertEquals("2", ViewerLayout.barName(e, 2), "an unnamed action keeps its number");
        assertNotEquals(ViewerLayout.value(104.95), ViewerLayout.value(104.94));
        assertEquals("104.95", ViewerLayout.value(104.95));
        assertEquals("-3", ViewerLayout.value(-3));
    }

    @Test
    @DisplayName("no \"episode 1/1\" when nothing could be played")
    void noEpisodeCountWithoutReplays() {
        ViewerModel model = new ViewerModel();
        model.setEpisodes(List.of(PlayableEpisode.unreadable("a.jgr", "replay a.jgr: no such file")));
        String hud = String.join("\n", model.hud());
        assertFalse(hud.contains("episode 1/1"), hud);
        assertTrue(hud.startsWith("no replay to show: a.jgr"), hud);
    }
}
