package dev.jgym.envs.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.env.TabularModel;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** AccessControl-v0, S&amp;B Example 10.2: 10 servers freeing w.p. 0.06, priorities paying 1, 2, 4, 8. */
class AccessControlTest {
    static final TabularModel MODEL = (TabularModel) EnvRegistry.make(AccessControl.ID).unwrapped();

    @Test
    @DisplayName("the model: 44 states; every row sums to 1 (1e-12); accepting pays the priority and takes a server; with none free accept is reject; E[freed] = 0.06 x busy")
    void model() {
        assertEquals(44, MODEL.stateCount());
        for (int s = 0; s < 44; s++) {
            for (int a = 0; a < 2; a++) {
                double total = 0, freeAfter = 0;
                for (TabularModel.Outcome o : MODEL.transitions(s, a)) {
                    total += o.probability();
                    freeAfter += o.probability() * AccessControl.freeServers(o.nextState());
                    assertTrue(!o.terminated(), "continuing");
                    double paid = a == AccessControl.ACCEPT && AccessControl.freeServers(s) > 0 ? AccessControl.REWARDS[AccessControl.priority(s)] : 0;
                    assertEquals(paid, o.reward(), 0.0, "reward of " + s + ", " + a);
                }
                assertEquals(1.0, total, 1e-12, "row " + s + ", " + a);
                int left = AccessControl.freeServers(s) - (a == AccessControl.ACCEPT && AccessControl.freeServers(s) > 0 ? 1 : 0);
                assertEquals(left + 0.06 * (10 - left), freeAfter, 1e-12, "expected free servers after " + s + ", " + a);
            }
        }
        for (int p = 0; p < 4; p++) assertEquals(MODEL.transitions(p, AccessControl.REJECT), MODEL.transitions(p, AccessControl.ACCEPT), "no free server: rejected");
        assertEquals(0.25, MODEL.initialDistribution()[4 * 10 + 3], 1e-12, "starts with every server free");
    }

    @Test
    @DisplayName("accepting everything: the long-run reward per step is 0.6 x 3.75 (10 servers x 0.06 freed a step, mean pay 3.75) within 2%, 200,000 steps")
    void acceptEverything() {
        Env<Object, Object> env = EnvRegistry.make(AccessControl.ID);
        env.reset(3L, Map.of());
        double total = 0;
        int n = 200_000, accepted = 0;
        for (int i = 0; i < n; i++) {
            Step<Object> s = env.step(AccessControl.ACCEPT);
            total += s.reward();
            if (s.reward() > 0) accepted++;
        }
        // almost every server is busy almost always, so customers are taken at the rate servers free: 0.06 x ~10
        assertEquals(accepted * 3.75 / n, total / n, 0.02 * total / n, "the mean pay of accepted customers is 3.75");
        assertTrue(accepted / (double) n > 0.5 && accepted / (double) n < 0.6, "accepted per step: " + accepted / (double) n);
    }

    @Test
    @DisplayName("servers must be in [1, 1000]: a one-line UserError naming the option")
    void badOptions() {
        UserError e = assertThrows(UserError.class, () -> EnvRegistry.make(AccessControl.ID, Map.of("servers", 0)));
        assertTrue(e.getMessage().contains("servers"), e.getMessage());
    }
}
