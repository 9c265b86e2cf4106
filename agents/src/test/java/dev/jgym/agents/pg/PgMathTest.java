package dev.jgym.agents.pg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.jgym.core.rng.Rng;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pieces of the policy-gradient update against hand computations and finite differences. */
class PgMathTest {

    @Test
    @DisplayName("GAE (Schulman et al. 2016, eq. 16) on a hand-computed trajectory: a truncation bootstraps from V(final obs), a termination from 0")
    void gaeMatchesHandComputation() {
        // env 0: five steps, truncated by the time limit after step 1 (V(final obs) = 2), terminated after step 3, V(s_5) = 3;
        // env 1: nothing happens (all zeros). gamma 0.9, lambda 0.8, so gamma lambda = 0.72.
        //   t=4: delta = 1 + 0.9 * 3 - 0.9 = 2.8                    A = 2.8
        //   t=3: terminal: delta = 1 - 0.8 = 0.2                    A = 0.2
        //   t=2: delta = 1 + 0.9 * 0.8 - 0.7 = 1.02                 A = 1.02 + 0.72 * 0.2 = 1.164
        //   t=1: truncated: delta = 1 + 0.9 * 2 - 0.6 = 2.2         A = 2.2   (the chain is cut)
        //   t=0: delta = 1 + 0.9 * 0.6 - 0.5 = 1.04                 A = 1.04 + 0.72 * 2.2 = 2.624
        int steps = 5, envs = 2;
        float[] rewards = new float[10], values = new float[10], finalValues = new float[10];
        boolean[] terminated = new boolean[10], truncated = new boolean[10];
        float[] v = {0.5f, 0.6f, 0.7f, 0.8f, 0.9f};
        for (int t = 0; t < steps; t++) {
            rewards[t * envs] = 1;
            values[t * envs] = v[t];
        }
        truncated[envs] = true;
        finalValues[envs] = 2;
        terminated[3 * envs] = true;
        float[] adv = new float[10], ret = new float[10];
        Gae.compute(steps, envs, rewards, values, terminated, truncated, finalValues, new float[] {3, 0}, 0.9, 0.8, adv, ret);
        double[] expected = {2.624, 2.2, 1.164, 0.2, 2.8};
        for (int t = 0; t < steps; t++) {
            assertEquals(expected[t], adv[t * envs], 1e-5, "A_" + t);
            assertEquals(expected[t] + v[t], ret[t * envs], 1e-5, "R_" + t);
            assertEquals(0, adv[t * envs + 1], 0, "env 1");
        }
        assertNotEquals(0.4, adv[envs], 1e-3, "a truncation must not bootstrap from zero (that gives 1 - 0.6 = 0.4)");
    }

    @Test
    @DisplayName("GAE with lambda 1 and no episode end is the discounted return minus V (the Monte Carlo advantage)")
    void gaeLambdaOneIsMonteCarlo() {
        float[] rewards = {1, 2, 3}, values = {0.3f, 0.2f, 0.1f};
        float[] adv = new float[3], ret = new float[3];
        Gae.compute(3, 1, rewards, values, new boolean[3], new boolean[3], new float[3], new float[] {5}, 0.5, 1.0, adv, ret);
        assertEquals(1 + 0.5 * 2 + 0.25 * 3 + 0.125 * 5, ret[0], 1e-6);
        assertEquals(2 + 0.5 * 3 + 0.25 * 5, ret[1], 1e-6);
        assertEquals(3 + 0.5 * 5, ret[2], 1e-6);
    }

    @Test
    @DisplayName("clipped surrogate (Schulman et al. 2017, eq. 7): values by hand, gradient against central differences away from the kinks")
    void clippedObjectiveAndGradient() {
        double old = Math.log(0.4), eps = 0.2;
        // r = 1.5, A = 2: the clipped term 1.2 * 2 is smaller, so L = -2.4 and no gradient
        assertEquals(-2.4, ClippedObjective.loss(old + Math.log(1.5), old, 2, eps), 1e-12);
        assertEquals(0, ClippedObjective.gradient(old + Math.log(1.5), old, 2, eps), 0);
        // r = 1.5, A = -2: min(-3, -2.4) = -3, L = 3, dL/dlogp = -r A = 3
        assertEquals(3, ClippedObjective.loss(old + Math.log(1.5), old, -2, eps), 1e-12);
        assertEquals(3, ClippedObjective.gradient(old + Math.log(1.5), old, -2, eps), 1e-12);
        double h = 1e-6;
        for (double ratio : new double[] {0.5, 0.7, 0.9, 1.0, 1.1, 1.3, 2.0}) {
            for (double a : new double[] {-1.7, -0.3, 0.4, 2.5}) {
                double lp = old + Math.log(ratio);
                double fd = (ClippedObjective.loss(lp + h, old, a, eps) - ClippedObjective.loss(lp - h, old, a, eps)) / (2 * h);
                assertEquals(fd, ClippedObjective.gradient(lp, old, a, eps), 1e-6, "r " + ratio + ", A " + a);
            }
        }
    }

