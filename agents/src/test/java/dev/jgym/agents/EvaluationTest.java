package dev.jgym.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a success is ({@link Evaluation}): the env's {@code is_success} at an episode's end, as
 * Gymnasium and SB3 read it; an env without a goal reports no success rate.
 */
class EvaluationTest {
    @Test
    @DisplayName("CartPole-v1 (Gymnasium defines no success): a policy that always pushes left falls in about 10 steps, terminated with the +1 every step pays, and no success rate is reported (it read 1.0 before)")
    void cartPoleHasNoSuccess() {
        try (Env<Object, Object> env = EnvRegistry.make("CartPole-v1")) {
            Evaluation.Result r = Evaluation.run(env, obs -> 0, 5, 1);
            assertTrue(r.meanLength() < 20, "it falls: " + r.meanLength());
            assertFalse(r.successReported());
            assertEquals(0.0, r.successRate());
        }
    }

    @Test
    @DisplayName("FrozenLake-v1 4x4 without slipping: the 6-step path to G is a success every time, walking down into the hole at row 3 a failure every time (both reported)")
    void frozenLakeGoalAndHole() {
        // actions: 0 left, 1 down, 2 right, 3 up; the map SFFF / FHFH / FFFH / HFFG
        Map<Integer, Integer> path = Map.of(0, 2, 1, 2, 2, 1, 6, 1, 10, 1, 14, 2);
        try (Env<Object, Object> env = EnvRegistry.make("FrozenLake-v1", Map.of("is_slippery", false))) {
            Evaluation.Result goal = Evaluation.run(env, obs -> path.get((Integer) obs), 3, 1);
            assertEquals(1.0, goal.successRate());
            assertEquals(6, goal.meanLength());
            assertTrue(goal.successReported());
            Evaluation.Result hole = Evaluation.run(env, obs -> 1, 3, 1);
            assertEquals(0.0, hole.successRate());
            assertEquals(3, hole.meanLength());
            assertTrue(hole.successReported());
        }
    }

    @Test
    @DisplayName("MountainCar-v0: pushing along the velocity reaches the flag, a success though its last reward is -1 (it read 0 before); pushing left always ends by the 200-step limit, a failure")
    void mountainCarFlag() {
        try (Env<Object, Object> env = EnvRegistry.make("MountainCar-v0")) {
            Evaluation.Result pump = Evaluation.run(env, obs -> ((float[]) obs)[1] >= 0 ? 2 : 0, 3, 1);
            assertTrue(pump.meanLength() < 200, "reaches the flag: " + pump.meanLength());
            assertEquals(1.0, pump.successRate());
            assertTrue(pump.successReported());
            Evaluation.Result left = Evaluation.run(env, obs -> 0, 2, 1);
            assertEquals(200, left.meanLength());
            assertEquals(0.0, left.successRate());
        }
    }
}
