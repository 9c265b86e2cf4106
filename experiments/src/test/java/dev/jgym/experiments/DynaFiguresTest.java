package dev.jgym.experiments;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.agents.Evaluation;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sutton &amp; Barto (2nd ed.) chapter 8 from the configs under {@code configs/book/}: the Dyna maze
 * (Figure 8.2), the blocking maze (Figure 8.4) and the shortcut maze (Figure 8.5). The agents learn
 * their models from experience. Reference shapes are the book's text and figures: with 50
 * planning steps the agent walks a near-optimal path by the third episode, with none it takes
 * about 25 episodes; after the blocking maze changes, Dyna-Q+ recovers sooner and ends well
 * above Dyna-Q; in the shortcut maze Dyna-Q never finds the shortcut, Dyna-Q+ does.
 */
@Tag("learning")
class DynaFiguresTest {

    static ExperimentResult run(String config) {
        return Experiment.read(Configs.path(config)).run(2, n -> { });
    }

    static double mean(double[] curve, int from, int to) {
        double s = 0;
        for (int k = from; k <= to; k++) s += curve[k - 1];
        return s / (to - from + 1);
    }

    @Test
    @DisplayName("S&B Fig 8.2 (30 runs, alpha 0.1, eps 0.1, gamma 0.95): n = 50 under 25 steps by episode 3, n = 5 by episode 6, n = 0 still above 100 over episodes 2-10 and under 25 by episodes 41-50; greedy path 14-16 steps (optimal 14; Q0 = 0 may settle on a 16-step one) in all 30 runs of n = 5 and 50")
    void dynaMaze() {
        ExperimentResult r = run("book/dyna-maze-figure-8.2.json");
        int length = r.metric("length");
        double[] n0 = r.agent("0 planning steps (direct RL only)").curves()[length];
        double[] n5 = r.agent("5 planning steps").curves()[length];
        double[] n50 = r.agent("50 planning steps").curves()[length];
        assertTrue(n50[2] < 25, "n = 50, episode 3: " + n50[2]);
        assertTrue(mean(n50, 3, 50) < 18.5, "n = 50, episodes 3-50 (14 plus epsilon's detours): " + mean(n50, 3, 50));
        assertTrue(n5[5] < 25 && n5[2] > n50[2], "n = 5: episode 3 " + n5[2] + ", episode 6 " + n5[5]);
        assertTrue(mean(n0, 2, 10) > 100, "n = 0 is still searching over episodes 2-10: " + mean(n0, 2, 10));
        assertTrue(mean(n0, 41, 50) < 25, "n = 0 has learned by episodes 41-50: " + mean(n0, 41, 50));
        for (String label : new String[] {"5 planning steps", "50 planning steps"}) {
            Map<Double, Integer> paths = new TreeMap<>();
            for (Evaluation.Result e : r.agent(label).evaluations()) paths.merge(e.meanLength(), 1, Integer::sum);
            System.out.println("Dyna maze, " + label + ": greedy path lengths after 50 episodes " + paths);
            assertTrue(paths.keySet().stream().allMatch(l -> l >= 14 && l <= 16), label + ": greedy paths of 14-16 steps: " + paths);
        }
    }

    @Test
    @DisplayName("S&B Fig 8.4, blocking maze (20 runs, alpha 1, n 10, kappa 1e-4): both flat for the 100 steps after the change at 1000; Dyna-Q+ ends >= 30 episodes (cumulative reward) above Dyna-Q at 3000 and earns >= 40 over steps 2001-3000")
    void blockingMaze() {
        ExperimentResult r = run("book/blocking-maze-figure-8.4.json");
        int episodes = r.metric("episodes");
        double[] q = r.agent("Dyna-Q").curves()[episodes], plus = r.agent("Dyna-Q+").curves()[episodes];
        System.out.printf("blocking maze, cumulative reward at 1000/2000/3000: Dyna-Q %.1f/%.1f/%.1f, Dyna-Q+ %.1f/%.1f/%.1f%n",
                q[999], q[1999], q[2999], plus[999], plus[1999], plus[2999]);
        assertTrue(q[999] > 30 && plus[999] > 30, "both learned the right-hand way before the change");
        assertTrue(q[1099] - q[999] < 1 && plus[1099] - plus[999] < 1, "the way is blocked: no reward right after the change");
        assertTrue(plus[2999] - q[2999] >= 30, "Dyna-Q+ " + plus[2999] + " vs Dyna-Q " + q[2999]);
        assertTrue(plus[2999] - plus[1999] >= 40, "Dyna-Q+ walks the new way: " + (plus[2999] - plus[1999]));
    }

    @Test
    @DisplayName("S&B Fig 8.5, shortcut maze (20 runs, alpha 1, n 50, kappa 1e-3): Dyna-Q's reward rate over steps 5001-6000 within 15% of 2001-3000 (it never finds the shortcut), Dyna-Q+'s >= 1.4 times (it does)")
    void shortcutMaze() {
        ExperimentResult r = run("book/shortcut-maze-figure-8.5.json");
        int episodes = r.metric("episodes");
        double[] q = r.agent("Dyna-Q").curves()[episodes], plus = r.agent("Dyna-Q+").curves()[episodes];
        double qBefore = q[2999] - q[1999], qAfter = q[5999] - q[4999];
        double plusBefore = plus[2999] - plus[1999], plusAfter = plus[5999] - plus[4999];
        System.out.printf("shortcut maze, reward over 2001-3000 and 5001-6000: Dyna-Q %.1f, %.1f; Dyna-Q+ %.1f, %.1f%n",
                qBefore, qAfter, plusBefore, plusAfter);
        assertTrue(Math.abs(qAfter / qBefore - 1) < 0.15, "Dyna-Q keeps the long way: " + qBefore + " -> " + qAfter);
        assertTrue(plusAfter >= 1.4 * plusBefore, "Dyna-Q+ takes the shortcut: " + plusBefore + " -> " + plusAfter);
        assertTrue(plus[5999] > q[5999], "Dyna-Q+ ends above Dyna-Q");
    }
}
