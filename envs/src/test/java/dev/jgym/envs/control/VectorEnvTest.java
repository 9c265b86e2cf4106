package dev.jgym.envs.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.ActionMask;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.env.wrappers.FlattenObservation;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.space.Discrete;
import dev.jgym.core.vector.AutoresetMode;
import dev.jgym.core.vector.SyncVectorEnv;
import dev.jgym.core.vector.VectorEnv;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Vector envs: Gymnasium 1.x autoreset semantics, the seeding rule, thread-count independence, zero allocation. */
class VectorEnvTest {
    static final int N = 7, STEPS = 1500;

    /** One trajectory of everything a vector env reports, concatenated. */
    static String trajectory(VectorEnv v, long seed) {
        StringBuilder out = new StringBuilder();
        Rng actions = new Rng(99);
        int[] a = new int[v.numEnvs()];
        v.reset(seed);
        out.append(Arrays.toString(v.observations()));
        for (int t = 0; t < STEPS; t++) {
            for (int i = 0; i < a.length; i++) a[i] = actions.nextInt(2);
            v.step(a);
            out.append(Arrays.toString(v.observations())).append(Arrays.toString(v.rewards()))
                    .append(Arrays.toString(v.terminated())).append(Arrays.toString(v.truncated()))
                    .append(Arrays.toString(v.hasFinalObservation()));
            for (int i = 0; i < a.length; i++) {
                if (v.hasFinalObservation()[i]) out.append(Arrays.toString(Arrays.copyOfRange(v.finalObservations(), 4 * i, 4 * i + 4)));
            }
            out.append('\n');
        }
        v.close();
        return out.toString();
    }

    @ParameterizedTest
    @EnumSource(AutoresetMode.class)
    @DisplayName("struct-of-arrays CartPole = N registry CartPole-v1 envs, bit for bit, on 1 and 2 threads")
    void soaMatchesSingleEnvsOnAnyThreadCount(AutoresetMode mode) {
        String reference = trajectory(SyncVectorEnv.make("CartPole-v1", Map.of(), N, 1, mode), 5);
        assertEquals(reference, trajectory(SyncVectorEnv.make("CartPole-v1", Map.of(), N, 2, mode), 5));
        assertEquals(reference, trajectory(new CartPoleVectorEnv(N, 1, mode, 500, false), 5));
        assertEquals(reference, trajectory(new CartPoleVectorEnv(N, 2, mode, 500, false), 5));
        assertFalse(reference.equals(trajectory(new CartPoleVectorEnv(N, 2, mode, 500, false), 6)), "another seed, another trajectory");
    }

    @Test
    @DisplayName("seeding rule: sub-env i starts as a single env reset with subEnvSeed(seed, i) = new Rng(seed).child(i).seed()")
    void seedingRule() {
        CartPoleVectorEnv v = new CartPoleVectorEnv(4);
        v.reset(42L);
        for (int i = 0; i < 4; i++) {
            Env<float[], Integer> single = EnvRegistry.make("CartPole-v1");
            float[] first = single.reset(new Rng(42).child(i).seed(), Map.of()).observation();
            assertArrayEquals(first, Arrays.copyOfRange(v.observations(), 4 * i, 4 * i + 4), 0f, "sub-env " + i);
        }
        v.close();
    }

    /** Steps sub-env 0 with action 1 (pushes right until the pole falls) and returns the step at which it ended. */
    private static int pushUntilDone(VectorEnv v) {
        int[] a = new int[v.numEnvs()];
        Arrays.fill(a, 1);
        for (int t = 1; t < 100; t++) {
            v.step(a);
            if (v.terminated()[0]) return t;
        }
        throw new AssertionError("never terminated");
    }

    @Test
    @DisplayName("next-step autoreset (default): the ending step shows the final observation; the next step ignores the action, resets, reward 0, flags false")
    void nextStepAutoreset() {
        for (VectorEnv v : new VectorEnv[] {new CartPoleVectorEnv(3), SyncVectorEnv.make("CartPole-v1", Map.of(), 3, 1, null)}) {
            assertEquals(AutoresetMode.NEXT_STEP, v.autoresetMode());
            v.reset(1L);
            pushUntilDone(v);
            assertTrue(Math.abs(v.observations()[2]) > CartPole.THETA_THRESHOLD, "the terminal observation itself");
            assertEquals(1.0, v.rewards()[0]);
            assertFalse(v.hasFinalObservation()[0]);
            v.step(new int[] {0, 1, 1});
            assertEquals(0.0, v.rewards()[0]);
            assertFalse(v.terminated()[0] || v.truncated()[0]);
            for (int k = 0; k < 4; k++) assertTrue(Math.abs(v.observations()[k]) <= 0.05, "a fresh start: " + v.observations()[k]);
            v.close();
        }
    }