    @Test
    @DisplayName("value clipping as SB3: V_c = V_old + clip(V - V_old, -c, c), d(R - V_c)^2/dV against central differences")
    void valueClipping() {
        double h = 1e-6;
        for (Double c : new Double[] {null, 0.2}) {
            for (double vv : new double[] {0.5, 0.95, 1.1, 1.5}) {
                double old = 1.0, ret = 2.0;
                double fd = (Math.pow(ret - ClippedObjective.clippedValue(vv + h, old, c), 2) - Math.pow(ret - ClippedObjective.clippedValue(vv - h, old, c), 2)) / (2 * h);
                assertEquals(fd, ClippedObjective.valueGradient(vv, old, ret, c), 1e-6, "clip " + c + ", V " + vv);
            }
        }
        assertEquals(1.2, ClippedObjective.clippedValue(1.5, 1.0, 0.2), 1e-12);
    }

    @Test
    @DisplayName("categorical: log-probabilities and entropy of softmax([1, 2, 3]) by hand")
    void categoricalLogProbAndEntropy() {
        float[] z = {1, 2, 3};
        double[] logp = new double[3];
        Categorical.logProbs(z, 0, 3, null, 0, logp);
        double sum = Math.exp(1) + Math.exp(2) + Math.exp(3);
        double h = 0;
        for (int k = 0; k < 3; k++) {
            double p = Math.exp(z[k]) / sum;
            assertEquals(Math.log(p), logp[k], 1e-12);
            h -= p * Math.log(p);
        }
        assertEquals(h, Categorical.entropy(logp, 3), 1e-12);
        assertEquals(2, Categorical.mode(logp, 3));
        // a uniform policy over 4 actions has entropy log 4
        Categorical.logProbs(new float[4], 0, 4, null, 0, logp = new double[4]);
        assertEquals(Math.log(4), Categorical.entropy(logp, 4), 1e-12);
    }

    @Test
    @DisplayName("categorical with a mask never samples a masked action; the others keep their renormalised odds")
    void maskedCategoricalNeverSamplesMaskedActions() {
        float[] z = {0.5f, 3f, 0.5f, -1f};
        byte[] mask = {1, 0, 1, 1};
        double[] logp = new double[4];
        Categorical.logProbs(z, 0, 4, mask, 0, logp);
        assertEquals(Double.NEGATIVE_INFINITY, logp[1]);
        Rng rng = new Rng(5);
        int[] counts = new int[4];
        int n = 100_000;
        for (int i = 0; i < n; i++) counts[Categorical.sample(logp, 4, rng)]++;
        assertEquals(0, counts[1]);
        double denom = 2 * Math.exp(0.5) + Math.exp(-1);
        assertEquals(Math.exp(0.5) / denom, counts[0] / (double) n, 0.01); // 4+ standard errors of 0.0015
        assertEquals(Math.exp(-1) / denom, counts[3] / (double) n, 0.01);
        assertEquals(0, Categorical.mode(new double[] {-1, Double.NEGATIVE_INFINITY, -2}, 3));
        float[] dz = new float[4];
        Categorical.backward(logp, 4, 0, 1, 0.3, dz, 0);
        assertEquals(0, dz[1], 0, "no gradient into a masked logit");
    }

    @Test
    @DisplayName("categorical head: d(g log pi(a) + e H)/dz against central differences")
    void categoricalGradient() {
        float[] z = {0.3f, -1.2f, 0.8f, 0.1f};
        double g = -0.7, e = 0.05;
        int a = 2;
        double[] logp = new double[4];
        Categorical.logProbs(z, 0, 4, null, 0, logp);
        float[] dz = new float[4];
        Categorical.backward(logp, 4, a, g, e, dz, 0);
        double h = 1e-3;
        for (int k = 0; k < 4; k++) {
            float[] zp = z.clone(), zm = z.clone();
            zp[k] += (float) h;
            zm[k] -= (float) h;
            double fd = (categoricalObjective(zp, a, g, e) - categoricalObjective(zm, a, g, e)) / ((double) zp[k] - zm[k]);
            assertEquals(fd, dz[k], 1e-5, "dz_" + k);
        }
    }

