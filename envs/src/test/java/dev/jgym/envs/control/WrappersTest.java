package dev.jgym.envs.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.Json;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvChecker;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.env.Wrapper;
import dev.jgym.core.env.wrappers.ActionRepeat;
import dev.jgym.core.env.wrappers.ClipReward;
import dev.jgym.core.env.wrappers.FrameStack;
import dev.jgym.core.env.wrappers.MaskObservation;
import dev.jgym.core.env.wrappers.NormalizeObservation;
import dev.jgym.core.env.wrappers.NormalizeReward;
import dev.jgym.core.env.wrappers.PixelObservation;
import dev.jgym.core.env.wrappers.RunningMeanStd;
import dev.jgym.core.env.wrappers.StickyActions;
import dev.jgym.core.space.Box;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The standard wrappers, on the classic-control envs. */
class WrappersTest {

    static Env<float[], Integer> cartPole() {
        return EnvRegistry.make("CartPole-v1");
    }

    @Test
    @DisplayName("every wrapper keeps the Env contract (EnvChecker) around CartPole-v1 / Pendulum-v1")
    void wrappersPassChecker() {
        assertEquals(List.of(), EnvChecker.check(() -> new FrameStack<>(cartPole(), 4)));
        assertEquals(List.of(), EnvChecker.check(() -> {
            // learning statistics make two resets with one seed differ on purpose: check it frozen
            NormalizeObservation<Integer> frozen = new NormalizeObservation<>(cartPole());
            frozen.setUpdating(false);
            return frozen;
        }));
        assertEquals(List.of(), EnvChecker.check(() -> new NormalizeReward<>(cartPole())));
        assertEquals(List.of(), EnvChecker.check(() -> new ClipReward<>(EnvRegistry.<float[], float[]>make("Pendulum-v1"), -1, 0)));
        assertEquals(List.of(), EnvChecker.check(() -> MaskObservation.hide(cartPole(), 1, 3)));
        assertEquals(List.of(), EnvChecker.check(() -> new StickyActions<>(cartPole(), 0.25)));
        assertEquals(List.of(), EnvChecker.check(() -> new ActionRepeat<>(cartPole(), 4)));
        assertEquals(List.of(), EnvChecker.check(() -> new PixelObservation<>(cartPole(), 48, 32, true)));
    }

    @Test
    @DisplayName("FrameStack(4): shape [4, 4], padded with the reset observation (or zeros), oldest first")
    void frameStack() {
        FrameStack<Integer> env = new FrameStack<>(cartPole(), 4);
        assertArrayEquals(new int[] {4, 4}, env.observationSpace().shape());
        float[] first = env.reset(1L, Map.of()).observation();
        float[] inner0 = Arrays.copyOfRange(first, 12, 16);
        for (int i = 0; i < 4; i++) assertArrayEquals(inner0, Arrays.copyOfRange(first, 4 * i, 4 * i + 4), 0f);
        float[] after = env.step(1).observation();
        assertArrayEquals(Arrays.copyOfRange(first, 4, 16), Arrays.copyOfRange(after, 0, 12), 0f);
        Env<float[], Integer> plain = cartPole();
        plain.reset(1L, Map.of());
        assertArrayEquals(plain.step(1).observation(), Arrays.copyOfRange(after, 12, 16), 0f);

        FrameStack<Integer> zero = new FrameStack<>(cartPole(), 3, FrameStack.Padding.ZERO);
        float[] z = zero.reset(1L, Map.of()).observation();
        assertArrayEquals(new float[8], Arrays.copyOfRange(z, 0, 8), 0f);
        assertArrayEquals(inner0, Arrays.copyOfRange(z, 8, 12), 0f);
    }

