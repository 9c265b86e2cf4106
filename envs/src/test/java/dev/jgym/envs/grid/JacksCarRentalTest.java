package dev.jgym.envs.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.env.TabularModel;
import dev.jgym.core.env.TabularModel.Outcome;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Jack's car rental (S&amp;B Example 4.2): the model against the book's rules, and the sampled days against the model. */
class JacksCarRentalTest {
    static final JacksCarRental BOOK = new JacksCarRental(new JacksCarRental.Options(null, null, null));
    static final JacksCarRental EXERCISE = new JacksCarRental(new JacksCarRental.Options(1, 10, 4.0));

    /** E[min(X, m)] for X ~ Poisson(λ): the expected rentals from m cars, summed directly. */
    static double rentals(double lambda, int m) {
        double p = Math.exp(-lambda), e = 0, below = 0;
        for (int k = 0; k < m; k++) {
            e += k * p;
            below += p;
            p *= lambda / (k + 1);
        }
        return e + m * (1 - below);
    }

    static double expectedReward(TabularModel model, int s, int a) {
        double r = 0;
        for (Outcome o : model.transitions(s, a)) r += o.probability() * o.reward();
        return r;
    }

    static double probability(TabularModel model, int s, int a, int next) {
        return model.transitions(s, a).stream().filter(o -> o.nextState() == next).mapToDouble(Outcome::probability).sum();
    }

    @Test
    @DisplayName("every (s, a): probabilities sum to 1 (1e-12), one outcome per next state, never terminated")
    void modelIsADistribution() {
        for (int s = 0; s < 441; s++) {
            for (int a = 0; a < 11; a++) {
                List<Outcome> out = BOOK.transitions(s, a);
                Set<Integer> next = new HashSet<>();
                double sum = 0;
                for (Outcome o : out) {
                    sum += o.probability();
                    assertTrue(next.add(o.nextState()), "distinct next states");
                    assertFalse(o.terminated());
                }
                assertEquals(1, sum, 1e-12, "state " + s + ", action " + a);
            }
        }
    }

    @Test
    @DisplayName("expected reward = $10 x E[min(requests, cars)] at each location - $2 a car moved (1e-9); moves are capped by the cars there and at 20")
    void rewardsAndMoves() {
        int stay = JacksCarRental.action(0);
        assertEquals(10 * (rentals(3, 10) + rentals(4, 10)), expectedReward(BOOK, JacksCarRental.state(10, 10), stay), 1e-9);
        assertEquals(10 * (rentals(3, 7) + rentals(4, 13)) - 6, expectedReward(BOOK, JacksCarRental.state(10, 10), JacksCarRental.action(3)), 1e-9);
        assertEquals(10 * (rentals(3, 15) + rentals(4, 5)) - 10, expectedReward(BOOK, JacksCarRental.state(10, 10), JacksCarRental.action(-5)), 1e-9);
        // 3 cars at the first location: asking for 5 moves 3 and pays for 5, strictly worse than moving 3
        int s = JacksCarRental.state(3, 7);
        assertEquals(expectedReward(BOOK, s, JacksCarRental.action(3)) - 4, expectedReward(BOOK, s, JacksCarRental.action(5)), 1e-9);
        // 20 and 20: moving 2 leaves 18 and 20 (the extra 2 go back to the company)
        assertEquals(10 * (rentals(3, 18) + rentals(4, 20)) - 4, expectedReward(BOOK, JacksCarRental.state(20, 20), JacksCarRental.action(2)), 1e-9);
        // no cars: nothing to rent, so (0, 0) again only with no returns at either location, e^-3 e^-2
        assertEquals(Math.exp(-5), probability(BOOK, 0, stay, 0), 1e-15);
    }

    @Test
    @DisplayName("Exercise 4.7: the first car to the second location is free; $4 for each location over 10 cars overnight")
    void exercise47() {
        int s = JacksCarRental.state(12, 8);
        assertEquals(expectedReward(BOOK, s, JacksCarRental.action(1)) + 2 - 4 - 0, expectedReward(EXERCISE, s, JacksCarRental.action(1)), 1e-9,
                "move 1 (free): 11 and 9 overnight, one location over 10");
        assertEquals(expectedReward(BOOK, s, JacksCarRental.action(2)) + 2, expectedReward(EXERCISE, s, JacksCarRental.action(2)), 1e-9,
                "move 2: 10 and 10, no parking, one car free");
        assertEquals(expectedReward(BOOK, s, JacksCarRental.action(-1)) - 4, expectedReward(EXERCISE, s, JacksCarRental.action(-1)), 1e-9,
                "move -1 (paid as in the book): 13 and 7 overnight, 13 is over 10");
    }

    @Test
    @DisplayName("20,000 sampled days from (10, 10): mean reward within 4 standard errors of the model's, next-state (10, 10) frequency within 4 SE")
    void samplesFollowTheModel() {
        Env<Integer, Integer> env = EnvRegistry.make(JacksCarRental.ID);
        int n = 20_000, stay = JacksCarRental.action(0), s0 = JacksCarRental.state(10, 10);
        double sum = 0, squares = 0;
        int same = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(s0, env.reset((long) i, Map.of()).observation());
            Step<Integer> step = env.step(stay);
            sum += step.reward();
            squares += step.reward() * step.reward();
            if (step.observation() == s0) same++;
        }
        double mean = sum / n, sd = Math.sqrt(squares / n - mean * mean);
        assertEquals(expectedReward(BOOK, s0, stay), mean, 4 * sd / Math.sqrt(n));
        double p = probability(BOOK, s0, stay, s0);
        assertEquals(p, (double) same / n, 4 * Math.sqrt(p * (1 - p) / n));
    }
}
