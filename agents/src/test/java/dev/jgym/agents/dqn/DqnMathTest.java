package dev.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgym.core.rng.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pieces of the update, against values worked out by hand from the papers' equations. */
class DqnMathTest {

    @Test
    @DisplayName("DQN target (Mnih et al. 2015): y = r + discount * max_a Q_target(s', a)")
    void dqnTarget() {
        float[] qTarget = {1f, 5f, 2f, /* row 1 */ 3f, 0f, 4f};
        float[] y = new float[2];
        DqnLearner.targets(new float[] {1f, 0.5f}, new float[] {0.9f, 0f}, qTarget, null, 2, 3, y);
        assertArrayEquals(new float[] {1f + 0.9f * 5f, 0.5f}, y, 1e-6f);
    }

    @Test
    @DisplayName("Double DQN target (van Hasselt et al. 2016, eq. 4): the online net picks a*, the target net values it")
    void doubleDqnTarget() {
        float[] qTarget = {1f, 5f, 2f, 3f, 0f, 4f};
        float[] qOnline = {9f, 0f, 0f, 0f, 7f, 1f}; // argmax: action 0, then action 1
        float[] y = new float[2];
        DqnLearner.targets(new float[] {1f, 2f}, new float[] {0.99f, 0.99f}, qTarget, qOnline, 2, 3, y);
        assertArrayEquals(new float[] {1f + 0.99f * 1f, 2f + 0.99f * 0f}, y, 1e-6f);
    }

    private record Emitted(float[] obs, int action, float reward, float[] next, float discount) {}

    private static List<Emitted> run(NStepReturns n, double[] rewards, boolean terminated, boolean truncated) {
        List<Emitted> out = new ArrayList<>();
        NStepReturns.Sink sink = (o, a, r, nx, d) -> out.add(new Emitted(o.clone(), a, r, nx.clone(), d));
        for (int t = 0; t < rewards.length; t++) {
            boolean last = t == rewards.length - 1;
            n.push(new float[] {t}, t, rewards[t], new float[] {t + 1}, last && terminated, last && truncated, sink);
        }
        return out;
    }

    @Test
    @DisplayName("n-step returns (S&B 7.1): R = r1 + g r2 + g^2 r3, bootstrap discount g^3; shorter at the episode's end")
    void nStepReturns() {
        double g = 0.5;
        List<Emitted> out = run(new NStepReturns(3, g, 1), new double[] {1, 2, 4, 8, 16}, true, false);
        assertEquals(5, out.size());
        // s0: 1 + 0.5*2 + 0.25*4 = 3, next s3, discount 0.125
        assertEquals(3f, out.get(0).reward(), 1e-6f);
        assertEquals(3f, out.get(0).next()[0], 0f);
        assertEquals(0.125f, out.get(0).discount(), 0f);
        // s1: 2 + 0.5*4 + 0.25*8 = 6, next s4
        assertEquals(6f, out.get(1).reward(), 1e-6f);
        assertEquals(4f, out.get(1).next()[0], 0f);
        // terminated after s4: s2: 4 + 4 + 4 = 12 (3 steps), s3: 8 + 8 = 16 (2 steps), s4: 16; all terminal
        assertEquals(12f, out.get(2).reward(), 1e-6f);
        assertEquals(16f, out.get(3).reward(), 1e-6f);
        assertEquals(16f, out.get(4).reward(), 1e-6f);
        for (int i = 2; i < 5; i++) {
            assertEquals(0f, out.get(i).discount(), 0f, "terminal: no bootstrap");
            assertEquals(5f, out.get(i).next()[0], 0f);
        }
    }

    @Test
    @DisplayName("Truncation bootstraps, termination does not: discounts g^k after a time limit, 0 after a terminal state")
    void truncationBootstraps() {
        double g = 0.9;
        List<Emitted> trunc = run(new NStepReturns(2, g, 1), new double[] {1, 1, 1}, false, true);
        assertEquals(3, trunc.size());
        assertEquals((float) (g * g), trunc.get(0).discount(), 1e-7f);
        assertEquals((float) (g * g), trunc.get(1).discount(), 1e-7f, "s1: 2 steps to the truncated s3");
        assertEquals((float) g, trunc.get(2).discount(), 1e-7f, "s2: 1 step to the truncated s3, still bootstraps");
        List<Emitted> term = run(new NStepReturns(1, g, 1), new double[] {1, 1, 1}, true, false);
        assertEquals((float) g, term.get(0).discount(), 1e-7f);
        assertEquals(0f, term.get(2).discount(), 0f);
        List<Emitted> trunc1 = run(new NStepReturns(1, g, 1), new double[] {1, 1, 1}, false, true);
        assertEquals((float) g, trunc1.get(2).discount(), 1e-7f, "one-step: the truncated last step bootstraps with gamma");
        // and the learner's target uses it: y = r + discount * Q(s')
        float[] y = new float[2];
        DqnLearner.targets(new float[] {1f, 1f}, new float[] {(float) g, 0f}, new float[] {10f, 10f}, null, 2, 1, y);
        assertArrayEquals(new float[] {1f + (float) g * 10f, 1f}, y, 1e-5f);
    }