    @Test
    @DisplayName("NormalizeObservation: Gymnasium's RunningMeanStd update (count starts at 1e-4); statistics survive a JSON save and restore")
    void normalizeObservation() throws Exception {
        NormalizeObservation<Integer> env = new NormalizeObservation<>(cartPole());
        List<float[]> seen = new ArrayList<>();
        Env<float[], Integer> raw = cartPole();
        seen.add(raw.reset(2L, Map.of()).observation());
        env.reset(2L, Map.of());
        for (int t = 0; t < 300; t++) {
            int a = t % 3 == 0 ? 0 : 1;
            Step<float[]> s = raw.step(a);
            env.step(a);
            seen.add(s.observation());
            if (s.done()) {
                seen.add(raw.reset().observation());
                env.reset();
            }
        }
        // the same statistics computed the textbook way: with a prior of count 1e-4 at mean 0, var 1
        RunningMeanStd.State st = env.statistics();
        double n = seen.size(), c0 = 1e-4;
        for (int i = 0; i < 4; i++) {
            double sum = 0;
            for (float[] x : seen) sum += x[i];
            double mean = sum / (n + c0);
            double m2 = c0 * 1.0 + c0 * mean * mean;
            for (float[] x : seen) m2 += (x[i] - mean) * (x[i] - mean);
            assertEquals(mean, st.mean()[i], 1e-9, "mean " + i);
            assertEquals(m2 / (n + c0), st.var()[i], 1e-9, "var " + i);
        }
        assertEquals(n + c0, st.count(), 1e-9);

        String json = Json.MAPPER.writeValueAsString(st);
        RunningMeanStd.State back = Json.MAPPER.readValue(json, RunningMeanStd.State.class);
        NormalizeObservation<Integer> a = new NormalizeObservation<>(cartPole()), b = new NormalizeObservation<>(cartPole());
        a.restoreStatistics(st);
        b.restoreStatistics(back);
        a.setUpdating(false);
        b.setUpdating(false);
        assertArrayEquals(a.reset(5L, Map.of()).observation(), b.reset(5L, Map.of()).observation(), 0f);
        float[] x = a.step(0).observation();
        assertArrayEquals(x, b.step(0).observation(), 0f);
        assertEquals(st.count(), a.statistics().count(), "frozen statistics do not move");
    }

    @Test
    @DisplayName("NormalizeReward: r / sqrt(var(G) + 1e-8) with G = 0.99 G (1 - terminated) + r, as Gymnasium")
    void normalizeReward() {
        NormalizeReward<float[], Integer> env = new NormalizeReward<>(cartPole());
        env.reset(3L, Map.of());
        RunningMeanStd expected = new RunningMeanStd(1);
        double g = 0;
        for (int t = 0; t < 50; t++) {
            Step<float[]> s = env.step(t % 2);
            g = g * 0.99 * (s.terminated() ? 0 : 1) + 1.0;
            expected.update(g);
            assertEquals(1.0 / Math.sqrt(expected.var(0) + 1e-8), s.reward(), 1e-12, "step " + t);
            if (s.done()) env.reset();
        }
        NormalizeReward<float[], Integer> restored = new NormalizeReward<>(cartPole());
        restored.restoreStatistics(env.statistics());
        assertEquals(env.statistics().var()[0], restored.statistics().var()[0]);
    }

    @Test
    @DisplayName("ClipReward: Pendulum rewards (down to -16.3) clipped into [-1, 0]")
    void clipReward() {
        ClipReward<float[], float[]> env = new ClipReward<>(EnvRegistry.make("Pendulum-v1"), -1, 0);
        env.reset(0L, Map.of());
        boolean clipped = false;
        for (int t = 0; t < 50; t++) {
            double r = env.step(new float[] {0f}).reward();
            assertTrue(r >= -1 && r <= 0);
            clipped |= r == -1;
        }
        assertTrue(clipped);
    }

    @Test
    @DisplayName("MaskObservation: CartPole without velocities sees [x, theta] only, a Box(2) with the same bounds")
    void cartPoleWithoutVelocities() {
        MaskObservation<Integer> env = MaskObservation.hide(cartPole(), 1, 3);
        Box box = (Box) env.observationSpace();
        assertArrayEquals(new float[] {-4.8f, (float) (-24 * Math.PI / 180)}, box.low(), 1e-6f);
        Env<float[], Integer> full = cartPole();
        float[] f = full.reset(4L, Map.of()).observation();
        float[] m = env.reset(4L, Map.of()).observation();
        assertArrayEquals(new float[] {f[0], f[2]}, m, 0f);
        f = full.step(1).observation();
        assertArrayEquals(new float[] {f[0], f[2]}, env.step(1).observation(), 0f);
    }

