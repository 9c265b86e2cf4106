package dev.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.core.rng.Rng;
import dev.jgym.envs.games.minatar.Freeway;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Epsilon-greedy and ez-greedy (Dabney et al., 2021): the draws, the duration law, the settings, and what it buys on Freeway. */
class ExplorationTest {

    private static DqnConfig.ExplorationSettings ez(double mu, int max) {
        return new DqnConfig.ExplorationSettings("ez_greedy", mu, max);
    }

    @Test
    @DisplayName("Epsilon-greedy draws as the learner always did: the epsilon test, then the action, nothing else")
    void epsilonGreedyDrawOrder() {
        Exploration e = new Exploration(new DqnConfig.ExplorationSettings(null, null, null), 3, new Rng(11));
        Rng r = new Rng(11);
        for (int t = 0; t < 10_000; t++) {
            double eps = (t % 7) / 6.0;
            int expected = r.nextDouble() < eps ? r.nextInt(3) : -1;
            assertEquals(expected, e.next(eps), "step " + t);
        }
    }

    @Test
    @DisplayName("Durations follow n^-2 truncated at 10000: P(1) = 0.608, P(2) = 0.152, mean 5.94 (200k runs)")
    void zetaDurations() {
        Exploration e = new Exploration(ez(2, 10_000), 3, new Rng(3));
        double h2 = 0, h1 = 0;
        for (int n = 1; n <= 10_000; n++) {
            h2 += 1.0 / ((double) n * n);
            h1 += 1.0 / n;
        }
        int runs = 200_000, ones = 0, twos = 0;
        long total = 0;
        Rng u = new Rng(5);
        for (int i = 0; i < runs; i++) {
            int n = e.duration(u.nextDouble());
            assertTrue(n >= 1 && n <= 10_000);
            if (n == 1) ones++;
            if (n == 2) twos++;
            total += n;
        }
        assertEquals(1 / h2, ones / (double) runs, 0.003);
        assertEquals(0.25 / h2, twos / (double) runs, 0.003);
        assertEquals(h1 / h2, total / (double) runs, 0.25, "mean duration (heavy tail: a loose bound)");
        assertEquals(1, e.duration(0.0));
        assertEquals(10_000, e.duration(Math.nextDown(1.0)));
    }

    @Test
    @DisplayName("A run holds its action for its whole duration, then the greedy policy acts again; a new episode ends the run")
    void runsHoldTheirAction() {
        Exploration e = new Exploration(ez(1.1, 40), 5, new Rng(9));
        int held = 0, runsSeen = 0;
        for (int t = 0; t < 5000; t++) {
            int before = e.remaining;
            int a = e.next(0.3);
            if (before > 0) {
                assertEquals(held, a, "step " + t + " continues the run");
                assertEquals(before - 1, e.remaining);
            } else if (a >= 0) {
                held = a;
                runsSeen++;
                assertTrue(e.remaining < 40);
            }
        }
        assertTrue(runsSeen > 100);
        while (e.remaining == 0) e.next(1.0);
        e.endRun();
        assertEquals(0, e.remaining);
        assertEquals(-1, e.next(0.0), "no run left: epsilon 0 acts greedily");
    }

    @Test
    @DisplayName("Bad exploration settings name the field")
    void badSettings() {
        UserError e = assertThrows(UserError.class, () -> Json.bind(Json.MAPPER.readTree("{\"type\": \"boltzmann\"}"),
                DqnConfig.ExplorationSettings.class, "x.json", "$.dqn.exploration"));
        assertTrue(e.getMessage().contains("type") && e.getMessage().contains("ez_greedy") && e.getMessage().contains("boltzmann"), e.getMessage());
        e = assertThrows(UserError.class, () -> Json.bind(Json.MAPPER.readTree("{\"type\": \"ez_greedy\", \"mu\": 1}"),
                DqnConfig.ExplorationSettings.class, "x.json", "$.dqn.exploration"));
        assertTrue(e.getMessage().contains("mu") && e.getMessage().contains("found 1.0"), e.getMessage());
        e = assertThrows(UserError.class, () -> Json.bind(Json.MAPPER.readTree("{\"type\": \"ez_greedy\", \"max_duration\": 0}"),
                DqnConfig.ExplorationSettings.class, "x.json", "$.dqn.exploration"));
        assertTrue(e.getMessage().contains("max_duration"), e.getMessage());
    }

    /** Crossings per game of Freeway under pure exploration (epsilon 1), over {@code games} games. */
    private static double freewayCrossings(DqnConfig.ExplorationSettings settings, int games) {
        Exploration e = new Exploration(settings, 3, new Rng(1).child("explore"));
        Freeway env = new Freeway();
        double total = 0;
        for (int g = 0; g < games; g++) {
            env.reset(1000L + g, Map.of());
            e.endRun();
            boolean done = false;
            while (!done) {
                var step = env.step(e.next(1.0));
                total += step.reward();
                done = step.done();
            }
        }
        return total / games;
    }

    @Test
    @DisplayName("Freeway under pure exploration: uniform random play crosses about 0.2 times a game, ez-greedy play (mu 2) about 2")
    void ezGreedyCrossesFreeway() {
        double uniform = freewayCrossings(new DqnConfig.ExplorationSettings(null, null, null), 60);
        double ez = freewayCrossings(ez(2, 10_000), 60);
        System.out.printf("Freeway crossings a game under pure exploration: uniform %.2f, ez-greedy %.2f%n", uniform, ez);
        assertTrue(uniform < 0.5, "uniform " + uniform);
        assertTrue(ez > 1.0, "ez-greedy " + ez);
    }
}
