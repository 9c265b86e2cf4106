package dev.jgym.core.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.UserError;
import dev.jgym.core.env.wrappers.OrderEnforcing;
import dev.jgym.core.env.wrappers.TimeLimit;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** EnvRegistry.make wraps as Gymnasium's make does (gymnasium/envs/registration.py). */
class EnvRegistryTest {
    /** A walk too long to end within these tests' steps: only the time limit ends episodes. */
    static final String LONG_WALK = "RegistryLongWalk-v0";
    static final int LIMIT = 5;

    @BeforeAll
    static void register() {
        if (EnvRegistry.ids().contains(LONG_WALK)) return;
        EnvRegistry.register(EnvSpec.builder(LONG_WALK, options -> {
            Object size = options.getOrDefault("size", 1001);
            if (!(size instanceof Integer)) throw new UserError("options.size: expected an integer, found " + size);
            return new RandomWalk((Integer) size);
        }).maxEpisodeSteps(LIMIT).defaultOptions(Map.of("size", 1001)).build());
    }

    @Test
    @DisplayName("make wraps the env: TimeLimit outside, OrderEnforcing inside, spec and unwrapped reachable")
    void makeWraps() {
        Env<Integer, Integer> env = EnvRegistry.make(LONG_WALK);
        TimeLimit<Integer, Integer> limit = assertInstanceOf(TimeLimit.class, env);
        assertEquals(LIMIT, limit.maxEpisodeSteps());
        assertInstanceOf(OrderEnforcing.class, limit.inner());
        assertInstanceOf(RandomWalk.class, env.unwrapped());
        assertEquals(LONG_WALK, env.spec().id());
        assertEquals(LIMIT, env.spec().maxEpisodeSteps());
        assertEquals(Map.of("size", 1001), env.spec().defaultOptions());
    }

    @Test
    @DisplayName("truncated exactly at max_episode_steps, terminated not set by the limit; reset restarts the count")
    void truncatedAtLimit() {
        Env<Integer, Integer> env = EnvRegistry.make(LONG_WALK);
        for (int episode = 0; episode < 2; episode++) {
            env.reset(episode == 0 ? 3L : null, Map.of());
            for (int t = 1; t <= LIMIT; t++) {
                Step<Integer> step = env.step(1);
                assertEquals(t == LIMIT, step.truncated(), "truncated at step " + t);
                assertFalse(step.terminated(), "terminated at step " + t);
            }
        }
    }

    @Test
    @DisplayName("option max_episode_steps overrides the spec's limit and is not passed to the factory")
    void optionOverridesLimit() {
        Env<Integer, Integer> env = EnvRegistry.make(LONG_WALK, Map.of(EnvRegistry.MAX_EPISODE_STEPS, 2));
        env.reset(1L, Map.of());
        assertFalse(env.step(0).truncated());
        assertTrue(env.step(0).truncated());
        assertEquals(2, env.spec().maxEpisodeSteps());
        assertFalse(env.spec().defaultOptions().containsKey(EnvRegistry.MAX_EPISODE_STEPS));
        Env<Integer, Integer> longer = EnvRegistry.make(LONG_WALK, Map.of(EnvRegistry.MAX_EPISODE_STEPS, 7L));
        assertEquals(7, ((TimeLimit<Integer, Integer>) longer).maxEpisodeSteps());
    }

    @Test
    @DisplayName("max_episode_steps 0 removes the limit: 100 steps without truncation")
    void zeroRemovesLimit() {
        Env<Integer, Integer> env = EnvRegistry.make(LONG_WALK, Map.of(EnvRegistry.MAX_EPISODE_STEPS, 0));
        assertInstanceOf(OrderEnforcing.class, env);
        env.reset(1L, Map.of());
        for (int t = 0; t < 100; t++) assertFalse(env.step(t % 2).done(), "step " + t);
    }

    @Test
    @DisplayName("a non-integer max_episode_steps is a UserError naming the id and the option")
    void nonIntegerLimitIsUserError() {
        UserError e = assertThrows(UserError.class, () -> EnvRegistry.make(LONG_WALK, Map.of(EnvRegistry.MAX_EPISODE_STEPS, 2.5)));
        assertEquals(LONG_WALK + ": options.max_episode_steps: expected an integer, found 2.5", e.getMessage());
        UserError s = assertThrows(UserError.class, () -> EnvRegistry.make(LONG_WALK, Map.of(EnvRegistry.MAX_EPISODE_STEPS, "10")));
        assertEquals(LONG_WALK + ": options.max_episode_steps: expected an integer, found \"10\"", s.getMessage());
    }

    @Test
    @DisplayName("a factory's UserError is prefixed with the env id")
    void factoryErrorNamesId() {
        UserError e = assertThrows(UserError.class, () -> EnvRegistry.make(LONG_WALK, Map.of("size", "big")));
        assertEquals(LONG_WALK + ": options.size: expected an integer, found big", e.getMessage());
    }

    @Test
    @DisplayName("step before reset throws IllegalStateException saying to call reset()")
    void stepBeforeReset() {
        Env<Integer, Integer> env = EnvRegistry.make(LONG_WALK);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> env.step(0));
        assertEquals(LONG_WALK + ": step() called before reset(); call reset() to start an episode", e.getMessage());
    }

    @Test
    @DisplayName("close twice is safe and closes the env once; step or reset after close throw")
    void closeTwice() {
        Env<Integer, Integer> env = EnvRegistry.make(LONG_WALK);
        env.reset(1L, Map.of());
        env.close();
        env.close();
        assertEquals(1, ((RandomWalk) env.unwrapped()).closes());
        assertThrows(IllegalStateException.class, () -> env.step(0));
        assertThrows(IllegalStateException.class, () -> env.reset(1L, Map.of()));
    }

    @Test
    @DisplayName("unknown id: a UserError with \"did you mean\" the closest id; a far-off id gets no guess")
    void unknownId() {
        UserError e = assertThrows(UserError.class, () -> EnvRegistry.make("RegistryLongWalkk-v0"));
        assertEquals("unknown env id \"RegistryLongWalkk-v0\" (did you mean " + LONG_WALK + "? `jgym envs` lists them all)", e.getMessage());
        UserError far = assertThrows(UserError.class, () -> EnvRegistry.make("Zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz-v9"));
        assertFalse(far.getMessage().contains("did you mean"), far.getMessage());
    }

    @Test
    @DisplayName("an id registered twice is refused; the registry lists ids sorted")
    void registerTwice() {
        EnvSpec again = EnvSpec.builder(LONG_WALK, options -> new RandomWalk(5)).build();
        assertThrows(IllegalStateException.class, () -> EnvRegistry.register(again));
        assertSame(EnvRegistry.spec(LONG_WALK), EnvRegistry.spec(LONG_WALK));
        var ids = EnvRegistry.ids();
        assertEquals(ids.stream().sorted().toList(), ids);
    }

    @Test
    @DisplayName("editDistance is Levenshtein: kitten/sitting 3, flaw/lawn 2, equal 0")
    void editDistance() {
        assertEquals(3, EnvRegistry.editDistance("kitten", "sitting"));
        assertEquals(2, EnvRegistry.editDistance("flaw", "lawn"));
        assertEquals(0, EnvRegistry.editDistance("CartPole-v1", "CartPole-v1"));
        assertEquals(4, EnvRegistry.editDistance("", "abcd"));
    }
}