    @Test
    @DisplayName("Sum tree: sums, lookups at the boundaries, and sampling proportions over 200k draws within 0.005")
    void sumTree() {
        SumTree t = new SumTree(5);
        double[] p = {1, 0, 3, 2, 4};
        for (int i = 0; i < p.length; i++) t.set(i, p[i]);
        assertEquals(10.0, t.total(), 0);
        assertEquals(0, t.find(0.0, 5));
        assertEquals(2, t.find(1.0, 5), "prefix sum 1 falls at the start of leaf 2 (leaf 1 is empty)");
        assertEquals(2, t.find(3.999, 5));
        assertEquals(3, t.find(4.0, 5));
        assertEquals(4, t.find(9.999, 5));
        Rng rng = new Rng(11);
        int draws = 200_000;
        int[] counts = new int[5];
        for (int k = 0; k < draws; k++) counts[t.find(rng.nextDouble() * t.total(), 5)]++;
        for (int i = 0; i < 5; i++) assertEquals(p[i] / 10, counts[i] / (double) draws, 0.005, "leaf " + i);
        t.set(2, 0.5);
        assertEquals(7.5, t.total(), 1e-12);
        SumTree copy = new SumTree(5);
        copy.restore(t.leafValues());
        assertEquals(t.total(), copy.total(), 0);
    }

    @Test
    @DisplayName("Prioritized replay (Schaul et al. 2016): P(i) = p_i^a / sum p^a over 100k stratified draws within 0.005")
    void prioritizedProportions() {
        double alpha = 0.6;
        ReplayBuffer b = new ReplayBuffer(4, 1, true, alpha);
        for (int i = 0; i < 4; i++) b.add(new float[] {i}, 0, 0f, new float[] {i}, 1f);
        double[] td = {0.5, 1.0, 2.0, 4.0};
        for (int i = 0; i < 4; i++) b.updatePriority(i, td[i], 0);
        double z = 0;
        for (double d : td) z += Math.pow(d, alpha);
        int[] idx = new int[32];
        float[] w = new float[32];
        int[] counts = new int[4];
        Rng rng = new Rng(5);
        int rounds = 100_000 / 32;
        for (int k = 0; k < rounds; k++) {
            b.sample(rng, 32, 0.4, idx, w);
            for (int i : idx) counts[i]++;
        }
        for (int i = 0; i < 4; i++) {
            double expected = Math.pow(td[i], alpha) / z;
            assertEquals(expected, b.probability(i), 1e-12);
            assertEquals(expected, counts[i] / (double) (rounds * 32), 0.005, "transition " + i);
        }
    }

    @Test
    @DisplayName("Importance weights: w_i = (N P(i))^-beta divided by the batch's largest weight")
    void importanceWeights() {
        ReplayBuffer b = new ReplayBuffer(2, 1, true, 1.0);
        b.add(new float[] {0}, 0, 0f, new float[] {0}, 1f);
        b.add(new float[] {1}, 0, 0f, new float[] {1}, 1f);
        b.updatePriority(0, 1.0, 0);
        b.updatePriority(1, 3.0, 0); // P = 0.25, 0.75
        int[] idx = new int[8];
        float[] w = new float[8];
        b.sample(new Rng(1), 8, 0.5, idx, w);
        double maxW = 0;
        double[] raw = new double[8];
        for (int k = 0; k < 8; k++) {
            raw[k] = Math.pow(2 * (idx[k] == 0 ? 0.25 : 0.75), -0.5);
            maxW = Math.max(maxW, raw[k]);
        }
        boolean sawRare = false;
        for (int k = 0; k < 8; k++) {
            assertEquals((float) (raw[k] / maxW), w[k], 1e-6f);
            sawRare |= idx[k] == 0;
        }
        org.junit.jupiter.api.Assertions.assertTrue(sawRare, "8 stratified draws over P = (0.25, 0.75) include transition 0");
        assertEquals(1f, w[0], 1e-6f, "the first slice holds the rare transition, which has the largest weight");
        assertEquals((float) Math.sqrt(0.5 / 1.5), w[7], 1e-6f, "the last slice holds the common one: (1.5 / 0.5)^-0.5");
        // new transitions enter with the largest priority seen so far (3)
        ReplayBuffer c = new ReplayBuffer(3, 1, true, 1.0);
        c.add(new float[] {0}, 0, 0f, new float[] {0}, 1f);
        c.updatePriority(0, 3.0, 0);
        c.add(new float[] {1}, 0, 0f, new float[] {1}, 1f);
        assertEquals(0.5, c.probability(1), 1e-12);
    }

    @Test
    @DisplayName("Huber loss and gradient (delta 1) and MSE, weighted mean over the batch")
    void losses() {
        float[] pred = {0.5f, 3f}, y = {0f, 0f}, w = {1f, 0.5f}, g = new float[2], td = new float[2];
        double l = DqnLearner.loss(true, 1.0, pred, y, w, 2, g, td);
        assertEquals((0.125 + 0.5 * 2.5) / 2, l, 1e-7);
        assertArrayEquals(new float[] {0.25f, 0.25f}, g, 1e-7f);
        assertArrayEquals(new float[] {0.5f, 3f}, td, 0f);
        double m = DqnLearner.loss(false, 1.0, pred, y, new float[] {1f, 1f}, 2, g, td);
        assertEquals((0.25 + 9) / 2, m, 1e-7);
        assertArrayEquals(new float[] {0.5f, 3f}, g, 1e-7f);
    }
}