    @Test
    @DisplayName("same-step autoreset: the ending step returns the new first observation, the old one in finalObservations")
    void sameStepAutoreset() {
        for (VectorEnv v : new VectorEnv[] {new CartPoleVectorEnv(3, 1, AutoresetMode.SAME_STEP, 500, false),
                SyncVectorEnv.make("CartPole-v1", Map.of(), 3, 1, AutoresetMode.SAME_STEP)}) {
            v.reset(1L);
            pushUntilDone(v);
            assertTrue(v.hasFinalObservation()[0]);
            assertEquals(1.0, v.rewards()[0], "the reward of the finished episode's last step");
            assertTrue(Math.abs(v.finalObservations()[2]) > CartPole.THETA_THRESHOLD);
            for (int k = 0; k < 4; k++) assertTrue(Math.abs(v.observations()[k]) <= 0.05, "already the new episode");
            v.step(new int[] {1, 1, 1});
            assertFalse(v.hasFinalObservation()[0]);
            assertEquals(1.0, v.rewards()[0], "a normal step of the new episode");
            v.close();
        }
    }

    /**
     * What sub-env i's slot of {@code actionMasks()} holds after every reset and step of a vector
     * of {@code id} (its observations flattened), same-step autoreset, on {@code threads} threads;
     * and the same for N single envs stepped by hand, with the same seeds and random actions.
     */
    @SuppressWarnings("unchecked")
    private static String[] maskTrajectories(String id, int threads) {
        int n = 5;
        SyncVectorEnv v = new SyncVectorEnv(() -> new FlattenObservation<>((Env<?, Object>) EnvRegistry.make(id, Map.of())), n, threads,
                AutoresetMode.SAME_STEP).trackActionMasks();
        List<Env<Object, Object>> singles = new ArrayList<>();
        for (int i = 0; i < n; i++) singles.add((Env<Object, Object>) EnvRegistry.make(id, Map.of()));
        int k = ((Discrete) v.singleActionSpace()).n();
        StringBuilder vector = new StringBuilder(), single = new StringBuilder();
        v.reset(5L);
        byte[] m = new byte[n * k];
        for (int i = 0; i < n; i++) ActionMask.copy(singles.get(i).reset(VectorEnv.subEnvSeed(5L, i), Map.of()).info(), k, m, i * k);
        vector.append(Arrays.toString(v.actionMasks())).append('\n');
        single.append(Arrays.toString(m)).append('\n');
        Rng actions = new Rng(99);
        int[] a = new int[n];
        int resets = 0;
        for (int t = 0; t < 600; t++) {
            for (int i = 0; i < n; i++) a[i] = actions.nextInt(k);
            v.step(a);
            for (int i = 0; i < n; i++) {
                Step<Object> s = singles.get(i).step(a[i]);
                Map<String, Object> info = s.info();
                if (s.done()) {
                    info = singles.get(i).reset(null, Map.of()).info(); // the new episode's mask, as the vector's same-step autoreset shows
                    resets++;
                }
                ActionMask.copy(info, k, m, i * k);
            }
            vector.append(Arrays.toString(v.actionMasks())).append('\n');
            single.append(Arrays.toString(m)).append('\n');
        }
        v.close();
        assertTrue(resets > n, id + ": autoresets happen (" + resets + ")");
        return new String[] {vector.toString(), single.toString()};
    }

    @ParameterizedTest
    @ValueSource(strings = {"Taxi-v4", "TicTacToe-v0"})
    @DisplayName("action masks: each sub-env's slot holds the info action_mask of the observation shown (the reset's, the step's, after a same-step autoreset the new episode's), as single envs stepped by hand; 1 and 2 threads alike")
    void actionMasksFollowTheInfo(String id) {
        String[] one = maskTrajectories(id, 1);
        assertEquals(one[1], one[0]);
        assertEquals(one[0], maskTrajectories(id, 2)[0]);
        assertTrue(one[0].contains("0"), "some actions are masked");
    }

    @Test
    @DisplayName("truncation: Pendulum-v1 through SyncVectorEnv (Box actions) truncates every sub-env at 200 steps")
    void truncationWithBoxActions() {
        SyncVectorEnv v = SyncVectorEnv.make("Pendulum-v1", Map.of(), 2, 2, AutoresetMode.SAME_STEP);
        v.reset(3L);
        for (int t = 1; t <= 200; t++) {
            v.step(new float[] {0.5f, -0.5f});
            assertEquals(t == 200, v.truncated()[0] && v.truncated()[1], "step " + t);
            assertEquals(t == 200, v.hasFinalObservation()[1]);
        }
        v.close();
    }

    @Test
    @DisplayName("the struct-of-arrays step allocates nothing (thread allocation counter over 20,000 steps of 64 envs)")
    void soaStepAllocatesNothing() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        CartPoleVectorEnv v = new CartPoleVectorEnv(64);
        int[] a = new int[64];
        v.reset(0L);
        for (int t = 0; t < 20_000; t++) v.step(a); // warm up (JIT)
        long tid = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(tid);
        for (int t = 0; t < 20_000; t++) {
            a[t & 63] ^= 1;
            v.step(a);
        }
        long allocated = bean.getThreadAllocatedBytes(tid) - before;
        v.close();
        assertTrue(allocated < 1024, "allocated " + allocated + " bytes over 1.28M env-steps");
    }
}
