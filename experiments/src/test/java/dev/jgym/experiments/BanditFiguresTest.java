package dev.jgym.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Sutton & Barto, Reinforcement Learning: An Introduction (2nd ed., 2018), chapter 2, reproduced
 * from the configs under {@code configs/bandits/}. Reference values are read off the book's
 * figures (and match ShangtongZhang/reinforcement-learning-an-introduction, chapter02); all
 * averages are over steps 901-1000 and 2000 runs unless the config says otherwise.
 */
class BanditFiguresTest {

    private static ExperimentResult run(String config) {
        return Experiment.read(Configs.path(config)).run(2, n -> { });
    }

    @Test
    @DisplayName("S&B Fig 2.2: greedy ~1.02 / 35%, eps 0.01 ~1.30 / 58%, eps 0.1 ~1.37 / 80% (+-0.05, +-3 pp)")
    void figure2_2() {
        ExperimentResult r = run("bandits/testbed-figure-2.2.json");
        double greedy = r.windowMean("greedy", "reward"), eps001 = r.windowMean("epsilon 0.01", "reward");
        double eps01 = r.windowMean("epsilon 0.1", "reward");
        assertEquals(1.02, greedy, 0.05, "greedy average reward");
        assertEquals(1.30, eps001, 0.05, "epsilon 0.01 average reward");
        assertEquals(1.37, eps01, 0.05, "epsilon 0.1 average reward");
        assertEquals(35, 100 * r.windowMean("greedy", "optimal"), 3, "greedy % optimal");
        assertEquals(58, 100 * r.windowMean("epsilon 0.01", "optimal"), 3, "epsilon 0.01 % optimal");
        assertEquals(80, 100 * r.windowMean("epsilon 0.1", "optimal"), 3, "epsilon 0.1 % optimal");
        assertTrue(eps01 > eps001 && eps001 > greedy, "ordering eps 0.1 > eps 0.01 > greedy");
    }

    @Test
    @DisplayName("S&B Fig 2.3: optimistic greedy Q1=5 ~87% optimal beats realistic eps 0.1 ~76%")
    void figure2_3() {
        ExperimentResult r = run("bandits/optimistic-figure-2.3.json");
        double optimistic = 100 * r.windowMean("optimistic greedy Q1=5", "optimal");
        double realistic = 100 * r.windowMean("realistic epsilon 0.1 Q1=0", "optimal");
        assertEquals(87, optimistic, 4, "optimistic % optimal");
        assertEquals(76, realistic, 4, "realistic % optimal");
        assertTrue(optimistic > realistic + 5, "optimistic beats realistic: " + optimistic + " vs " + realistic);
    }

    @Test
    @DisplayName("S&B Fig 2.4: UCB c=2 ~1.49 average reward vs ~1.37 for eps 0.1 (+-0.05)")
    void figure2_4() {
        ExperimentResult r = run("bandits/ucb-figure-2.4.json");
        double ucb = r.windowMean("UCB c=2", "reward"), eps = r.windowMean("epsilon 0.1", "reward");
        assertEquals(1.49, ucb, 0.05, "UCB average reward");
        assertEquals(1.37, eps, 0.05, "epsilon 0.1 average reward");
        assertTrue(ucb > eps, "UCB beats epsilon-greedy");
    }

    @Test
    @DisplayName("S&B Exercise 2.5: on a drifting bandit constant alpha 0.1 beats sample averages by > 20 pp optimal (last 5000 of 10000 steps)")
    void exercise2_5() {
        ExperimentResult r = run("bandits/nonstationary-exercise-2.5.json");
        double constant = 100 * r.windowMean("constant alpha 0.1", "optimal");
        double averages = 100 * r.windowMean("sample averages", "optimal");
        assertTrue(constant - averages > 20, "constant alpha " + constant + "% vs sample averages " + averages + "%");
    }

    @Test
    @DisplayName("Bernoulli 0.1..0.9, 10,000 pulls: regret Thompson < UCB1 < eps 0.1, UCB1 under the Auer et al. (2002) Theorem 1 bound")
    void bernoulliRegret() {
        ExperimentResult r = run("bandits/bernoulli-regret.json");
        double thompson = r.totalMean("Thompson Beta(1,1)", "regret");
        double ucb = r.totalMean("UCB1", "regret");
        double eps = r.totalMean("epsilon 0.1", "regret");
        assertTrue(thompson < ucb && ucb < eps, "regret Thompson " + thompson + " < UCB1 " + ucb + " < eps " + eps);
        assertTrue(ucb < auerBound(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}, 10_000),
                "UCB1 regret " + ucb + " under the bound " + auerBound(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}, 10_000));
    }

    /**
     * Auer, Cesa-Bianchi and Fischer (2002), Theorem 1: the expected regret of UCB1 after n pulls is
     * at most 8 * sum over suboptimal arms of ln(n) / delta_i, plus (1 + pi^2 / 3) * sum of delta_i.
     */
    static double auerBound(double[] means, int n) {
        double best = 0;
        for (double m : means) best = Math.max(best, m);
        double bound = 0;
        for (double m : means) {
            double delta = best - m;
            if (delta > 0) bound += 8 * Math.log(n) / delta + (1 + Math.PI * Math.PI / 3) * delta;
        }
        return bound;
    }
}
