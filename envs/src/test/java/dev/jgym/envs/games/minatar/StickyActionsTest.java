package dev.jgym.envs.games.minatar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.rng.Rng;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Sticky actions (Machado et al. 2018, "Revisiting the Arcade Learning Environment", section 5.2):
 * with probability p the previous executed action repeats. Over N steps whose requested action
 * differs from the previous one, the repeat fraction is Binomial(N, p)/N: standard error
 * sqrt(p(1-p)/N), about 0.0009 for p = 0.1 and N ~ 1e5; the tolerance is 0.005 (over 5 errors).
 */
class StickyActionsTest {
    private static double repeatFraction(MinAtarGame g, int steps) {
        Rng requests = new Rng(99);
        g.reset(11L, Map.of());
        int differing = 0, repeated = 0;
        for (int i = 0; i < steps; i++) {
            int previous = g.lastAction();
            int requested = requests.nextInt(g.actionSpace().n());
            Step<int[]> s = g.step(requested);
            if (requested != previous) {
                differing++;
                if (g.lastAction() == previous) repeated++;
                else assertEquals(requested, g.lastAction());
            }
            if (s.done()) g.reset();
        }
        return (double) repeated / differing;
    }

    @Test
    @DisplayName("default p = 0.1: the previous action repeats in 10% +- 0.5% of steps")
    void defaultProbability() {
        MinAtarGame g = (MinAtarGame) EnvRegistry.<int[], Integer>make("MinAtar/SpaceInvaders-v1").unwrapped();
        double f = repeatFraction(g, 150_000);
        assertEquals(0.1, f, 0.005, "repeat fraction " + f);
    }

    @Test
    @DisplayName("p = 0.25 gives 25% +- 0.5%; p = 0 never repeats; p = 1 always repeats no-op")
    void otherProbabilities() {
        assertEquals(0.25, repeatFraction(new Breakout(new Breakout.Settings(0.25)), 100_000), 0.005);
        assertEquals(0.0, repeatFraction(new Freeway(new Freeway.Settings(0.0)), 20_000));
        Breakout always = new Breakout(new Breakout.Settings(1.0));
        always.reset(1L, Map.of());
        for (int i = 0; i < 50; i++) {
            if (always.step(Breakout.LEFT).done()) always.reset();
            assertEquals(Breakout.NOOP, always.lastAction());
        }
        assertEquals(4, always.paddle, "the paddle never moved");
    }

    @Test
    @DisplayName("sticky draws come from the env stream: same seed, same executed actions")
    void reproducible() {
        Breakout a = new Breakout(), b = new Breakout();
        a.reset(4L, Map.of());
        b.reset(4L, Map.of());
        Rng requests = new Rng(1);
        for (int i = 0; i < 500; i++) {
            int r = requests.nextInt(3);
            Step<int[]> sa = a.step(r), sb = b.step(r);
            assertEquals(a.lastAction(), b.lastAction());
            if (sa.done()) {
                assertTrue(sb.done());
                a.reset();
                b.reset();
            }
        }
    }
}
