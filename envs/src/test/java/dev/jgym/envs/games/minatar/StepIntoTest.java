package dev.jgym.envs.games.minatar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.rng.Rng;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The allocation-free {@code stepInto} is the same step as {@code step}, bit for bit. */
class StepIntoTest {
    @ParameterizedTest
    @ValueSource(strings = {"MinAtar/Asterix-v1", "MinAtar/Breakout-v1", "MinAtar/Freeway-v1", "MinAtar/SpaceInvaders-v1"})
    void sameTrajectory(String id) {
        MinAtarGame a = (MinAtarGame) EnvRegistry.<int[], Integer>make(id).unwrapped();
        MinAtarGame b = (MinAtarGame) EnvRegistry.<int[], Integer>make(id).unwrapped();
        a.reset(21L, Map.of());
        b.reset(21L, Map.of());
        int size = a.observationSpace().size();
        int[] buffer = new int[size + 7];
        Arrays.fill(buffer, 5);
        Rng actions = new Rng(8);
        for (int i = 0; i < 3000; i++) {
            int action = actions.nextInt(a.actionSpace().n());
            Step<int[]> s = a.step(action);
            int reward = b.stepInto(action, buffer, 7);
            assertEquals(s.reward(), reward, "step " + i);
            assertEquals(s.terminated(), b.isOver(), "step " + i);
            assertArrayEquals(s.observation(), Arrays.copyOfRange(buffer, 7, 7 + size), "step " + i);
            assertEquals(5, buffer[6], "nothing written before the offset");
            if (s.done()) {
                a.reset();
                b.reset();
            }
        }
    }
}
