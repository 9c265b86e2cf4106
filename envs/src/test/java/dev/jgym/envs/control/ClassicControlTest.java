package dev.jgym.envs.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvChecker;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.EnvSpec;
import dev.jgym.core.env.Step;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.scene.AnsiRenderer;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.scene.SceneRaster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Classic control against Gymnasium: golden values from the issue, and tables of
 * (state, action) -> next state computed by {@link GymnasiumReference} (Gymnasium's published
 * equations in double), matched within 1e-6.
 */
class ClassicControlTest {
    static final double TABLE_TOLERANCE = 1e-6;
    static final int TABLE_ROWS = 500;

    @ParameterizedTest
    @ValueSource(strings = {"CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Acrobot-v1", "Pendulum-v1"})
    @DisplayName("every classic-control env passes EnvChecker (Gymnasium's check_env)")
    void passesChecker(String id) {
        assertEquals(List.of(), EnvChecker.check(id));
    }

    @Test
    @DisplayName("specs: Gymnasium's time limits and reward thresholds (gymnasium/envs/__init__.py)")
    void specsMatchGymnasium() {
        assertSpec("CartPole-v1", 500, 475.0);
        assertSpec("MountainCar-v0", 200, -110.0);
        assertSpec("MountainCarContinuous-v0", 999, 90.0);
        assertSpec("Acrobot-v1", 500, -100.0);
        assertSpec("Pendulum-v1", 200, null);
    }

    private static void assertSpec(String id, int steps, Double threshold) {
        EnvSpec spec = EnvRegistry.spec(id);
        assertEquals(steps, spec.maxEpisodeSteps(), id);
        assertEquals(threshold, spec.rewardThreshold(), id);
    }

    @Test
    @DisplayName("CartPole step([0,0,0,0], 1) = [0, 0.1951219512, 0, -0.2926829268] within 1e-9 (issue 5)")
    void cartPoleGoldenStep() {
        CartPole env = new CartPole();
        env.reset(0L, Map.of());
        env.setState(new double[4]);
        Step<float[]> step = env.step(1);
        assertArrayEquals(new double[] {0, 0.1951219512, 0, -0.2926829268}, env.state(), 1e-9);
        assertArrayEquals(new float[] {0f, 0.1951219512f, 0f, -0.2926829268f}, step.observation(), 0f);
        assertEquals(1.0, step.reward());
        assertFalse(step.terminated());
    }

    @Test
    @DisplayName("CartPole: always pushing one way from rest ends the episode after 9 steps (issue 5), either way")
    void cartPolePushingOneWayEndsAfterNine() {
        for (int action = 0; action < 2; action++) {
            CartPole env = new CartPole();
            env.reset(0L, Map.of());
            env.setState(new double[4]);
            int steps = 0;
            Step<float[]> s;
            do {
                s = env.step(action);
                steps++;
            } while (!s.terminated() && steps < 100);
            assertEquals(9, steps, "action " + action);
            assertEquals(1.0, s.reward(), "the terminating step still pays +1");
        }
    }

    @Test
    @DisplayName("CartPole: sutton_barto_reward pays 0 per step and -1 on termination")
    void cartPoleSuttonBartoReward() {
        Env<float[], Integer> env = EnvRegistry.make("CartPole-v1", Map.of("sutton_barto_reward", true));
        env.reset(0L, Map.of());
        ((CartPole) env.unwrapped()).setState(new double[4]);
        double total = 0;
        Step<float[]> s;
        do {
            s = env.step(1);
            total += s.reward();
            if (!s.terminated()) assertEquals(0.0, s.reward());
        } while (!s.terminated());
        assertEquals(-1.0, total);
    }

    @Test
    @DisplayName("CartPole table: 500 (state, action) rows against Gymnasium's equations within 1e-6")
    void cartPoleTable() {
        Rng rng = new Rng(11);
        CartPole env = new CartPole();
        env.reset(0L, Map.of());
        for (int row = 0; row < TABLE_ROWS; row++) {
            double[] s = {rng.uniform(-2.4, 2.4), rng.uniform(-3, 3), rng.uniform(-0.21, 0.21), rng.uniform(-3, 3)};
            int a = rng.nextInt(2);
            double[] expected = GymnasiumReference.cartPole(s, a);
            env.setState(s);
            Step<float[]> step = env.step(a);
            assertArrayEquals(expected, env.state(), TABLE_TOLERANCE, "row " + row);
            assertArrayEquals(toFloat(expected), step.observation(), (float) TABLE_TOLERANCE, "row " + row);
            boolean terminated = Math.abs(expected[0]) > 2.4 || Math.abs(expected[2]) > 12 * 2 * Math.PI / 360;
            assertEquals(terminated, step.terminated(), "row " + row);
        }
    }

