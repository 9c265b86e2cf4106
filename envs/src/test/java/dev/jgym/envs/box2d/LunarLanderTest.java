package dev.jgym.envs.box2d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvChecker;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.scene.SceneRaster;
import dev.jgym.core.vector.AutoresetMode;
import dev.jgym.core.vector.SyncVectorEnv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** LunarLander-v3: Gymnasium's lunar_lander.py on libgdx's Box2D. */
class LunarLanderTest {

    @SuppressWarnings("unchecked")
    static Env<float[], Object> make(Map<String, ?> options) {
        return (Env<float[], Object>) (Env<?, ?>) EnvRegistry.make("LunarLander-v3", options);
    }

    /** Return, length and terminated (1/0) of one heuristic episode from {@code reset(seed)}. */
    static double[] heuristicEpisode(Env<float[], Object> env, long seed) {
        LunarLanderHeuristic agent = LunarLanderHeuristic.forActionSpace(env.actionSpace());
        float[] s = env.reset(seed).observation();
        double total = 0;
        int steps = 0;
        while (true) {
            Step<float[]> st = env.step(agent.act(s));
            total += st.reward();
            steps++;
            s = st.observation();
            if (st.done()) return new double[] {total, steps, st.terminated() ? 1 : 0};
        }
    }

    @ParameterizedTest(name = "continuous {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("Gymnasium's heuristic lands: mean return over seeds 0-99 >= 200 (the spec's reward threshold, issue 20)")
    void heuristicLands(boolean continuous) {
        try (Env<float[], Object> env = make(Map.of("continuous", continuous))) {
            double sum = 0, min = Double.POSITIVE_INFINITY, steps = 0;
            int solved = 0;
            long t0 = System.nanoTime();
            for (long seed = 0; seed < 100; seed++) {
                double[] r = heuristicEpisode(env, seed);
                sum += r[0];
                steps += r[1];
                min = Math.min(min, r[0]);
                if (r[0] >= 200) solved++;
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "LunarLander-v3 continuous=%s heuristic: mean %.2f, min %.2f, %d/100 >= 200, %.0f steps, %.0f steps/s%n",
                    continuous, sum / 100, min, solved, steps, steps / secs);
            assertTrue(sum / 100 >= 200, "mean return " + sum / 100);
        }
    }

