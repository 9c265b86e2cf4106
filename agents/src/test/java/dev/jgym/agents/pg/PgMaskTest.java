package dev.jgym.agents.pg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.wrappers.FlattenObservation;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.space.Discrete;
import dev.jgym.core.vector.AutoresetMode;
import dev.jgym.core.vector.SyncVectorEnv;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Backends;
import dev.jgym.nn.Param;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Action masks in the actor-critic (MaskablePPO, sb3-contrib: a masked logit counts as minus
 * infinity when sampling and in the update's log pi, ratio and entropy).
 */
class PgMaskTest {
    static PgConfig.PgSettings settings(int envs, int steps, int batch) {
        return PgTrainingTest.config("{\"name\": \"m\", \"seed\": 1, \"env\": {\"id\": \"TicTacToe-v0\"},"
                + "\"pg\": {\"total_steps\": " + envs * steps + ", \"n_envs\": " + envs + ", \"n_steps\": " + steps + ", \"n_epochs\": 1,"
                + "\"batch_size\": " + batch + ", \"ent_coef\": 0.01, \"action_mask\": true, \"network\": {\"hidden\": [16]},"
                + "\"optimizer\": {\"type\": \"adam\", \"lr\": 0.01}}}").pg();
    }

    /**
     * A rollout of 4 envs x 16 steps of random observations and random masks over Discrete(4),
     * action 3 masked at every step, acted on and then updated with one minibatch of the whole
     * rollout: the update's log-probabilities come before any parameter moves, so under the stored
     * masks they equal those the acting stored (approx KL 0, nothing clipped); at the near-uniform
     * start (output gain 0.01) the entropy is the mean of log(legal actions), far from log 4
     * unmasked; and the logit of action 3 gets no gradient, so its output row and bias keep their
     * bits under Adam while the other rows move.
     */
    @Test
    @DisplayName("masked update: every sampled action legal; approx KL < 1e-9 and clip fraction 0 (log pi under the stored masks); entropy = mean log(#legal) +- 0.01 (not log 4 = 1.386); an always-masked logit's output row and bias bit-identical after the step, the others moved")
    void updateUsesTheStoredMasks() {
        int n = 4, steps = 16, actions = 4, obsDim = 3, hidden = 16;
        try (Backend backend = Backends.create("cpu", 1, Backends.Use.CPU_ONLY, "test")) {
            ActorCritic ac = new ActorCritic(settings(n, steps, n * steps), backend, obsDim, new Discrete(actions), new Rng(7));
            Rollout r = new Rollout(steps, n, obsDim, 1, true, actions);
            Rng rng = new Rng(11);
            float[] obs = new float[n * obsDim];
            byte[] masks = new byte[n * actions];
            int[] chosen = new int[n];
            double meanLogLegal = 0;
            for (int t = 0; t < steps; t++) {
                for (int k = 0; k < obs.length; k++) obs[k] = (float) rng.gaussian();
                for (int i = 0; i < n; i++) {
                    int legal = 0;
                    for (int a = 0; a < actions - 1; a++) legal += masks[i * actions + a] = (byte) rng.nextInt(2);
                    if (legal == 0) masks[i * actions + rng.nextInt(actions - 1)] = 1;
                    masks[i * actions + actions - 1] = 0;
                    meanLogLegal += Math.log(Math.max(legal, 1));
                }
                ac.act(obs, masks, r, t, chosen, null);
                for (int i = 0; i < n; i++) {
                    assertEquals(1, masks[i * actions + chosen[i]], "step " + t + " env " + i + " chose masked action " + chosen[i]);
                    r.rewards[t * n + i] = (float) rng.gaussian();
                }
                assertArrayEquals(masks, Arrays.copyOfRange(r.masks, t * n * actions, (t + 1) * n * actions), "the rollout keeps the step's masks");
            }
            meanLogLegal /= n * steps;
            List<Param> ps = ac.actor.params();
            float[] w = ps.get(ps.size() - 2).value().data().clone(), b = ps.get(ps.size() - 1).value().data().clone();
            ActorCritic.Stats st = ac.update(r, 1);
            assertTrue(st.approxKl() < 1e-9, "approx KL " + st.approxKl());
            assertEquals(0, st.clipFraction());
            assertEquals(meanLogLegal, st.entropy(), 0.01);
            assertTrue(Math.abs(st.entropy() - Math.log(actions)) > 0.3, "entropy " + st.entropy());
            float[] w2 = ps.get(ps.size() - 2).value().data(), b2 = ps.get(ps.size() - 1).value().data();
            assertArrayEquals(Arrays.copyOfRange(w, 3 * hidden, 4 * hidden), Arrays.copyOfRange(w2, 3 * hidden, 4 * hidden), "masked logit's weights");
            assertEquals(b[3], b2[3], 0, "masked logit's bias");
            for (int a = 0; a < 3; a++) {
                assertNotEquals(b[a], b2[a], "logit " + a + " moved");
                assertTrue(!Arrays.equals(Arrays.copyOfRange(w, a * hidden, (a + 1) * hidden), Arrays.copyOfRange(w2, a * hidden, (a + 1) * hidden)));
            }
        }
    }

    /**
     * Taxi-v4's info marks moves into walls and pickups/drop-offs that do nothing as illegal. The
     * untrained actor on its vector env (one-hot observations, same-step autoreset: the mask after
     * an episode's end is the new episode's) samples 16,000 actions; with the mask none is illegal,
     * without it about a third are (pickup and drop-off are illegal almost everywhere).
     */
    @Test
    @DisplayName("masked sampling on Taxi-v4's vector env (8 envs x 2000 steps, autoresets included): 0 actions the step's action_mask forbids; unmasked, the same actor picks > 20% of them")
    @SuppressWarnings("unchecked")
    void maskedSamplingOnTaxi() {
        int n = 8, steps = 2000;
        for (boolean masked : new boolean[] {true, false}) {
            try (Backend backend = Backends.create("cpu", 1, Backends.Use.CPU_ONLY, "test");
                 SyncVectorEnv vec = new SyncVectorEnv(() -> new FlattenObservation<>((Env<?, Object>) EnvRegistry.make("Taxi-v4", Map.of())), n, 1,
                         AutoresetMode.SAME_STEP).trackActionMasks()) {
                ActorCritic ac = new ActorCritic(settings(n, 1, n), backend, 500, new Discrete(6), new Rng(3));
                Rollout r = new Rollout(1, n, 500, 1, true, 6);
                int[] chosen = new int[n];
                int illegal = 0, ends = 0;
                vec.reset(1L);
                for (int t = 0; t < steps; t++) {
                    byte[] mask = vec.actionMasks().clone();
                    ac.act(vec.observations().clone(), masked ? mask : null, r, 0, chosen, null);
                    for (int i = 0; i < n; i++) if (mask[i * 6 + chosen[i]] == 0) illegal++;
                    vec.step(chosen);
                    for (int i = 0; i < n; i++) if (vec.hasFinalObservation()[i]) ends++;
                }
                assertTrue(ends >= n, "episodes ended and restarted: " + ends);
                if (masked) assertEquals(0, illegal, "masked");
                else assertTrue(illegal > 0.2 * n * steps, "unmasked: " + illegal + " illegal of " + n * steps);
            }
        }
    }
}