    @Test
    @DisplayName("MountainCar table: 500 rows (walls and speed limit included) against Gymnasium's equations within 1e-6")
    void mountainCarTable() {
        Rng rng = new Rng(12);
        MountainCar env = new MountainCar();
        env.reset(0L, Map.of());
        for (int row = 0; row < TABLE_ROWS; row++) {
            double[] s = {rng.uniform(-1.2, 0.6), rng.uniform(-0.07, 0.07)};
            if (row % 10 == 0) s = new double[] {-1.2 + 0.01 * rng.nextDouble(), -0.069}; // hits the left wall
            if (row % 10 == 1) s = new double[] {0.45, 0.07};                             // speed limit, goal
            int a = rng.nextInt(3);
            double[] expected = GymnasiumReference.mountainCar(s, a);
            env.setState(s);
            Step<float[]> step = env.step(a);
            assertArrayEquals(expected, env.state(), TABLE_TOLERANCE, "row " + row);
            assertArrayEquals(toFloat(expected), step.observation(), (float) TABLE_TOLERANCE, "row " + row);
            assertEquals(-1.0, step.reward());
            assertEquals(expected[0] >= 0.5 && expected[1] >= 0, step.terminated(), "row " + row);
        }
        env.setState(new double[] {-1.2, -0.05});
        env.step(0);
        assertEquals(0.0, env.state()[1], "a leftward velocity at the left wall becomes 0");
    }

    @Test
    @DisplayName("MountainCarContinuous table: 500 rows (walls, speed limit, goal reward included) against continuous_mountain_car.py within 1e-6")
    void mountainCarContinuousTable() {
        Rng rng = new Rng(15);
        MountainCarContinuous env = new MountainCarContinuous();
        env.reset(0L, Map.of());
        int goals = 0;
        for (int row = 0; row < TABLE_ROWS; row++) {
            double[] s = {(float) rng.uniform(-1.2, 0.6), (float) rng.uniform(-0.07, 0.07)};
            if (row % 10 == 0) s = new double[] {(float) (-1.2 + 0.01 * rng.nextDouble()), -0.069f}; // hits the left wall
            if (row % 10 == 1) s = new double[] {0.44f, 0.07f};                                       // speed limit, goal
            float u = (float) rng.uniform(-1, 1);
            if (row % 10 == 2) u = 1f;
            double[] expected = GymnasiumReference.mountainCarContinuous(s, u);
            env.setState(s);
            Step<float[]> step = env.step(new float[] {u});
            assertArrayEquals(new double[] {expected[0], expected[1]}, env.state(), TABLE_TOLERANCE, "row " + row);
            assertArrayEquals(toFloat(new double[] {expected[0], expected[1]}), step.observation(), (float) TABLE_TOLERANCE, "row " + row);
            assertEquals(expected[2], step.reward(), TABLE_TOLERANCE, "row " + row);
            assertEquals(expected[3] == 1, step.terminated(), "row " + row);
            if (step.terminated()) goals++;
        }
        assertTrue(goals >= TABLE_ROWS / 10, "the goal rows reach the flag: " + goals);
        env.setState(new double[] {0.449, 0.01});
        Step<float[]> goal = env.step(new float[] {1f});
        assertTrue(goal.terminated());
        assertEquals(100 - 0.1, goal.reward(), 1e-12, "100 for the goal minus 0.1 * 1^2");
        env.setState(new double[] {-1.2, -0.05});
        env.step(new float[] {-1f});
        assertEquals(0.0, env.state()[1], "a leftward velocity at the left wall becomes 0");
    }