    /** Records the actions that reach the env. */
    static final class Recorder extends Wrapper<float[], Integer> {
        final List<Integer> actions = new ArrayList<>();

        Recorder(Env<float[], Integer> env) {
            super(env);
        }

        @Override
        public Step<float[]> step(Integer action) {
            actions.add(action);
            return env.step(action);
        }
    }

    /** Plays 10,000 steps always asking for the action the env did not get last; returns the actions it got. */
    private static List<Integer> playAgainstTheGrain(StickyActions<float[], Integer> env, Recorder rec, long seed, int[] sticky) {
        rec.actions.clear();
        env.reset(seed, Map.of());
        Integer lastTaken = null;
        for (int t = 0; t < 10_000; t++) {
            int ask = lastTaken == null ? 0 : 1 - lastTaken;
            Step<float[]> s = env.step(ask);
            int taken = rec.actions.get(rec.actions.size() - 1);
            if (taken != ask) sticky[0]++;
            if (lastTaken != null) sticky[1]++;
            lastTaken = taken;
            if (s.done()) {
                env.reset();
                lastTaken = null;
            }
        }
        return new ArrayList<>(rec.actions);
    }

    @Test
    @DisplayName("StickyActions(p = 0.25): the previous action replaces a different new one 25% of the time (10,000 steps, +-2%), never on an episode's first step, reproducibly")
    void stickyActions() {
        Recorder rec = new Recorder(cartPole());
        StickyActions<float[], Integer> env = new StickyActions<>(rec, 0.25);
        int[] counts = new int[2];
        List<Integer> first = playAgainstTheGrain(env, rec, 7L, counts);
        assertEquals(0.25, counts[0] / (double) counts[1], 0.02);
        assertEquals(first, playAgainstTheGrain(env, rec, 7L, new int[2]), "same seed, same sticky steps");
        assertNotEquals(first, playAgainstTheGrain(env, rec, 8L, new int[2]));
    }

    @Test
    @DisplayName("ActionRepeat(3): one step is three inner steps with their rewards summed; it stops at the episode's end")
    void actionRepeat() {
        Recorder rec = new Recorder(cartPole());
        ActionRepeat<float[], Integer> env = new ActionRepeat<>(rec, 3);
        env.reset(0L, Map.of());
        ((CartPole) rec.unwrapped()).setState(new double[4]);
        assertEquals(3.0, env.step(1).reward());
        assertEquals(3.0, env.step(1).reward());
        Step<float[]> s = env.step(1); // steps 7, 8, 9: the pole falls at 9
        assertEquals(3.0, s.reward());
        assertTrue(s.terminated());
        assertEquals(9, rec.actions.size());
    }

    @Test
    @DisplayName("PixelObservation: CartPole as 60x40 RGB and grayscale from its scene; the black cart is there and moves")
    void pixelObservation() {
        PixelObservation<Integer> rgb = new PixelObservation<>(cartPole(), 60, 40, false);
        assertArrayEquals(new int[] {40, 60, 3}, rgb.observationSpace().shape());
        float[] p = rgb.reset(0L, Map.of()).observation();
        assertEquals(60 * 40 * 3, p.length);
        assertTrue(rgb.observationSpace().contains(p));
        int black = 0;
        for (int i = 0; i < p.length; i += 3) if (p[i] == 0 && p[i + 1] == 0 && p[i + 2] == 0) black++;
        assertTrue(black > 10, "cart and track pixels: " + black);
        PixelObservation<Integer> gray = new PixelObservation<>(cartPole(), 60, 40, true);
        float[] g0 = gray.reset(0L, Map.of()).observation();
        assertEquals(60 * 40, g0.length);
        assertEquals(255f, g0[0], "white background");
        float[] g1 = g0;
        for (int t = 0; t < 8; t++) g1 = gray.step(1).observation();
        assertNotEquals(Arrays.hashCode(g0), Arrays.hashCode(g1));
        assertFalse(Arrays.equals(g0, g1));
    }
}
