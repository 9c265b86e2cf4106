package dev.jgym.desktop;

import com.badlogic.gdx.math.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the viewer's parts go and what their labels say, without GL (tested on its own): the
 * values panel on the right, the error banner left of it, round plot ticks, the rolling mean of
 * the learning curve, and each value bar's label.
 */
final class ViewerLayout {
    private ViewerLayout() {}

    /** The values/curve panel: right of the scene, between the timeline and the HUD. */
    static Rectangle panel(float w, float h) {
        return new Rectangle(w - ViewerApp.PANEL_WIDTH - ViewerApp.MARGIN, ViewerApp.TIMELINE_HEIGHT + 2 * ViewerApp.MARGIN,
                ViewerApp.PANEL_WIDTH, h - ViewerApp.HUD_HEIGHT - ViewerApp.TIMELINE_HEIGHT - 3 * ViewerApp.MARGIN);
    }

    /** The red problem banner under the HUD; with a panel it stops short of it, so it never covers the values. */
    static Rectangle banner(float w, float h, boolean panel) {
        float right = panel ? panel(w, h).x - ViewerApp.MARGIN : w - ViewerApp.MARGIN;
        return new Rectangle(ViewerApp.MARGIN, h - ViewerApp.HUD_HEIGHT - ViewerApp.MARGIN - 28, right - ViewerApp.MARGIN, 28);
    }

    /**
     * Tick values on round numbers: steps of 1, 2 or 5 times a power of ten, at most {@code max}
     * ticks inside [lo, hi], the finest such step (after Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990).
     */
    static List<Double> ticks(double lo, double hi, int max) {
        if (!(hi > lo)) return List.of(lo);
        // the finest 1-2-5 step that needs no more than max ticks
        double step = Math.pow(10, Math.floor(Math.log10((hi - lo) / Math.max(1, max))));
        while (Math.floor(hi / step + 1e-9) - Math.ceil(lo / step - 1e-9) + 1 > max) step = niceStep(step * 1.01);
        List<Double> out = new ArrayList<>();
        for (double t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        return out;
    }

    /** The smallest of 1, 2, 5 times a power of ten that is at least {@code raw}. */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) if (m * p >= raw * (1 - 1e-12)) return m * p;
        return 10 * p;
    }

    /** A tick's text: no trailing zeros ({@code 0.5}, {@code 100}, {@code 2.5e+04} when large). */
    static String tick(double v) {
        if (Math.abs(v) >= 1e5) return String.format(Locale.ROOT, "%.2g", v);
        String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }

    /** The mean of the last {@code window} values at each point (fewer at the start). */
    static double[] rollingMean(double[] r, int window) {
        double[] out = new double[r.length];
        double sum = 0;
        for (int i = 0; i < r.length; i++) {
            sum += r[i];
            if (i >= window) sum -= r[i - window];
            out[i] = sum / Math.min(i + 1, window);
        }
        return out;
    }

    /** The rolling window for a curve of {@code n} episodes: about a twentieth of it, 1 to 100. */
    static int window(int n) {
        return Math.max(1, Math.min(100, n / 20));
    }

    /** A value bar's label: the action's name (or number), and the value as a number. */
    static String barName(PlayableEpisode e, int action) {
        return e == null ? Integer.toString(action) : e.actionName(action);
    }

    /** Q-values are told apart to the 4th significant digit after the largest: 104.95 and 104.94 read apart. */
    static String value(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) return Long.toString((long) v);
        if (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-3) return String.format(Locale.ROOT, "%.3e", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
