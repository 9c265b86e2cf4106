package dev.jgym.envs.bandit;

import static dev.jgym.envs.bandit.BanditTesting.make;
import static dev.jgym.envs.bandit.BanditTesting.mean;
import static dev.jgym.envs.bandit.BanditTesting.rejects;
import static dev.jgym.envs.bandit.BanditTesting.rejectsMentioning;
import static dev.jgym.envs.bandit.BanditTesting.variance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.space.Discrete;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GaussianBanditTest {
    private static final String ID = GaussianBandit.ID;

    @Test
    @DisplayName("S&B 2.3 testbed: q*(a) over 2000 seeds x 10 arms ~ N(0, 1): mean 0 +- 0.03, variance 1 +- 0.05 (> 4 standard errors)")
    void testbedValuesAreStandardNormal() {
        GaussianBandit env = make(ID, Map.of(), GaussianBandit.class);
        double[] all = new double[2000 * 10];
        for (int seed = 0; seed < 2000; seed++) {
            env.reset((long) seed);
            System.arraycopy(env.trueValues(), 0, all, seed * 10, 10);
        }
        assertEquals(0, mean(all), 0.03);
        assertEquals(1, variance(all), 0.05);
    }

    @Test
    @DisplayName("mean_of_means 3, stddev_of_means 0.5: q*(a) mean 3 +- 0.02, stddev 0.5 +- 0.02 over 10 000 draws")
    void drawnValuesFollowTheOptions() {
        GaussianBandit env = make(ID, Map.of("k", 5, "mean_of_means", 3, "stddev_of_means", 0.5), GaussianBandit.class);
        double[] all = new double[2000 * 5];
        for (int seed = 0; seed < 2000; seed++) {
            env.reset((long) seed);
            System.arraycopy(env.trueValues(), 0, all, seed * 5, 5);
        }
        assertEquals(3, mean(all), 0.02);
        assertEquals(0.5, Math.sqrt(variance(all)), 0.02);
    }

    @Test
    @DisplayName("fixed means [1, -2, 0.5], reward_stddevs [1, 2, 0.5]: 20 000 pulls each, mean within 4 standard errors, stddev within 3%")
    void rewardsFollowTheArm() {
        double[] means = {1, -2, 0.5}, stddevs = {1, 2, 0.5};
        Env<Integer, Integer> env = EnvRegistry.make(ID, Map.of("means", means, "reward_stddevs", stddevs, "max_episode_steps", 0));
        env.reset(11L);
        assertArrayEquals(means, ((GaussianBandit) env.unwrapped()).trueValues());
        int n = 20_000;
        for (int a = 0; a < 3; a++) {
            double[] rewards = new double[n];
            for (int i = 0; i < n; i++) rewards[i] = env.step(a).reward();
            assertEquals(means[a], mean(rewards), 4 * stddevs[a] / Math.sqrt(n), "arm " + a + " mean");
            assertEquals(stddevs[a], Math.sqrt(variance(rewards)), 0.03 * stddevs[a], "arm " + a + " stddev");
        }
    }

    @Test
    @DisplayName("a seeded reset redraws the arms, an unseeded one keeps them, the same seed gives the same arms")
    void resetSemantics() {
        GaussianBandit env = make(ID, Map.of(), GaussianBandit.class);
        env.reset(1L);
        double[] first = env.trueValues();
        env.step(0);
        env.reset();
        assertArrayEquals(first, env.trueValues(), "unseeded reset keeps the arms");
        env.reset(2L);
        assertFalse(Arrays.equals(first, env.trueValues()), "seed 2 draws new arms");
        env.reset(1L);
        assertArrayEquals(first, env.trueValues(), "seed 1 again gives the same arms");

        GaussianBandit fresh = make(ID, Map.of(), GaussianBandit.class);
        fresh.reset();
        double[] defaultSeed = fresh.trueValues();
        fresh.reset(0L);
        assertArrayEquals(defaultSeed, fresh.trueValues(), "the first reset draws, with seed 0 when none is given");
    }

    @Test
    @DisplayName("info is exactly {optimal, regret}: the best arm is optimal with regret 0, another arm has regret max q* - q*(a)")
    void infoScoresThePull() {
        double[] means = {0.2, 1.5, -0.3, 1.5};
        Env<Integer, Integer> env = EnvRegistry.make(ID, Map.of("means", means));
        env.reset(3L);
        for (int a = 0; a < means.length; a++) {
            Step<Integer> step = env.step(a);
            assertEquals(Set.of("optimal", "regret"), step.info().keySet());
            assertEquals(means[a] == 1.5, step.info().get("optimal"), "arm " + a + " (ties count as optimal)");
            assertEquals(1.5 - means[a], (Double) step.info().get("regret"), 1e-12, "arm " + a);
            assertEquals(0, step.observation());
            assertFalse(step.terminated());
        }
    }

    @Test
    @DisplayName("spaces: Discrete(1) observations, Discrete(k) actions; a pull outside Discrete(k) is an error naming the env")
    void spaces() {
        Env<Integer, Integer> env = EnvRegistry.make(ID, Map.of("k", 4));
        assertEquals(new Discrete(1), env.observationSpace());
        assertEquals(new Discrete(4), env.actionSpace());
        env.reset(0L);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.step(4));
        assertEquals("GaussianBandit-v0: action 4 is not in Discrete(4)", e.getMessage());
    }

    @Test
    @DisplayName("an episode is 1000 pulls, truncated; max_episode_steps changes it")
    void episodeLength() {
        Env<Integer, Integer> env = EnvRegistry.make(ID);
        env.reset(0L);
        for (int i = 1; i < 1000; i++) assertFalse(env.step(0).done());
        Step<Integer> last = env.step(0);
        assertTrue(last.truncated() && !last.terminated());

        Env<Integer, Integer> shortOne = EnvRegistry.make(ID, Map.of("max_episode_steps", 5));
        shortOne.reset(0L);
        for (int i = 1; i < 5; i++) assertFalse(shortOne.step(0).done());
        assertTrue(shortOne.step(0).truncated());
    }

    @Test
    @DisplayName("bad options are one-line errors naming the option")
    void optionErrors() {
        rejects(ID, Map.of("k", 0), "GaussianBandit-v0: options.k: expected a positive integer, found 0");
        rejectsMentioning(ID, Map.of("k", "5"), "GaussianBandit-v0: options.k: expected an integer, found \"5\"");
        rejects(ID, Map.of("reward_stddev", -1), "GaussianBandit-v0: options.reward_stddev: expected a number >= 0, found -1.0");
        rejects(ID, Map.of("k", 3, "means", List.of(1, 2)),
                "GaussianBandit-v0: options.means: expected 3 values (one per arm, k = 3), found 2");
        rejects(ID, Map.of("means", List.of(1, 2), "stddev_of_means", 2),
                "GaussianBandit-v0: options.stddev_of_means: not used when means are given (leave it out)");
        rejects(ID, Map.of("means", List.of(1, 2), "reward_stddevs", List.of(1, -1)),
                "GaussianBandit-v0: options.reward_stddevs[1]: expected a number >= 0, found -1.0");
        rejectsMentioning(ID, Map.of("arms", 10), "GaussianBandit-v0: options: unknown key \"arms\"", "k", "means", "reward_stddev");
        assertThrows(IllegalArgumentException.class, () -> EnvRegistry.make(ID).reset(0L, Map.of("k", 3)),
                "reset takes no options");
    }
}