    @Test
    @DisplayName("MountainCarContinuous: full force right from the valley floor never reaches the flag (the car must rock), reward -0.1 per step over 999 steps")
    void mountainCarContinuousNeedsMomentum() {
        Env<float[], float[]> env = EnvRegistry.make("MountainCarContinuous-v0");
        env.reset(0L, Map.of("low", -0.5, "high", -0.5));
        double total = 0;
        int steps = 0;
        Step<float[]> s;
        do {
            s = env.step(new float[] {1f});
            total += s.reward();
            steps++;
        } while (!s.done());
        assertFalse(s.terminated());
        assertTrue(s.truncated());
        assertEquals(999, steps);
        assertEquals(-99.9, total, 1e-9);
    }

    @Test
    @DisplayName("Acrobot table: 500 rows of one RK4 step (dt 0.2) against Gymnasium's equations within 1e-6")
    void acrobotTable() {
        Rng rng = new Rng(13);
        Acrobot env = new Acrobot();
        env.reset(0L, Map.of());
        for (int row = 0; row < TABLE_ROWS; row++) {
            double[] s = {rng.uniform(-Math.PI, Math.PI), rng.uniform(-Math.PI, Math.PI),
                    rng.uniform(-4 * Math.PI, 4 * Math.PI), rng.uniform(-9 * Math.PI, 9 * Math.PI)};
            int a = rng.nextInt(3);
            double[] expected = GymnasiumReference.acrobot(s, a);
            env.setState(s);
            Step<float[]> step = env.step(a);
            assertArrayEquals(expected, env.state(), TABLE_TOLERANCE, "row " + row);
            float[] obs = {(float) Math.cos(expected[0]), (float) Math.sin(expected[0]), (float) Math.cos(expected[1]),
                    (float) Math.sin(expected[1]), (float) expected[2], (float) expected[3]};
            assertArrayEquals(obs, step.observation(), (float) TABLE_TOLERANCE, "row " + row);
            boolean terminal = GymnasiumReference.acrobotTerminal(expected);
            assertEquals(terminal, step.terminated(), "row " + row);
            assertEquals(terminal ? 0.0 : -1.0, step.reward(), "row " + row);
        }
    }

    @Test
    @DisplayName("Pendulum table: 500 rows (speed clip included) against Gymnasium's equations within 1e-6, reward too")
    void pendulumTable() {
        Rng rng = new Rng(14);
        Pendulum env = new Pendulum();
        env.reset(0L, Map.of());
        for (int row = 0; row < TABLE_ROWS; row++) {
            double[] s = {rng.uniform(-3 * Math.PI, 3 * Math.PI), rng.uniform(-8, 8)};
            float u = (float) rng.uniform(-2, 2);
            double[] expected = GymnasiumReference.pendulum(s, u);
            env.setState(s);
            Step<float[]> step = env.step(new float[] {u});
            assertArrayEquals(new double[] {expected[0], expected[1]}, env.state(), TABLE_TOLERANCE, "row " + row);
            float[] obs = {(float) Math.cos(expected[0]), (float) Math.sin(expected[0]), (float) expected[1]};
            assertArrayEquals(obs, step.observation(), (float) TABLE_TOLERANCE, "row " + row);
            assertEquals(expected[2], step.reward(), TABLE_TOLERANCE, "row " + row);
            assertFalse(step.terminated());
        }
    }

