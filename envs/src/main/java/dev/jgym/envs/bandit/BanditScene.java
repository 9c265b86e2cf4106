package dev.jgym.envs.bandit;

import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.scene.Shape;
import dev.jgym.core.scene.Viewport;
import java.util.Locale;

/**
 * How every bandit looks: one bar per arm, in world units.
 *
 * <pre>
 *   y (reward units)
 *   ^        ▄▄                 bars: the true mean of each arm, from 0 up or down
 *   |  ▄▄    ██    ▄▄ ━━        (blue; the last pulled arm orange)
 *   |  ██ ━━ ██    ██           ━━ : the agent's estimate of the arm, when the annotations
 *   +--██----██-▀▀-██-----        carry {@link Annotations#ACTION_VALUES} (red)
 *       0  1  2  3  4           arm numbers under the lowest bar; a grey line at 0
 *   caption: "step 37, last arm 3, reward 1.21"; a legend along the top names the three marks
 * </pre>
 *
 * Arm slots are as wide as the picture is high times 1.6 over k, so the picture keeps a 1.6 : 1
 * shape whatever the scale of the means (a Bernoulli bandit's [0, 1] looks as tall as a testbed's
 * [-3, 3]).
 */
final class BanditScene {
    static final Color BAR = Color.BLUE;
    static final Color LAST_PULLED = Color.ORANGE;
    static final Color ESTIMATE = Color.RED;
    private static final double ASPECT = 1.6;

    private BanditScene() {}

    /**
     * @param means the true mean of each arm now
     * @param annotations the agent's view; its {@link Annotations#ACTION_VALUES}, when present, must
     *     have one value per arm
     * @param lastArm the arm pulled last, or -1 before the first pull of the episode
     * @param steps pulls so far in this episode
     * @param lastReward the reward of the last pull
     */
    static Scene draw(double[] means, Annotations annotations, int lastArm, long steps, double lastReward) {
        int k = means.length;
        double[] estimates = annotations == null ? null : annotations.get(Annotations.ACTION_VALUES);
        if (estimates != null && estimates.length != k) {
            throw new IllegalArgumentException("annotations." + Annotations.ACTION_VALUES + " has " + estimates.length
                    + " values, this bandit has " + k + " arms");
        }
        double lo = 0, hi = 0;
        for (double m : means) {
            lo = Math.min(lo, m);
            hi = Math.max(hi, m);
        }
        if (estimates != null) {
            for (double e : estimates) {
                if (Double.isFinite(e)) {
                    lo = Math.min(lo, e);
                    hi = Math.max(hi, e);
                }
            }
        }
        if (hi - lo < 1e-9) {
            lo -= 0.5;
            hi += 0.5;
        }
        double span = hi - lo;
        double labelBand = 0.15 * span, legendBand = 0.15 * span, bottom = lo - 0.05 * span - labelBand, top = hi + 0.1 * span + legendBand;
        double slot = ASPECT * (top - bottom) / k;
        Scene.Builder scene = Scene.builder(new Viewport(0, bottom, k * slot, top)).background(Color.WHITE);

        scene.line(0, 0, k * slot, 0, 0.005 * span, Color.GREY);
        int labelEvery = Math.max(1, (k + 29) / 30);
        for (int a = 0; a < k; a++) {
            double x = (a + 0.15) * slot, w = 0.7 * slot;
            scene.rect(x, Math.min(0, means[a]), w, Math.abs(means[a]), a == lastArm ? LAST_PULLED : BAR);
            if (a % labelEvery == 0) {
                scene.text((a + 0.5) * slot, lo - 0.05 * span - labelBand / 2, Integer.toString(a), 0.6 * labelBand,
                        a == lastArm ? LAST_PULLED : Color.BLACK, Shape.Anchor.CENTER);
            }
        }
        if (estimates != null) {
            for (int a = 0; a < k; a++) {
                if (Double.isFinite(estimates[a])) {
                    scene.line(a * slot + 0.05 * slot, estimates[a], (a + 0.95) * slot, estimates[a], 0.02 * span, ESTIMATE);
                }
            }
        }
        legend(scene, k * slot, top - legendBand / 2, legendBand, estimates != null);
        return scene.caption(caption(lastArm, steps, lastReward)).build();
    }

    /** The key along the top: a swatch and a word for the bars, the last pulled arm and, when drawn, the estimates. */
    private static void legend(Scene.Builder scene, double width, double y, double band, boolean estimates) {
        double swatch = Math.min(0.05 * width, 0.8 * band), text = 0.45 * band;
        String[] words = estimates ? new String[] {"true mean", "last pulled", "agent's estimate"} : new String[] {"true mean", "last pulled"};
        Color[] colors = {BAR, LAST_PULLED, ESTIMATE};
        for (int i = 0; i < words.length; i++) {
            double x = 0.02 * width + i * width / 3;
            if (colors[i] == ESTIMATE) scene.line(x, y, x + swatch, y, 0.15 * band, ESTIMATE);
            else scene.rect(x, y - 0.25 * band, swatch, 0.5 * band, colors[i]);
            scene.text(x + swatch * 1.3, y, words[i], text, Color.BLACK, Shape.Anchor.LEFT);
        }
    }

    static String caption(int lastArm, long steps, double lastReward) {
        if (lastArm < 0) return "step " + steps + ", no pull yet";
        return String.format(Locale.ROOT, "step %d, last arm %d, reward %.2f", steps, lastArm, lastReward);
    }
}
