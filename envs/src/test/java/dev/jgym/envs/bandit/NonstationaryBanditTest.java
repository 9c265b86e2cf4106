package dev.jgym.envs.bandit;

import static dev.jgym.envs.bandit.BanditTesting.make;
import static dev.jgym.envs.bandit.BanditTesting.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jgym.core.env.Step;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NonstationaryBanditTest {
    private static final String ID = NonstationaryBandit.ID;

    @Test
    @DisplayName("S&B ex. 2.5: after n = 1000 steps of N(0, 0.01^2) increments, Var q*(a) = n * 0.01^2 = 0.1, within 10% over 400 seeds x 10 arms")
    void walkVarianceGrowsLinearly() {
        NonstationaryBandit env = make(ID, Map.of("initial_value", 2.0), NonstationaryBandit.class);
        int seeds = 400, n = 1000;
        double sum = 0, sumSquares = 0;
        for (int seed = 0; seed < seeds; seed++) {
            env.reset((long) seed);
            for (int i = 0; i < n; i++) env.step(i % 10);
            for (double q : env.trueValues()) {
                sum += q - 2.0;
                sumSquares += (q - 2.0) * (q - 2.0);
            }
        }
        int samples = seeds * 10;
        assertEquals(0, sum / samples, 0.03, "the walk has no drift (4 standard errors of sqrt(0.1 / 4000))");
        assertEquals(n * 0.01 * 0.01, sumSquares / samples, 0.01, "variance about the start value");
    }

    @Test
    @DisplayName("all arms start equal (every arm optimal, regret 0); the reward comes from q* before the step's drift")
    void rewardBeforeDrift() {
        NonstationaryBandit env = make(ID, Map.of("k", 3, "initial_value", 1.25, "reward_stddev", 0, "drift_stddev", 1.0),
                NonstationaryBandit.class);
        env.reset(4L);
        Step<Integer> first = env.step(2);
        assertEquals(1.25, first.reward(), 0.0, "noise-free reward from the start value, before the walk moves");
        assertEquals(Boolean.TRUE, first.info().get("optimal"));
        assertEquals(0.0, first.info().get("regret"));
        double[] before = env.trueValues();
        Step<Integer> second = env.step(0);
        assertEquals(before[0], second.reward(), 0.0);
        double best = Arrays.stream(before).max().orElseThrow();
        assertEquals(best - before[0], (Double) second.info().get("regret"), 1e-12);
        assertEquals(before[0] == best, second.info().get("optimal"));
    }

    @Test
    @DisplayName("every reset, seeded or not, restarts the walk at initial_value")
    void resetRestartsTheWalk() {
        NonstationaryBandit env = make(ID, Map.of("k", 4, "initial_value", -1.0), NonstationaryBandit.class);
        env.reset(9L);
        for (int i = 0; i < 50; i++) env.step(1);
        assertFalse(Arrays.equals(new double[] {-1, -1, -1, -1}, env.trueValues()));
        env.reset();
        assertArrayEquals(new double[] {-1, -1, -1, -1}, env.trueValues());
    }

    @Test
    @DisplayName("bad options are one-line errors naming the option")
    void optionErrors() {
        rejects(ID, Map.of("drift_stddev", -0.5), "NonstationaryBandit-v0: options.drift_stddev: expected a number >= 0, found -0.5");
        rejects(ID, Map.of("k", 0), "NonstationaryBandit-v0: options.k: expected a positive integer, found 0");
    }
}
