package dev.jgym.envs.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvChecker;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.space.Box;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The registry's reserved option {@code hide_observation}: CartPole-v1 without velocities, by config. */
class HideObservationTest {

    @Test
    @DisplayName("hide_observation [1, 3]: CartPole-v1 shows cart position and pole angle only, the same dynamics step for step")
    void cartPoleWithoutVelocities() {
        Env<float[], Integer> full = EnvRegistry.make("CartPole-v1");
        Env<float[], Integer> masked = EnvRegistry.make("CartPole-v1", Map.of("hide_observation", List.of(1, 3)));
        assertEquals(2, ((Box) masked.observationSpace()).size());
        assertArrayEquals(new float[] {-4.8f, -0.41887903f}, ((Box) masked.observationSpace()).low(), 1e-6f);
        float[] f = full.reset(3L, Map.of()).observation(), m = masked.reset(3L, Map.of()).observation();
        assertArrayEquals(new float[] {f[0], f[2]}, m, 0f);
        for (int t = 0; t < 30; t++) {
            Step<float[]> a = full.step(t % 3 == 0 ? 1 : 0), b = masked.step(t % 3 == 0 ? 1 : 0);
            assertArrayEquals(new float[] {a.observation()[0], a.observation()[2]}, b.observation(), 0f);
            assertEquals(a.reward(), b.reward());
            assertEquals(a.terminated(), b.terminated());
            if (a.done()) break;
        }
        assertEquals(500, masked.spec().maxEpisodeSteps(), "the time limit stays");
        assertEquals(List.of(), EnvChecker.check(() -> EnvRegistry.make("CartPole-v1", Map.of("hide_observation", List.of(1, 3)))));
    }

    @Test
    @DisplayName("A bad hide_observation is a UserError naming the env, the option and what was expected")
    void badOption() {
        UserError e = assertThrows(UserError.class, () -> EnvRegistry.make("CartPole-v1", Map.of("hide_observation", List.of(1, 4))));
        assertEquals("CartPole-v1: options.hide_observation[1]: expected a coordinate below 4, found 4", e.getMessage());
        e = assertThrows(UserError.class, () -> EnvRegistry.make("CartPole-v1", Map.of("hide_observation", "velocities")));
        assertEquals("CartPole-v1: options.hide_observation: expected a non-empty list of coordinate indices, found velocities", e.getMessage());
        e = assertThrows(UserError.class, () -> EnvRegistry.make("CartPole-v1", Map.of("hide_observation", List.of(0, 1, 2, 3))));
        assertEquals("CartPole-v1: options.hide_observation: would hide all 4 coordinates", e.getMessage());
        e = assertThrows(UserError.class, () -> EnvRegistry.make("FrozenLake-v1", Map.of("hide_observation", List.of(0))));
        assertTrue(e.getMessage().startsWith("FrozenLake-v1: options.hide_observation: needs a flat Box observation space"), e.getMessage());
    }
}
