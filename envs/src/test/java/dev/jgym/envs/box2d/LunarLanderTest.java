package dev.jgym.envs.box2d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvChecker;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LunarLanderTest {

    /** Return and length of one heuristic episode from {@code reset(seed)}. */
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

    @SuppressWarnings("unchecked")
    static Env<float[], Object> make(Map<String, ?> options) {
        return (Env<float[], Object>) (Env<?, ?>) EnvRegistry.make("LunarLander-v3", options);
    }

    @ParameterizedTest(name = "continuous {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("Gymnasium's heuristic lands: mean return over seeds 0-99 >= 200 (Gymnasium's reward threshold)")
    void heuristicLands(boolean continuous) {
        try (Env<float[], Object> env = make(Map.of("continuous", continuous))) {
            double sum = 0, min = Double.POSITIVE_INFINITY, steps = 0;
            int landed = 0;
            long t0 = System.nanoTime();
            for (long seed = 0; seed < 100; seed++) {
                double[] r = heuristicEpisode(env, seed);
                sum += r[0];
                steps += r[1];
                min = Math.min(min, r[0]);
                if (r[0] >= 200) landed++;
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "LunarLander continuous=%s heuristic: mean %.2f min %.2f, %d/100 >= 200, %.0f steps, %.0f steps/s%n",
                    continuous, sum / 100, min, landed, steps, steps / secs);
            assertTrue(sum / 100 >= 200, "mean return " + sum / 100);
        }
    }
}