    static List<Map<String, Object>> optionSets() {
        return List.of(
                Map.of(),
                Map.of("continuous", true),
                Map.of("enable_wind", true),
                Map.of("continuous", true, "enable_wind", true, "wind_power", 20.0, "turbulence_power", 2.0),
                Map.of("gravity", -1.5, "enable_wind", true, "wind_power", 0.0, "turbulence_power", 0.0),
                Map.of("continuous", true, "gravity", -11.99));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optionSets")
    @DisplayName("EnvChecker finds no problem on every option set")
    void checkerPasses(Map<String, Object> options) {
        assertEquals(List.of(), EnvChecker.check(() -> EnvRegistry.make("LunarLander-v3", options)));
    }

    @Test
    @DisplayName("bad options are refused with one line naming the option (Gymnasium's gravity assert, wind ranges)")
    void badOptionsRefused() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("gravity", -12.0), Map.of("gravity", 0.0),
                Map.of("gravity", 3.0), Map.of("wind_power", 20.5), Map.of("wind_power", -1.0),
                Map.of("turbulence_power", 2.5), Map.of("turbo", 1))) {
            UserError e = assertThrows(UserError.class, () -> EnvRegistry.make("LunarLander-v3", bad), bad.toString());
            String key = bad.keySet().iterator().next();
            assertTrue(e.getMessage().contains(key), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        UserError e = assertThrows(UserError.class, () -> EnvRegistry.make("LunarLander-v3", Map.of("gravity", -12.0)));
        System.out.println("jgym: " + e.getMessage());
    }

    @Test
    @DisplayName("an action outside the space is an error naming the env, the action and the space")
    void actionsChecked() {
        try (Env<float[], Object> d = make(Map.of()); Env<float[], Object> c = make(Map.of("continuous", true))) {
            d.reset(0);
            c.reset(0);
            assertThrows(IllegalArgumentException.class, () -> d.step(4));
            assertThrows(IllegalArgumentException.class, () -> d.step(new float[] {0, 0}));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.step(new float[] {1.5f, 0}));
            assertTrue(e.getMessage().contains("LunarLanderContinuous-v3") || e.getMessage().contains("LunarLander-v3"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> c.step(2));
        }
    }

    @Test
    @DisplayName("spec: Gymnasium's ids, 1000-step limit, threshold 200, Discrete(4) / Box(2) actions, Box(8) observations")
    void specs() {
        assertEquals(1000, EnvRegistry.spec("LunarLander-v3").maxEpisodeSteps());
        assertEquals(200.0, EnvRegistry.spec("LunarLander-v3").rewardThreshold());
        assertEquals(1000, EnvRegistry.spec("LunarLanderContinuous-v3").maxEpisodeSteps());
        try (Env<?, ?> d = EnvRegistry.make("LunarLander-v3"); Env<?, ?> c = EnvRegistry.make("LunarLanderContinuous-v3")) {
            assertEquals("Discrete(4)", d.actionSpace().toString().replace(" ", "").replace(",start=0", ""));
            assertTrue(((LunarLander) c.unwrapped()).continuous());
            assertEquals(8, ((dev.jgym.core.space.Box) d.observationSpace()).size());
        }
    }

    @Test
    @DisplayName("start: the lander at the top centre (x 0, y about 1.4), legs up, nothing touching")
    void start() {
        try (Env<float[], Object> env = make(Map.of())) {
            for (long seed = 0; seed < 20; seed++) {
                float[] s = env.reset(seed).observation();
                assertEquals(0.0, s[0], 0.01, "x");
                assertEquals(1.41, s[1], 0.02, "y: (13.33 - 3.33 - 0.6) / 6.67 after one step");
                assertEquals(0f, s[6]);
                assertEquals(0f, s[7]);
            }
        }
    }

    @Test
    @DisplayName("doing nothing falls and crashes or lands: terminated well before the time limit, -100 or +100 last")
    void freeFall() {
        try (Env<float[], Object> env = make(Map.of())) {
            env.reset(3);
            Step<float[]> st;
            int n = 0;
            do {
                st = env.step(0);
                n++;
            } while (!st.done());
            assertTrue(st.terminated(), "terminated");
            assertTrue(n < 300, "steps " + n);
            assertEquals(100.0, Math.abs(st.reward()));
        }
    }

    /** Every observation and reward of {@code episodes} random episodes, as text (floats' bits). */
    static String randomPlay(Env<float[], Object> env, long seed, int episodes) {
        StringBuilder out = new StringBuilder();
        Rng actions = new Rng(seed + 1000);
        for (int e = 0; e < episodes; e++) {
            float[] s = (e == 0 ? env.reset(seed) : env.reset()).observation();
            out.append(Arrays.toString(s)).append('\n');
            Step<float[]> st;
            do {
                st = env.step(env.actionSpace().sample(actions));
                out.append(Arrays.toString(st.observation())).append(' ').append(Double.doubleToLongBits(st.reward()))
                        .append(st.terminated() ? " T" : "").append(st.truncated() ? " X" : "").append('\n');
            } while (!st.done());
        }
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optionSets")
    @DisplayName("determinism: the same seed and actions give bit-identical observations, in a fresh env and after many episodes")
    void deterministic(Map<String, Object> options) {
        String first;
        try (Env<float[], Object> env = make(options)) {
            first = randomPlay(env, 5, 5);
        }
        try (Env<float[], Object> env = make(options)) {
            assertEquals(first, randomPlay(env, 5, 5), "a second fresh env");
        }
        try (Env<float[], Object> env = make(options)) {
            randomPlay(env, 77, 20); // history: another seed's episodes in the same env
            assertEquals(first, randomPlay(env, 5, 5), "after 20 other episodes");
        }
    }

    static String vectorPlay(Map<String, Object> options, int threads) {
        int n = 4;
        boolean continuous = Boolean.TRUE.equals(options.get("continuous"));
        StringBuilder out = new StringBuilder();
        try (SyncVectorEnv v = SyncVectorEnv.make("LunarLander-v3", options, n, threads, AutoresetMode.NEXT_STEP)) {
            Rng rng = new Rng(9);
            v.reset(11L);
            int[] discrete = new int[n];
            float[] throttle = new float[2 * n];
            for (int t = 0; t < 600; t++) {
                if (continuous) {
                    for (int i = 0; i < throttle.length; i++) throttle[i] = (float) rng.uniform(-1, 1);
                    v.step(throttle);
                } else {
                    for (int i = 0; i < n; i++) discrete[i] = rng.nextInt(4);
                    v.step(discrete);
                }
                out.append(Arrays.toString(v.observations())).append(Arrays.toString(v.rewards()))
                        .append(Arrays.toString(v.terminated())).append('\n');
            }
        }
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optionSets")
    @DisplayName("vector env: 4 sub-envs give bit-identical arrays on 1 and 2 threads, and sub-env 0 equals a single env seeded as the vector seeds it")
    void vectorEnvThreads(Map<String, Object> options) {
        String one = vectorPlay(options, 1);
        assertEquals(one, vectorPlay(options, 2));
        assertEquals(one, vectorPlay(options, 1), "a second run");
    }

    @Test
    @DisplayName("scene: black sky above the terrain, white moon below, the purple lander at its place, yellow flags, flames when the main engine fires")
    void scene() {
        try (Env<float[], Object> env = make(Map.of())) {
            env.reset(1);
            for (int i = 0; i < 30; i++) env.step(0);
            for (int i = 0; i < 5; i++) env.step(2);
            Scene scene = env.scene();
            SceneRaster r = new SceneRaster(scene, 600, 400);
            assertEquals(0x000000, r.get(r.px(3), r.py(12.5)) >>> 8, "sky");
            assertEquals(0xffffff, r.get(r.px(10), r.py(0.5)) >>> 8, "moon");
            int purple = 0, yellow = 0, flame = 0;
            for (int p : r.pixels()) {
                int rgb = p >>> 8;
                if (rgb == 0x8066e6) purple++;
                if (rgb == 0xcccc00) yellow++;
                if ((rgb >> 16) > 0xb0 && (rgb & 0xff) < 0xa0 && rgb != 0xcccc00) flame++;
            }
            assertTrue(purple > 500, "lander pixels " + purple);
            assertTrue(yellow > 50, "flag pixels " + yellow);
            assertTrue(flame > 0, "flame pixels " + flame);
        }
    }

    @Test
    @DisplayName("wind pushes the lander sideways: with wind_power 20 and no engines, x drifts off the windless path")
    void windMatters() {
        float[] calm, windy;
        try (Env<float[], Object> env = make(Map.of())) {
            env.reset(2);
            for (int i = 0; i < 30; i++) env.step(0);
            calm = env.step(0).observation();
        }
        try (Env<float[], Object> env = make(Map.of("enable_wind", true, "wind_power", 20.0))) {
            env.reset(2);
            for (int i = 0; i < 30; i++) env.step(0);
            windy = env.step(0).observation();
        }
        assertTrue(Math.abs(calm[0] - windy[0]) > 1e-3, "x calm " + calm[0] + " windy " + windy[0]);
        assertArrayEquals(new float[] {calm[6], calm[7]}, new float[] {0, 0});
    }
}
