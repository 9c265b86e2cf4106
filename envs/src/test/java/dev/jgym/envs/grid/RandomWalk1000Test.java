package dev.jgym.envs.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.env.TabularModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** RandomWalk1000-v0, S&amp;B Example 9.1: jumps of 1-100 left or right, the edge's missing jumps end the episode there. */
class RandomWalk1000Test {

    @Test
    @DisplayName("the model: 100 outcomes of 1/100 in the middle; from state 50 left ends w.p. 51/100 (-1); from 960 right ends w.p. 60/100 (+1); ends absorbing")
    void model() {
        TabularModel m = (TabularModel) EnvRegistry.make(RandomWalk1000.ID).unwrapped();
        assertEquals(1002, m.stateCount());
        assertEquals(2, m.actionCount());
        assertEquals(1.0, m.initialDistribution()[500]);
        List<TabularModel.Outcome> mid = m.transitions(500, RandomWalk1000.RIGHT);
        assertEquals(100, mid.size());
        assertEquals(new TabularModel.Outcome(0.01, 501, 0, false), mid.get(0));
        assertEquals(new TabularModel.Outcome(0.01, 600, 0, false), mid.get(99));
        List<TabularModel.Outcome> left = m.transitions(50, RandomWalk1000.LEFT);
        assertEquals(50, left.size());
        assertEquals(0, left.get(0).nextState());
        assertEquals(0.51, left.get(0).probability(), 1e-12);
        assertEquals(-1.0, left.get(0).reward());
        assertTrue(left.get(0).terminated());
        TabularModel.Outcome right = m.transitions(960, RandomWalk1000.RIGHT).get(0);
        assertEquals(new TabularModel.Outcome(0.6, 1001, 1, true), new TabularModel.Outcome(Math.rint(right.probability() * 1e12) / 1e12, right.nextState(), right.reward(), right.terminated()));
        for (int s = 1; s <= 1000; s++) {
            for (int a = 0; a < 2; a++) {
                double total = 0;
                for (TabularModel.Outcome o : m.transitions(s, a)) total += o.probability();
                assertEquals(1.0, total, 1e-12, "probabilities of state " + s + " action " + a);
            }
        }
        assertEquals(List.of(new TabularModel.Outcome(1, 0, 0, true)), m.transitions(0, RandomWalk1000.RIGHT));
    }

    @Test
    @DisplayName("an episode starts at 500, moves 1-100 per step in the chosen direction and ends at 0 (-1) or 1001 (+1)")
    void episode() {
        Env<Object, Object> env = EnvRegistry.make(RandomWalk1000.ID);
        int s = (Integer) env.reset(7L, Map.of()).observation();
        assertEquals(500, s);
        Step<Object> step;
        int steps = 0;
        do {
            step = env.step(RandomWalk1000.RIGHT);
            int next = (Integer) step.observation();
            assertTrue(next > s && (next - s <= 100 || next == 1001), s + " -> " + next);
            s = next;
            steps++;
        } while (!step.done());
        assertEquals(1001, s);
        assertEquals(1.0, step.reward());
        assertTrue(steps >= 5 && steps <= 501, "steps " + steps);
    }

    @Test
    @DisplayName("n_states must be even, jump in [1, n_states]: one-line UserErrors naming the option")
    void badOptions() {
        UserError e = assertThrows(UserError.class, () -> EnvRegistry.make(RandomWalk1000.ID, Map.of("n_states", 999)));
        assertTrue(e.getMessage().contains("n_states") && e.getMessage().contains("expected an even integer"), e.getMessage());
        e = assertThrows(UserError.class, () -> EnvRegistry.make(RandomWalk1000.ID, Map.of("jump", 0)));
        assertTrue(e.getMessage().contains("jump"), e.getMessage());
    }
}
