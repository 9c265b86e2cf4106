package dev.jgym.agents.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.agents.tabular.Training;
import dev.jgym.agents.tabular.TdPrediction;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * S&amp;B Example 6.2 (Figure 6.2, right): on the 5-state random walk, with every V starting at 0.5,
 * TD(0) learns the random policy's values 1/6 ... 5/6 faster than constant-α Monte Carlo. RMS error
 * over the five states, averaged over 100 runs, after 100 episodes: TD at α = 0.05 below MC at each
 * of the book's α (0.01 to 0.04).
 */
class RandomWalkTest {
    static final double[] TRUE = {0, 1 / 6.0, 2 / 6.0, 3 / 6.0, 4 / 6.0, 5 / 6.0, 0};

    static double rms(double[] v) {
        double s = 0;
        for (int i = 1; i <= 5; i++) s += (v[i] - TRUE[i]) * (v[i] - TRUE[i]);
        return Math.sqrt(s / 5);
    }

    static double meanRms(String type, String settings, int episodes, int runs) {
        double sum = 0;
        for (int run = 0; run < runs; run++) {
            Object agent = Training.train("RandomWalk-v0", Map.of(), type, settings, episodes, run);
            sum += rms(agent instanceof TdPrediction td ? td.values() : ((MonteCarloPrediction) agent).values());
        }
        return sum / runs;
    }

    @Test
    @DisplayName("S&B Fig 6.2: after 100 episodes (100 runs) TD(0) alpha 0.05 has a lower RMS error than MC at its best alpha in {0.01, 0.02, 0.03, 0.04}")
    void tdBeatsMonteCarlo() {
        double td = meanRms("td0-prediction", "{\"alpha\": 0.05}", 100, 100);
        double bestMc = Double.POSITIVE_INFINITY;
        for (double alpha : new double[] {0.01, 0.02, 0.03, 0.04}) {
            bestMc = Math.min(bestMc, meanRms("mc-prediction", "{\"alpha\": " + alpha + "}", 100, 100));
        }
        assertTrue(td < bestMc, "TD " + td + " vs best MC " + bestMc);
        System.out.printf("random walk RMS after 100 episodes: TD(0) alpha 0.05 %.4f, best MC %.4f%n", td, bestMc);
        assertTrue(td < 0.08, "TD(0) alpha 0.05 RMS after 100 episodes " + td);
    }

    @Test
    @DisplayName("S&B 5.1/6.1: first-visit MC (sample averages), every-visit MC and TD(0) (alpha 0.01) converge to 1/6..5/6 (+-0.02 each) in 5000 episodes")
    void bothConverge() {
        MonteCarloPrediction first = Training.train("RandomWalk-v0", Map.of(), "mc-prediction", "{}", 5000, 1);
        MonteCarloPrediction every = Training.train("RandomWalk-v0", Map.of(), "mc-prediction", "{\"visits\": \"every\"}", 5000, 2);
        TdPrediction td = Training.train("RandomWalk-v0", Map.of(), "td0-prediction", "{\"alpha\": 0.01}", 5000, 3);
        for (int s = 1; s <= 5; s++) {
            assertEquals(TRUE[s], first.value(s), 0.02, "first-visit MC, state " + s);
            assertEquals(TRUE[s], every.value(s), 0.02, "every-visit MC, state " + s);
            assertEquals(TRUE[s], td.value(s), 0.02, "TD(0), state " + s);
        }
    }
}
