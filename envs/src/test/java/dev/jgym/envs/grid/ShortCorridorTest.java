package dev.jgym.envs.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.env.TabularModel;
import dev.jgym.core.env.TabularModel.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ShortCorridor-v0, S&amp;B Example 13.1: the short corridor with switched actions. */
class ShortCorridorTest {

    static TabularModel model() {
        return (TabularModel) EnvRegistry.make(ShortCorridor.ID).unwrapped();
    }

    /** v(S) of "right with probability p in every state", by iterative policy evaluation on the model. */
    static double evaluate(TabularModel m, double p) {
        double[] v = new double[m.stateCount()];
        for (int sweep = 0; sweep < 100_000; sweep++) {
            double change = 0;
            for (int s = 0; s < m.stateCount(); s++) {
                double value = 0;
                for (int a = 0; a < 2; a++) {
                    double pa = a == ShortCorridor.RIGHT ? p : 1 - p;
                    for (Outcome o : m.transitions(s, a)) value += pa * o.probability() * (o.reward() + (o.terminated() ? 0 : v[o.nextState()]));
                }
                change = Math.max(change, Math.abs(value - v[s]));
                v[s] = value;
            }
            if (change < 1e-12) break;
        }
        return v[ShortCorridor.START];
    }

    @Test
    @DisplayName("the model is the book's figure: right moves right and left moves left (S stays) except in cell 1, where they are switched; -1 per step")
    void transitions() {
        TabularModel m = model();
        assertEquals(4, m.stateCount());
        assertEquals(List.of(new Outcome(1, 0, -1, false)), m.transitions(0, ShortCorridor.LEFT));
        assertEquals(List.of(new Outcome(1, 1, -1, false)), m.transitions(0, ShortCorridor.RIGHT));
        assertEquals(List.of(new Outcome(1, 2, -1, false)), m.transitions(1, ShortCorridor.LEFT));
        assertEquals(List.of(new Outcome(1, 0, -1, false)), m.transitions(1, ShortCorridor.RIGHT));
        assertEquals(List.of(new Outcome(1, 1, -1, false)), m.transitions(2, ShortCorridor.LEFT));
        assertEquals(List.of(new Outcome(1, 3, -1, true)), m.transitions(2, ShortCorridor.RIGHT));
        assertEquals(1.0, m.initialDistribution()[ShortCorridor.START]);
    }

    @Test
    @DisplayName("Example 13.1: policy evaluation on the model gives v(p) = (2p - 4) / (p (1 - p)) within 1e-9: -82.1 at p 0.05, -44.2 at 0.95, the optimum -11.66 at p = 2 - sqrt 2 (~0.59)")
    void valueOfTheStochasticPolicies() {
        TabularModel m = model();
        for (double p : new double[] {0.05, 0.3, 0.5, 2 - Math.sqrt(2), 0.95}) {
            assertEquals(ShortCorridor.startValue(p), evaluate(m, p), 1e-9, "p " + p);
        }
        assertEquals(-82.105, ShortCorridor.startValue(0.05), 1e-3);
        assertEquals(-44.211, ShortCorridor.startValue(0.95), 1e-3);
        double pStar = 2 - Math.sqrt(2), vStar = ShortCorridor.startValue(pStar);
        assertEquals(-(6 + 4 * Math.sqrt(2)), vStar, 1e-12);
        assertEquals(-11.6, vStar, 0.06, "the book's -11.6");
        for (int i = 1; i < 1000; i++) assertTrue(ShortCorridor.startValue(i / 1000.0) <= vStar + 1e-12, "p " + i / 1000.0);
        assertEquals(-3, Planning.fromStart(m, Planning.optimalValues(m, 10)), 1e-12, "an agent that sees the cells needs 3 steps");
    }

    @Test
    @DisplayName("stepping: right, left (switched: moves right), right reaches G in 3 steps of -1, terminated, is_success")
    void episode() {
        Env<Object, Object> env = EnvRegistry.make(ShortCorridor.ID);
        assertEquals(0, env.reset(1L, Map.of()).observation());
        Step<Object> s = env.step(ShortCorridor.RIGHT);
        assertEquals(1, s.observation());
        s = env.step(ShortCorridor.LEFT);
        assertEquals(2, s.observation());
        assertFalse(s.done());
        s = env.step(ShortCorridor.RIGHT);
        assertEquals(3, s.observation());
        assertEquals(-1.0, s.reward());
        assertTrue(s.terminated());
        assertEquals(Boolean.TRUE, s.info().get(Env.IS_SUCCESS));
    }
}
