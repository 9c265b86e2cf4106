package dev.jgym.agents.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.envs.grid.Gridworld;
import dev.jgym.envs.grid.SmallGridworld;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * S&amp;B Example 3.5: the 5x5 gridworld with γ = 0.9. Figure 3.2 (right) prints v_π of the
 * equiprobable random policy, Figure 3.5 (middle) v*, both to one decimal; each value here is
 * within 0.05 of the printed one (rounding) and the optimal policy is the figure's (right panel).
 */
class GridworldTest {
    /** Figure 3.2 (right), row by row from the top. */
    static final double[] FIGURE_3_2 = {
        3.3, 8.8, 4.4, 5.3, 1.5,
        1.5, 3.0, 2.3, 1.9, 0.5,
        0.1, 0.7, 0.7, 0.4, -0.4,
        -1.0, -0.4, -0.4, -0.6, -1.2,
        -1.9, -1.3, -1.2, -1.4, -2.0};
    /** Figure 3.5 (middle), row by row from the top. */
    static final double[] FIGURE_3_5 = {
        22.0, 24.4, 22.0, 19.4, 17.5,
        19.8, 22.0, 19.8, 17.8, 16.0,
        17.8, 19.8, 17.8, 16.0, 14.4,
        16.0, 17.8, 16.0, 14.4, 13.0,
        14.4, 16.0, 14.4, 13.0, 11.7};

    /**
     * Figure 4.1 (left column): v_k of the equiprobable policy on the 4x4 grid after k synchronous
     * sweeps, printed rounded to one decimal, a tie upward (the exact v_2 of cell 1 is −1.75, printed −1.7).
     */
    static final double[][] FIGURE_4_1 = {
        {0, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0},
        {0, -1.7, -2.0, -2.0, -1.7, -2.0, -2.0, -2.0, -2.0, -2.0, -2.0, -1.7, -2.0, -2.0, -1.7, 0},
        {0, -2.4, -2.9, -3.0, -2.4, -2.9, -3.0, -2.9, -2.9, -3.0, -2.9, -2.4, -3.0, -2.9, -2.4, 0},
        {0, -6.1, -8.4, -9.0, -6.1, -7.7, -8.4, -8.4, -8.4, -8.4, -7.7, -6.1, -9.0, -8.4, -6.1, 0}};
    static final int[] FIGURE_4_1_SWEEPS = {1, 2, 3, 10};
    /** Figure 4.1, k = ∞: exact integers. */
    static final double[] FIGURE_4_1_LIMIT = {0, -14, -20, -22, -14, -18, -20, -20, -20, -20, -18, -14, -22, -20, -14, 0};

    @Test
    @DisplayName("S&B Fig 4.1: synchronous sweeps k = 1, 2, 3, 10 within 0.05 of the printed v_k (ties: v_2 = -1.75 printed -1.7); converged v = 0, -14, -20, -22 ... (1e-6)")
    void figure41() {
        FlatModel m;
        try (Env<Object, Object> env = EnvRegistry.make(SmallGridworld.ID)) {
            m = new FlatModel(FlatModel.of(env));
        }
        double[] pi = PolicyEvaluation.uniform(m);
        double[] v = new double[16];
        int done = 0;
        for (int i = 0; i < FIGURE_4_1_SWEEPS.length; i++) {
            for (; done < FIGURE_4_1_SWEEPS[i]; done++) { // the book's two-array (synchronous) sweep
                double[] next = new double[16];
                for (int s = 0; s < 16; s++) for (int a = 0; a < 4; a++) next[s] += pi[s * 4 + a] * m.backup(s, a, v, 1.0);
                v = next;
            }
            for (int s = 0; s < 16; s++) assertEquals(FIGURE_4_1[i][s], v[s], 0.05 + 1e-12, "k = " + FIGURE_4_1_SWEEPS[i] + ", cell " + s);
        }
        double[] limit = PolicyEvaluation.evaluate(m, pi, 1.0, 1e-12, 1_000_000);
        for (int s = 0; s < 16; s++) assertEquals(FIGURE_4_1_LIMIT[s], limit[s], 1e-6, "k = infinity, cell " + s);
    }

    static FlatModel model() {
        try (Env<Object, Object> env = EnvRegistry.make(Gridworld.ID)) {
            return new FlatModel(FlatModel.of(env));
        }
    }

    @Test
    @DisplayName("S&B Fig 3.2: v of the equiprobable policy, gamma 0.9, every cell within 0.05 of the book (V(A) = 8.8, V(B) = 5.3)")
    void figure32() {
        FlatModel m = model();
        double[] v = PolicyEvaluation.evaluate(m, PolicyEvaluation.uniform(m), 0.9, 1e-12, 100_000);
        for (int s = 0; s < 25; s++) assertEquals(FIGURE_3_2[s], v[s], 0.05, "cell " + s);
        assertTrue(v[Gridworld.A] < Gridworld.A_REWARD, "A is worth less than its +10: A' borders the edge");
        assertTrue(v[Gridworld.B] > Gridworld.B_REWARD, "B is worth more than its +5: B' does not");
    }

    @Test
    @DisplayName("S&B Fig 3.5: v*, gamma 0.9, every cell within 0.05 of the book (V*(A) = 24.4, V*(B) = 19.4); optimal moves as the figure's arrows")
    void figure35() {
        Solution vi = ValueIteration.solve(model(), new ValueIteration.Settings(0.9, 1e-12, 100_000));
        for (int s = 0; s < 25; s++) assertEquals(FIGURE_3_5[s], vi.value(s), 0.05, "cell " + s);
        assertEquals(10 / (1 - 0.9 * 0.9 * 0.9 * 0.9 * 0.9), vi.value(Gridworld.A), 1e-9,
                "V*(A): +10 every 5 steps (A to A' and 4 steps north back), 10 / (1 - 0.9^5) = 24.419");
        // the right panel: west of A go east, south of A go north; bottom-left cells go north or east
        assertTrue(vi.isGreedy(0, Gridworld.EAST));
        assertTrue(vi.isGreedy(6, Gridworld.NORTH));
        assertTrue(vi.isGreedy(20, Gridworld.NORTH) && vi.isGreedy(20, Gridworld.EAST));
        assertTrue(vi.isGreedy(24, Gridworld.NORTH) && vi.isGreedy(24, Gridworld.WEST));
        assertTrue(!vi.isGreedy(4, Gridworld.NORTH), "off the grid is never optimal from the top-right corner");
    }
}
