package dev.jgym.envs.grid;

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
import dev.jgym.core.env.TabularModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** MaximizationBias-v0, S&amp;B Example 6.7: A (left to B, right ends), B (10 actions ending with N(-0.1, 1)). */
class MaximizationBiasTest {

    @Test
    @DisplayName("EnvChecker finds no problem")
    void checker() {
        assertEquals(List.of(), EnvChecker.check("MaximizationBias-v0"));
    }

    @Test
    @DisplayName("A: left to B (0), right ends (0); the masks are A's two actions, all of B's, none at the end")
    void dynamicsAndMasks() {
        Env<Object, Object> env = EnvRegistry.make("MaximizationBias-v0");
        var reset = env.reset(3L, Map.of());
        assertEquals(MaximizationBias.A, reset.observation());
        assertArrayEquals(new byte[] {1, 1, 0, 0, 0, 0, 0, 0, 0, 0}, (byte[]) reset.info().get("action_mask"));
        Step<Object> s = env.step(MaximizationBias.LEFT);
        assertEquals(MaximizationBias.B, s.observation());
        assertEquals(0.0, s.reward());
        assertFalse(s.done());
        assertArrayEquals(new byte[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, (byte[]) s.info().get("action_mask"));
        s = env.step(7);
        assertEquals(MaximizationBias.END, s.observation());
        assertTrue(s.terminated());
        assertArrayEquals(new byte[10], (byte[]) s.info().get("action_mask"));
        env.reset();
        s = env.step(MaximizationBias.RIGHT);
        assertEquals(MaximizationBias.END, s.observation());
        assertEquals(0.0, s.reward());
        assertTrue(s.terminated());
        TabularModel m = (TabularModel) env.unwrapped();
        assertEquals(List.of(new TabularModel.Outcome(1, MaximizationBias.END, -0.1, true)), m.transitions(MaximizationBias.B, 4));
        assertEquals(List.of(new TabularModel.Outcome(1, MaximizationBias.B, 0, false)), m.transitions(MaximizationBias.A, MaximizationBias.LEFT));
    }

    @Test
    @DisplayName("B's rewards over 40,000 episodes: mean -0.1 +- 0.02, variance 1 +- 0.03 (5 standard errors)")
    void bRewardsAreNormal() {
        Env<Object, Object> env = EnvRegistry.make("MaximizationBias-v0");
        env.reset(11L, Map.of());
        int n = 40_000;
        double sum = 0, squares = 0;
        for (int i = 0; i < n; i++) {
            env.step(MaximizationBias.LEFT);
            double r = env.step(i % 10).reward();
            sum += r;
            squares += r * r;
            env.reset();
        }
        double mean = sum / n, variance = squares / n - mean * mean;
        assertEquals(-0.1, mean, 0.02);
        assertEquals(1.0, variance, 0.03);
    }

    @Test
    @DisplayName("b_actions outside [2, 1000]: a one-line UserError naming the option")
    void badOptions() {
        UserError e = assertThrows(UserError.class, () -> EnvRegistry.make("MaximizationBias-v0", Map.of("b_actions", 1)));
        assertTrue(e.getMessage().contains("b_actions") && e.getMessage().contains("[2, 1000]"), e.getMessage());
    }
}