    private static double categoricalObjective(float[] z, int a, double g, double e) {
        double[] lp = new double[z.length];
        Categorical.logProbs(z, 0, z.length, null, 0, lp);
        return g * lp[a] + e * Categorical.entropy(lp, z.length);
    }

    @Test
    @DisplayName("diagonal Gaussian: log-probability and entropy by the closed forms, gradients against central differences")
    void gaussian() {
        float[] mu = {0.2f, -0.5f}, logStd = {-0.3f, 0.4f}, a = {0.9f, -1.4f};
        double expected = 0;
        for (int j = 0; j < 2; j++) {
            double s = Math.exp(logStd[j]);
            expected += -Math.pow(a[j] - mu[j], 2) / (2 * s * s) - Math.log(s * Math.sqrt(2 * Math.PI));
        }
        assertEquals(expected, DiagGaussian.logProb(a, 0, mu, 0, logStd, 2), 1e-6);
        double ent = 0;
        for (int j = 0; j < 2; j++) ent += 0.5 * Math.log(2 * Math.PI * Math.E * Math.exp(2 * logStd[j]));
        assertEquals(ent, DiagGaussian.entropy(logStd, 2), 1e-6);

        double g = 1.3;
        float[] dMu = new float[2];
        double[] dLogStd = new double[2];
        DiagGaussian.backward(a, 0, mu, 0, logStd, 2, g, dMu, dLogStd);
        double h = 1e-3;
        for (int j = 0; j < 2; j++) {
            float[] mp = mu.clone(), mm = mu.clone();
            mp[j] += (float) h;
            mm[j] -= (float) h;
            double fd = g * (DiagGaussian.logProb(a, 0, mp, 0, logStd, 2) - DiagGaussian.logProb(a, 0, mm, 0, logStd, 2)) / ((double) mp[j] - mm[j]);
            assertEquals(fd, dMu[j], 1e-4, "dmu_" + j);
            float[] sp = logStd.clone(), sm = logStd.clone();
            sp[j] += (float) h;
            sm[j] -= (float) h;
            fd = g * (DiagGaussian.logProb(a, 0, mu, 0, sp, 2) - DiagGaussian.logProb(a, 0, mu, 0, sm, 2)) / ((double) sp[j] - sm[j]);
            assertEquals(fd, dLogStd[j], 1e-4, "dlogstd_" + j);
        }
    }

    @Test
    @DisplayName("Gaussian samples have the policy's mean and sigma; the env's action is clipped to the bounds")
    void gaussianSamplesAndClipping() {
        float[] mu = {0.5f}, logStd = {(float) Math.log(2)};
        Rng rng = new Rng(11);
        float[] a = new float[1];
        double sum = 0, sumSq = 0;
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            DiagGaussian.sample(mu, 0, logStd, 1, rng, a, 0);
            sum += a[0];
            sumSq += a[0] * a[0];
        }
        double mean = sum / n;
        assertEquals(0.5, mean, 0.04); // 4.5 standard errors of 0.009
        assertEquals(2, Math.sqrt(sumSq / n - mean * mean), 0.03);
        float[] out = new float[2];
        DiagGaussian.clip(new float[] {3f, -7f}, 0, new float[] {-2, -2}, new float[] {2, 2}, out, 0);
        assertArrayEquals(new float[] {2, -2}, out);
    }

    @Test
    @DisplayName("orthogonal init: W W^T = gain^2 I for a wide layer, W^T W = gain^2 I for a tall one")
    void orthogonalInit() {
        for (int[] shape : new int[][] {{3, 7}, {7, 3}, {5, 5}}) {
            int out = shape[0], in = shape[1];
            float[] w = new float[out * in];
            Mlp.orthogonal(2.0).fill(w, in, out, new Rng(3));
            boolean rows = out <= in;
            int m = rows ? out : in;
            for (int p = 0; p < m; p++) {
                for (int q = 0; q < m; q++) {
                    double dot = 0;
                    if (rows) for (int i = 0; i < in; i++) dot += (double) w[p * in + i] * w[q * in + i];
                    else for (int o = 0; o < out; o++) dot += (double) w[o * in + p] * w[o * in + q];
                    assertEquals(p == q ? 4 : 0, dot, 1e-5, out + "x" + in + " (" + p + ", " + q + ")");
                }
            }
        }
    }
}
