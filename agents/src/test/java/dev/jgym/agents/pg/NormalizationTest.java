package dev.jgym.agents.pg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link Normalization} against SB3's {@code VecNormalize} written out by hand: the running
 * statistics are the prior (mean 0, variance 1, count 1e-4) combined with every row seen (Chan et
 * al.'s pooled mean and variance, computed here in two passes), the reward scale is the std of the
 * discounted returns G = γ G + r, reset where an episode ended.
 */
class NormalizationTest {
    static final double PRIOR = 1e-4;

    /** The prior combined with the samples: {mean, var}. */
    static double[] pooled(double... xs) {
        double sum = 0;
        for (double x : xs) sum += x;
        double m = xs.length, count = PRIOR + m, mean = sum / count; // the prior's mean is 0
        double m2 = PRIOR * 1 + PRIOR * mean * mean; // the prior's variance 1 and its distance to the mean
        for (double x : xs) m2 += (x - mean) * (x - mean);
        return new double[] {mean, m2 / count};
    }

    static PgConfig.NormalizeSettings both(double clip) {
        return new PgConfig.NormalizeSettings(true, true, clip, clip);
    }

    @Test
    @DisplayName("observations: (o - mean) / sqrt(var + 1e-8) over the prior and every row folded in (reset and step), within 1e-6; clipped at clip_observations")
    void observations() {
        Normalization n = new Normalization(both(10), 2, 2, 0.99);
        float[] first = {1, 10, 3, -10};
        n.reset(first);
        float[] next = {2, 20, 5, 30};
        n.step(next, new double[] {0, 0}, new boolean[2], new boolean[2], new float[2]);
        double[] c0 = pooled(1, 3, 2, 5), c1 = pooled(10, -10, 20, 30);
        assertEquals((2 - c0[0]) / Math.sqrt(c0[1] + 1e-8), next[0], 1e-6);
        assertEquals((20 - c1[0]) / Math.sqrt(c1[1] + 1e-8), next[1], 1e-6);
        assertEquals((5 - c0[0]) / Math.sqrt(c0[1] + 1e-8), next[2], 1e-6);
        float[] frozen = {2, 20};
        n.normalize(frozen);
        assertEquals(next[0], frozen[0], "normalize folds nothing in");
        assertEquals(next[1], frozen[1]);
        Normalization tight = new Normalization(both(0.5), 1, 1, 0.99);
        float[] far = {100};
        tight.reset(far);
        float[] farther = {-100};
        tight.step(farther, new double[] {0}, new boolean[1], new boolean[1], new float[1]);
        assertEquals(-0.5f, farther[0], "clipped");
    }

    @Test
    @DisplayName("rewards: r / sqrt(var(G) + 1e-8) with G = gamma G + r per env, G reset after a terminated or truncated step (within 1e-6); not centred")
    void rewards() {
        Normalization n = new Normalization(new PgConfig.NormalizeSettings(false, true, null, 100.0), 2, 1, 0.5);
        float[] obs = {0, 0};
        n.reset(obs);
        float[] out = new float[2];
        n.step(obs, new double[] {1, -2}, new boolean[] {false, true}, new boolean[2], out); // G = 1, -2; env 1 ends
        double[] v = pooled(1, -2);
        assertArrayEquals(new float[] {(float) (1 / Math.sqrt(v[1] + 1e-8)), (float) (-2 / Math.sqrt(v[1] + 1e-8))}, out, 1e-6f);
        n.step(obs, new double[] {4, 3}, new boolean[2], new boolean[] {false, true}, out); // G = 0.5 + 4, 0 + 3
        v = pooled(1, -2, 4.5, 3);
        assertArrayEquals(new float[] {(float) (4 / Math.sqrt(v[1] + 1e-8)), (float) (3 / Math.sqrt(v[1] + 1e-8))}, out, 1e-6f);
        assertEquals(0f, obs[0], "observations left alone");
        n.step(obs, new double[] {2, 1}, new boolean[2], new boolean[2], out); // G = 2.25 + 2, 0 + 1 (env 1 was reset)
        v = pooled(1, -2, 4.5, 3, 4.25, 1);
        assertEquals((float) (1 / Math.sqrt(v[1] + 1e-8)), out[1], 1e-6f);
    }

    @Test
    @DisplayName("off: observations untouched and rewards the env's as float; the checkpoint part is empty (the bytes of configs without normalize)")
    void off() throws Exception {
        Normalization n = new Normalization(new PgConfig.NormalizeSettings(null, null, null, null), 1, 2, 0.99);
        float[] o = {3.5f, -7f};
        n.reset(o);
        float[] out = new float[1];
        n.step(o, new double[] {0.1}, new boolean[1], new boolean[1], out);
        assertArrayEquals(new float[] {3.5f, -7f}, o);
        assertEquals((float) 0.1, out[0]);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        n.write(new DataOutputStream(bytes));
        assertEquals(0, bytes.size());
    }

    @Test
    @DisplayName("write then read restores the statistics and the running returns: the restored copy normalizes the next step the same, bit for bit")
    void saveRestore() throws Exception {
        Normalization a = new Normalization(both(10), 2, 1, 0.9), b = new Normalization(both(10), 2, 1, 0.9);
        a.reset(new float[] {1, 2});
        float[] out = new float[2];
        a.step(new float[] {3, 4}, new double[] {1, 2}, new boolean[2], new boolean[2], out);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.write(new DataOutputStream(bytes));
        b.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        float[] oa = {5, 6}, ob = {5, 6}, ra = new float[2], rb = new float[2];
        a.step(oa, new double[] {3, -1}, new boolean[2], new boolean[2], ra);
        b.step(ob, new double[] {3, -1}, new boolean[2], new boolean[2], rb);
        assertArrayEquals(oa, ob);
        assertArrayEquals(ra, rb);
    }
}