    @Test
    @DisplayName("start distributions: CartPole in [-0.05, 0.05)^4, MountainCar x in [-0.6, -0.4) v = 0, Acrobot float32 in [-0.1, 0.1), Pendulum in [-pi, pi) x [-1, 1)")
    void startDistributions() {
        CartPole cp = new CartPole();
        MountainCar mc = new MountainCar();
        MountainCarContinuous mcc = new MountainCarContinuous();
        Acrobot ac = new Acrobot();
        Pendulum pe = new Pendulum();
        for (long seed = 0; seed < 200; seed++) {
            cp.reset(seed, Map.of());
            for (double v : cp.state()) assertTrue(v >= -0.05 && v < 0.05);
            mc.reset(seed, Map.of());
            assertTrue(mc.state()[0] >= -0.6 && mc.state()[0] < -0.4);
            assertEquals(0.0, mc.state()[1]);
            mcc.reset(seed, Map.of());
            assertTrue(mcc.state()[0] >= -0.6 && mcc.state()[0] < -0.4);
            assertEquals(0.0, mcc.state()[1]);
            ac.reset(seed, Map.of());
            for (double v : ac.state()) {
                assertTrue(v >= -0.1 && v <= 0.1);
                assertEquals(v, (double) (float) v, "Acrobot starts from a float32 state, as Gymnasium's astype(float32)");
            }
            pe.reset(seed, Map.of());
            assertTrue(Math.abs(pe.state()[0]) <= Math.PI && Math.abs(pe.state()[1]) <= 1);
        }
        cp.reset(1L, Map.of("low", -0.2, "high", -0.1));
        for (double v : cp.state()) assertTrue(v >= -0.2 && v < -0.1);
        pe.reset(1L, Map.of("x_init", 0.1, "y_init", 0.0));
        assertTrue(Math.abs(pe.state()[0]) <= 0.1);
        assertEquals(0.0, pe.state()[1], 0.0);
    }

    @Test
    @DisplayName("bad input: an action outside the space names the action and the space; bad options are one-line UserErrors")
    void badInput() {
        Env<float[], Integer> cp = EnvRegistry.make("CartPole-v1");
        cp.reset(0L, Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cp.step(2));
        assertEquals("CartPole-v1: action 2 is not in the action space Discrete(2)", e.getMessage());
        Env<float[], float[]> pe = EnvRegistry.make("Pendulum-v1");
        pe.reset(0L, Map.of());
        e = assertThrows(IllegalArgumentException.class, () -> pe.step(new float[] {3f}));
        assertEquals("Pendulum-v1: action [3.0] is not in the action space Box(-2.0, 2.0, [1], float32)", e.getMessage());

        UserError u = assertThrows(UserError.class, () -> EnvRegistry.make("CartPole-v1", Map.of("sutton_barto", true)));
        assertTrue(u.getMessage().startsWith("CartPole-v1: $: unknown key \"sutton_barto\""), u.getMessage());
        u = assertThrows(UserError.class, () -> EnvRegistry.make("Pendulum-v1", Map.of("g", -1.0)));
        assertEquals("Pendulum-v1: $.g: expected a positive number, found -1.0", u.getMessage());
        Env<float[], float[]> mcc = EnvRegistry.make("MountainCarContinuous-v0");
        mcc.reset(0L, Map.of());
        e = assertThrows(IllegalArgumentException.class, () -> mcc.step(new float[] {1.5f}));
        assertEquals("MountainCarContinuous-v0: action [1.5] is not in the action space Box(-1.0, 1.0, [1], float32)", e.getMessage());
        u = assertThrows(UserError.class, () -> EnvRegistry.make("Acrobot-v1", Map.of("book_or_nips", "nips")));
        assertTrue(u.getMessage().contains("unknown key \"book_or_nips\""), u.getMessage());
        u = assertThrows(UserError.class, () -> cp.reset(0L, Map.of("low", 0.2, "high", 0.1)));
        assertEquals("CartPole-v1: reset options: expected low <= high, found low 0.2 > high 0.1", u.getMessage());
        u = assertThrows(UserError.class, () -> cp.reset(0L, Map.of("lo", 0.2)));
        assertEquals("CartPole-v1: reset options: unknown key \"lo\" (expected one of: high, low)", u.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Acrobot-v1", "Pendulum-v1"})
    @DisplayName("every env has a scene that rasterizes, and the picture changes as the state changes")
    void scenesRasterize(String id) {
        Env<float[], Object> env = EnvRegistry.make(id);
        env.reset(3L, Map.of());
        int[] before = new SceneRaster(env.scene(), 120, 80).pixels();
        for (int i = 0; i < 8; i++) env.step(env.sampleAction());
        Scene after = env.scene();
        assertFalse(after.shapes().isEmpty());
        assertFalse(after.caption().isEmpty());
        assertNotEquals(java.util.Arrays.hashCode(before), java.util.Arrays.hashCode(new SceneRaster(after, 120, 80).pixels()));
        String text = AnsiRenderer.strip(new AnsiRenderer(40).render(after));
        assertTrue(text.endsWith(after.caption() + "\n"), "the terminal view ends with the caption");
    }

    static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }
}
