package dev.jgym.envs.grid;

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
import dev.jgym.core.scene.SceneRaster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** RandomWalk-v0, S&amp;B Example 6.2: A..E between two ends, start C, +1 only for the right end. */
class RandomWalkTest {

    @Test
    @DisplayName("EnvChecker finds no problem (default and 19 states)")
    void checker() {
        assertEquals(List.of(), EnvChecker.check("RandomWalk-v0"));
        assertEquals(List.of(), EnvChecker.check(() -> EnvRegistry.<Object, Object>make("RandomWalk-v0", Map.of("n_states", 19))));
    }

    @Test
    @DisplayName("starts in C; right from E pays +1 and terminates, left from A pays 0 and terminates")
    void dynamics() {
        Env<Object, Object> env = EnvRegistry.make("RandomWalk-v0");
        assertEquals(3, env.reset(1L, Map.of()).observation());
        Step<Object> s = null;
        for (int i = 0; i < 3; i++) {
            s = env.step(RandomWalk.RIGHT);
            assertFalse(i < 2 && s.done());
            assertEquals(i < 2 ? 0.0 : 1.0, s.reward());
        }
        assertEquals(6, s.observation());
        assertTrue(s.terminated());
        env.reset();
        env.step(RandomWalk.LEFT);
        env.step(RandomWalk.LEFT);
        s = env.step(RandomWalk.LEFT);
        assertEquals(0, s.observation());
        assertEquals(0.0, s.reward());
        assertTrue(s.terminated());
        TabularModel m = (TabularModel) env.unwrapped();
        assertEquals(7, m.stateCount());
        assertEquals(1.0, m.initialDistribution()[3]);
        assertEquals(List.of(new TabularModel.Outcome(1, 6, 1, true)), m.transitions(5, RandomWalk.RIGHT));
    }

    @Test
    @DisplayName("S&B Example 7.1's walk (19 states, left_reward -1): leaving left pays -1; true values -18/20 .. 18/20 (exact)")
    void nineteenStatesWithMinusOneOnTheLeft() {
        Env<Object, Object> env = EnvRegistry.make("RandomWalk-v0", Map.of("n_states", 19, "left_reward", -1));
        assertEquals(10, env.reset(0L, Map.of()).observation());
        Step<Object> s = null;
        for (int i = 0; i < 10; i++) s = env.step(RandomWalk.LEFT);
        assertEquals(0, s.observation());
        assertEquals(-1.0, s.reward());
        assertTrue(s.terminated());
        RandomWalk walk = (RandomWalk) (Object) env.unwrapped();
        for (int i = 1; i <= 19; i++) assertEquals((2 * i - 20) / 20.0, walk.trueValue(i), 1e-12, "state " + i);
        assertEquals(List.of(new TabularModel.Outcome(1, 0, -1, true)), walk.transitions(1, RandomWalk.LEFT));
    }

    @Test
    @DisplayName("n_states must be odd and positive: a one-line UserError naming the env and the option")
    void badOptions() {
        UserError e = assertThrows(UserError.class, () -> EnvRegistry.make("RandomWalk-v0", Map.of("n_states", 4)));
        assertTrue(e.getMessage().contains("RandomWalk-v0") && e.getMessage().contains("n_states")
                && e.getMessage().contains("expected an odd integer in [1, 999]"), e.getMessage());
    }

    @Test
    @DisplayName("the scene rasterizes and names the states A..E")
    void scene() {
        Env<Object, Object> env = EnvRegistry.make("RandomWalk-v0");
        env.reset(0L, Map.of());
        var scene = env.scene();
        assertTrue(scene.caption().contains("(C)"), scene.caption());
        assertEquals(140, new SceneRaster(scene, 140, 40).width());
    }
}
