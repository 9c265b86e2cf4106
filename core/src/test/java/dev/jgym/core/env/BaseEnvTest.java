package dev.jgym.core.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.rng.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** BaseEnv seeding: reset(seed) re-seeds child "env" and "action_space"; reset() continues. */
class BaseEnvTest {

    private static List<Integer> episode(Env<Integer, Integer> env, Long seed) {
        List<Integer> trace = new ArrayList<>();
        trace.add(env.reset(seed, Map.of()).observation());
        for (int i = 0; i < 30; i++) {
            Step<Integer> s = env.step(i % 3 == 0 ? 0 : 1);
            trace.add(s.observation());
            if (s.done()) break;
        }
        return trace;
    }

    @Test
    @DisplayName("reset(seed) sets rng to new Rng(seed).child(\"env\")")
    void resetSeedsEnvStream() {
        RandomWalk env = new RandomWalk(9);
        assertNull(env.rng(), "no stream before the first reset");
        env.reset(5L, Map.of());
        Rng expected = new Rng(5).child("env");
        expected.nextInt(7); // onReset draws the start cell
        assertTrue(expected.sameStateAs(env.rng()));
    }

    @Test
    @DisplayName("the same seed replays an episode; reset() continues the stream; first unseeded reset uses seed 0")
    void seedsReplay() {
        RandomWalk a = new RandomWalk(9), b = new RandomWalk(9);
        assertEquals(episode(a, 11L), episode(b, 11L));
        assertEquals(episode(a, null), episode(b, null), "unseeded resets continue identically");
        assertEquals(episode(new RandomWalk(9), null), episode(new RandomWalk(9), BaseEnv.DEFAULT_SEED));
        List<List<Integer>> seeds = new ArrayList<>();
        for (long s = 0; s < 10; s++) seeds.add(episode(new RandomWalk(9), s));
        assertTrue(seeds.stream().distinct().count() > 1, "ten seeds gave ten identical episodes");
    }

    @Test
    @DisplayName("sampleAction draws from child \"action_space\" of the reset seed")
    void sampleActionSeeded() {
        RandomWalk env = new RandomWalk(9);
        env.reset(21L, Map.of());
        Rng expected = new Rng(21).child("action_space");
        for (int i = 0; i < 20; i++) assertEquals(expected.nextInt(2), env.sampleAction());
        RandomWalk other = new RandomWalk(9);
        other.reset(22L, Map.of());
        List<Integer> x = new ArrayList<>(), y = new ArrayList<>();
        env.reset(21L, Map.of());
        for (int i = 0; i < 40; i++) {
            x.add(env.sampleAction());
            y.add(other.sampleAction());
        }
        assertNotEquals(x, y);
    }

    @Test
    @DisplayName("unknown reset options are rejected with the env's name; null options mean none")
    void options() {
        RandomWalk env = new RandomWalk(9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.reset(1L, Map.of("start", 3)));
        assertEquals("RandomWalk.reset: unknown options [start] (this env takes none)", e.getMessage());
        env.reset(1L, null);
    }

    @Test
    @DisplayName("close twice runs onClose once")
    void closeTwice() {
        RandomWalk env = new RandomWalk(9);
        env.close();
        env.close();
        assertEquals(1, env.closes());
    }
}
