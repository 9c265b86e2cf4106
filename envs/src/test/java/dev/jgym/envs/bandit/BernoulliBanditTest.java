package dev.jgym.envs.bandit;

import static dev.jgym.envs.bandit.BanditTesting.make;
import static dev.jgym.envs.bandit.BanditTesting.mean;
import static dev.jgym.envs.bandit.BanditTesting.rejects;
import static dev.jgym.envs.bandit.BanditTesting.variance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BernoulliBanditTest {
    private static final String ID = BernoulliBandit.ID;

    @Test
    @DisplayName("p = [0.1, 0.5, 0.9]: rewards are 0 or 1, the frequency of 1 within 0.015 of p over 20 000 pulls (> 4 standard errors)")
    void frequenciesMatchProbabilities() {
        double[] p = {0.1, 0.5, 0.9};
        Env<Integer, Integer> env = EnvRegistry.make(ID, Map.of("probabilities", p, "max_episode_steps", 0));
        env.reset(5L);
        for (int a = 0; a < p.length; a++) {
            int ones = 0, n = 20_000;
            for (int i = 0; i < n; i++) {
                double r = env.step(a).reward();
                assertTrue(r == 0 || r == 1, "reward " + r);
                if (r == 1) ones++;
            }
            assertEquals(p[a], ones / (double) n, 0.015, "arm " + a);
        }
    }

    @Test
    @DisplayName("drawn p_a over 2000 seeds x 10 arms ~ U[0, 1): in [0, 1), mean 1/2 +- 0.01, variance 1/12 +- 0.003")
    void drawnProbabilitiesAreUniform() {
        BernoulliBandit env = make(ID, Map.of(), BernoulliBandit.class);
        double[] all = new double[20_000];
        for (int seed = 0; seed < 2000; seed++) {
            env.reset((long) seed);
            System.arraycopy(env.trueValues(), 0, all, seed * 10, 10);
        }
        for (double p : all) assertTrue(p >= 0 && p < 1);
        assertEquals(0.5, mean(all), 0.01);
        assertEquals(1.0 / 12, variance(all), 0.003);
    }

    @Test
    @DisplayName("a seeded reset redraws the p_a, an unseeded one keeps them")
    void resetSemantics() {
        BernoulliBandit env = make(ID, Map.of(), BernoulliBandit.class);
        env.reset(1L);
        double[] first = env.trueValues();
        env.step(3);
        env.reset();
        assertArrayEquals(first, env.trueValues());
        env.reset(2L);
        assertFalse(Arrays.equals(first, env.trueValues()));
        env.reset(1L);
        assertArrayEquals(first, env.trueValues());
    }

    @Test
    @DisplayName("info uses p: optimal for the largest p (ties count), regret = max p - p_A")
    void infoUsesProbabilities() {
        double[] p = {0.3, 0.8, 0.8};
        Env<Integer, Integer> env = EnvRegistry.make(ID, Map.of("probabilities", p));
        env.reset(0L);
        for (int a = 0; a < 3; a++) {
            Step<Integer> step = env.step(a);
            assertEquals(Set.of("optimal", "regret"), step.info().keySet());
            assertEquals(a != 0, step.info().get("optimal"));
            assertEquals(0.8 - p[a], (Double) step.info().get("regret"), 1e-12);
        }
    }

    @Test
    @DisplayName("bad options are one-line errors naming the option")
    void optionErrors() {
        rejects(ID, Map.of("probabilities", List.of(0.5, 1.5)),
                "BernoulliBandit-v0: options.probabilities[1]: expected a number in [0, 1], found 1.5");
        rejects(ID, Map.of("k", -2), "BernoulliBandit-v0: options.k: expected a positive integer, found -2");
        rejects(ID, Map.of("probabilities", List.of()),
                "BernoulliBandit-v0: options.probabilities: expected at least one value, found an empty list");
    }
}
