package dev.jgym.nn.cpu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.rng.Rng;
import dev.jgym.nn.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Attention forward and backward on both kernels against a plain reference: the loops the CPU
 * backend ran before its fused kernel calls (one multiply-then-add per element, keys in order,
 * exponentials by {@link StrictMath#exp}), so that the fused calls change no bit of any trained
 * network.
 */
class AttentionReferenceTest {
    private static void axpy(float a, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] += a * x[xOff + i];
    }

    /** The reference forward: per example and head, per query, key by key. */
    static void attention(Tensor qkv, int heads, int t, boolean causal, Tensor keyMask, Tensor drop, Tensor probs, Tensor out) {
        int d3 = qkv.cols(), d = d3 / 3, dh = d / heads, n = qkv.rows() / t;
        float scale = (float) (1 / Math.sqrt(dh));
        float[] q = qkv.data(), p = probs.data(), o = out.data();
        float[] dm = drop == null ? null : drop.data(), km = keyMask == null ? null : keyMask.data();
        for (int task = 0; task < n * heads; task++) {
            int ex = task / heads, h = task % heads, row0 = ex * t;
            int qo = h * dh, ko = d + h * dh, vo = 2 * d + h * dh;
            float[] kT = new float[dh * t];
            for (int j = 0; j < t; j++) for (int c = 0; c < dh; c++) kT[c * t + j] = q[(row0 + j) * d3 + ko + c];
            float[] s = new float[t];
            double[] e = new double[t];
            int pb = task * t * t;
            for (int i = 0; i < t; i++) {
                int limit = causal ? i + 1 : t, qrow = (row0 + i) * d3 + qo;
                Arrays.fill(s, 0, limit, 0f);
                for (int c = 0; c < dh; c++) axpy(q[qrow + c], kT, c * t, s, 0, limit);
                float max = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < limit; j++) {
                    if (km != null && km[ex * t + j] == 0) continue;
                    s[j] *= scale;
                    max = Math.max(max, s[j]);
                }
                int prow = pb + i * t, orow = (row0 + i) * d + qo;
                Arrays.fill(p, prow, prow + t, 0f);
                Arrays.fill(o, orow, orow + dh, 0f);
                if (max == Float.NEGATIVE_INFINITY) continue;
                double sum = 0;
                for (int j = 0; j < limit; j++) {
                    if (km != null && km[ex * t + j] == 0) continue;
                    e[j] = StrictMath.exp((double) s[j] - max);
                    sum += e[j];
                }
                for (int j = 0; j < limit; j++) {
                    if (km != null && km[ex * t + j] == 0) continue;
                    float pj = (float) (e[j] / sum);
                    p[prow + j] = pj;
                    float w = dm == null ? pj : pj * dm[prow + j];
                    if (w == 0) continue;
                    axpy(w, q, (row0 + j) * d3 + vo, o, orow, dh);
                }
            }
        }
    }

    /** The reference backward: per example and head, per query, key by key. */
    static void attentionBackward(Tensor qkv, Tensor probs, Tensor drop, int heads, int t, Tensor dOut, Tensor dQkv) {
        int d3 = qkv.cols(), d = d3 / 3, dh = d / heads, n = qkv.rows() / t;
        float scale = (float) (1 / Math.sqrt(dh));
        float[] q = qkv.data(), p = probs.data(), g = dOut.data(), dq = dQkv.data();
        float[] dm = drop == null ? null : drop.data();
        for (int task = 0; task < n * heads; task++) {
            int h = task % heads, row0 = task / heads * t;
            int qo = h * dh, ko = d + h * dh, vo = 2 * d + h * dh;
            for (int j = 0; j < t; j++) {
                int r = (row0 + j) * d3;
                Arrays.fill(dq, r + qo, r + qo + dh, 0f);
                Arrays.fill(dq, r + ko, r + ko + dh, 0f);
                Arrays.fill(dq, r + vo, r + vo + dh, 0f);
            }
            float[] vT = new float[dh * t];
            for (int j = 0; j < t; j++) for (int c = 0; c < dh; c++) vT[c * t + j] = q[(row0 + j) * d3 + vo + c];
            float[] dp = new float[t];
            int pb = task * t * t;
            for (int i = 0; i < t; i++) {
                int prow = pb + i * t, grow = (row0 + i) * d + qo;
                Arrays.fill(dp, 0f);
                for (int c = 0; c < dh; c++) axpy(g[grow + c], vT, c * t, dp, 0, t);
                for (int j = 0; j < t; j++) {
                    float w = dm == null ? p[prow + j] : p[prow + j] * dm[prow + j];
                    if (w == 0) continue;
                    axpy(w, g, grow, dq, (row0 + j) * d3 + vo, dh);
                }
                double dot = 0;
                for (int j = 0; j < t; j++) {
                    if (dm != null) dp[j] *= dm[prow + j];
                    dot += (double) p[prow + j] * dp[j];
                }
                int qrow = (row0 + i) * d3;
                for (int j = 0; j < t; j++) {
                    float pj = p[prow + j];
                    if (pj == 0) continue;
                    float ds = (float) (pj * (dp[j] - dot)) * scale;
                    int kr = (row0 + j) * d3;
                    axpy(ds, q, kr + ko, dq, qrow + qo, dh);
                    axpy(ds, q, qrow + qo, dq, kr + ko, dh);
                }
            }
        }
    }

    @Test
    @DisplayName("attention and its gradient, vector and scalar kernels = the reference loops bit for bit: causal or not, key mask, dropout, heads of 16 (whole vectors) and 12, 37 and 32 steps")
    void kernelsEqualReference() {
        Rng rng = new Rng(11);
        try (CpuBackend vector = new CpuBackend(2, true); CpuBackend scalar = new CpuBackend(2, false)) {
            assertTrue(vector.vectorized(), "vector kernel");
            for (int[] shape : new int[][] {{37, 2, 32}, {32, 4, 64}, {37, 3, 36}, {5, 1, 16}}) {
                int steps = shape[0], heads = shape[1], width = shape[2], examples = 3;
                for (int variant = 0; variant < 4; variant++) {
                    boolean causal = variant % 2 == 0;
                    Tensor qkv = CpuBackendTest.random(rng, examples * steps, 3 * width), dOut = CpuBackendTest.random(rng, examples * steps, width);
                    qkv.data()[5] *= 40; // a large score: exponentials far below the maximum
                    Tensor keyMask = null, drop = null;
                    if (variant >= 2) {
                        keyMask = Tensor.zeros(examples, steps);
                        for (int i = 0; i < keyMask.size(); i++) keyMask.data()[i] = i % 7 == 3 ? 0f : 1f;
                        Arrays.fill(keyMask.data(), steps, 2 * steps, 0f); // an example with no key at all
                        drop = Tensor.zeros(examples * heads * steps, steps);
                        for (int i = 0; i < drop.size(); i++) drop.data()[i] = rng.nextInt(10) == 0 ? 0f : 1f / 0.9f;
                    }
                    Tensor[] probs = new Tensor[3], out = new Tensor[3], dQkv = new Tensor[3];
                    for (int b = 0; b < 3; b++) {
                        probs[b] = Tensor.zeros(examples * heads * steps, steps);
                        out[b] = Tensor.zeros(examples * steps, width);
                        dQkv[b] = Tensor.zeros(qkv.shape());
                    }
                    attention(qkv, heads, steps, causal, keyMask, drop, probs[2], out[2]);
                    attentionBackward(qkv, probs[2], drop, heads, steps, dOut, dQkv[2]);
                    CpuBackend[] bes = {vector, scalar};
                    for (int b = 0; b < 2; b++) {
                        bes[b].attention(qkv, heads, steps, causal, keyMask, drop, probs[b], out[b]);
                        bes[b].attentionBackward(qkv, probs[b], drop, heads, steps, dOut, dQkv[b]);
                        String what = (b == 0 ? "vector" : "scalar") + ", " + steps + " steps, " + heads + " heads of " + width / heads
                                + (causal ? ", causal" : "") + (keyMask != null ? ", mask and dropout" : "");
                        assertTrue(probs[b].bitEquals(probs[2]), "probabilities, " + what);
                        assertTrue(out[b].bitEquals(out[2]), "output, " + what);
                        assertTrue(dQkv[b].bitEquals(dQkv[2]), "gradient, " + what);
                    }
                }
            }
        }
    }
}
