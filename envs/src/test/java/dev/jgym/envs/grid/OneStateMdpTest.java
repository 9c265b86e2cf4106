package dev.jgym.envs.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.env.TabularModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** OneStateMdp-v0, S&amp;B Example 5.5: left loops w.p. 0.9 (0) or ends (+1), right ends (0). */
class OneStateMdpTest {

    @Test
    @DisplayName("the model is the book's figure: left 0.9 back to s (0), 0.1 to the end (+1); right to the end (0)")
    void model() {
        TabularModel m = (TabularModel) EnvRegistry.make("OneStateMdp-v0").unwrapped();
        assertEquals(2, m.stateCount());
        assertEquals(List.of(new TabularModel.Outcome(0.9, 0, 0, false), new TabularModel.Outcome(0.1, 1, 1, true)),
                m.transitions(OneStateMdp.S, OneStateMdp.LEFT));
        assertEquals(List.of(new TabularModel.Outcome(1, 1, 0, true)), m.transitions(OneStateMdp.S, OneStateMdp.RIGHT));
        assertEquals(1.0, m.initialDistribution()[OneStateMdp.S]);
    }

    @Test
    @DisplayName("always left: every episode ends with +1, after 10 steps on average (geometric, 20000 episodes, +-4 SE)")
    void alwaysLeft() {
        Env<Object, Object> env = EnvRegistry.make("OneStateMdp-v0");
        env.reset(7L, Map.of());
        int n = 20_000;
        double steps = 0;
        for (int i = 0; i < n; i++) {
            env.reset();
            Step<Object> s;
            do {
                s = env.step(OneStateMdp.LEFT);
                steps++;
            } while (!s.terminated());
            assertEquals(1.0, s.reward());
        }
        double se = Math.sqrt(0.9 / 0.01 / n); // sd of a geometric(0.1) length: sqrt(1 - p) / p
        assertEquals(10, steps / n, 4 * se);
        env.reset();
        Step<Object> right = env.step(OneStateMdp.RIGHT);
        assertTrue(right.terminated());
        assertEquals(0.0, right.reward());
    }

    @Test
    @DisplayName("end_probability must be in (0, 1]: a one-line UserError naming the option")
    void badOptions() {
        UserError e = assertThrows(UserError.class, () -> EnvRegistry.make("OneStateMdp-v0", Map.of("end_probability", 0.0)));
        assertTrue(e.getMessage().contains("end_probability"), e.getMessage());
    }
}
