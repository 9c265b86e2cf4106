package dev.jgym.nn.layers;

import static dev.jgym.nn.layers.GradientCheckTest.BE;
import static dev.jgym.nn.layers.GradientCheckTest.assertClose;
import static dev.jgym.nn.layers.GradientCheckTest.dot;
import static dev.jgym.nn.layers.GradientCheckTest.numeric;
import static dev.jgym.nn.layers.GradientCheckTest.random;
import static dev.jgym.nn.layers.GradientCheckTest.toDouble;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgym.core.rng.Rng;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Transformer's layers against central differences (h = 1e-6) of independent float64
 * references written out from the papers' equations (layer norm: Ba et al. 2016; attention:
 * Vaswani et al. 2017, eq. 1; GELU: Hendrycks and Gimpel 2016), masks and dropout included;
 * tolerance as {@link GradientCheckTest} (|analytic - numeric| <= 1e-4 + 1e-3 |numeric|).
 */
class TransformerGradientCheckTest {

    // ---- float64 references --------------------------------------------------------------------

    /** erf by its Taylor series (A&S 7.1.5), enough terms for |x| < 4 in double. */
    static double erf(double x) {
        double sum = 0, term = x;
        for (int n = 0; n < 200; n++) {
            sum += term / (2 * n + 1);
            term *= -x * x / (n + 1);
            if (Math.abs(term) < 1e-18) break;
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }

    static double gelu(double x) {
        return 0.5 * x * (1 + erf(x / Math.sqrt(2)));
    }

    static double[] layerNorm(double[] x, double[] g, double[] b, int f) {
        double[] y = new double[x.length];
        for (int r = 0; r < x.length / f; r++) {
            double mean = 0, var = 0;
            for (int j = 0; j < f; j++) mean += x[r * f + j] / f;
            for (int j = 0; j < f; j++) var += (x[r * f + j] - mean) * (x[r * f + j] - mean) / f;
            for (int j = 0; j < f; j++) y[r * f + j] = g[j] * (x[r * f + j] - mean) / Math.sqrt(var + 1e-5) + b[j];
        }
        return y;
    }

    /** y = x W^T + b for rows of in values. */
    static double[] linear(double[] x, double[] w, double[] b, int in, int out) {
        return GradientCheckTest.dense(x, w, b, x.length / in, in, out);
    }

    /** Attention of a fused [N T, 3 D] qkv; mask [N, T] and drop [N H, T T] may be null. */
    static double[] attention(double[] qkv, int n, int t, int heads, int d, boolean causal, double[] mask, double[] drop) {
        int dh = d / heads;
        double[] out = new double[n * t * d];
        for (int e = 0; e < n; e++) {
            for (int h = 0; h < heads; h++) {
                for (int i = 0; i < t; i++) {
                    double[] s = new double[t];
                    boolean[] on = new boolean[t];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < t; j++) {
                        on[j] = !(causal && j > i) && (mask == null || mask[e * t + j] != 0);
                        if (!on[j]) continue;
                        for (int c = 0; c < dh; c++) s[j] += qkv[(e * t + i) * 3 * d + h * dh + c] * qkv[(e * t + j) * 3 * d + d + h * dh + c];
                        s[j] /= Math.sqrt(dh);
                        max = Math.max(max, s[j]);
                    }
                    double z = 0;
                    for (int j = 0; j < t; j++) if (on[j]) z += Math.exp(s[j] - max);
                    for (int j = 0; j < t; j++) {
                        if (!on[j]) continue;
                        double p = Math.exp(s[j] - max) / z * (drop == null ? 1 : drop[(e * heads + h) * t * t + i * t + j]);
                        for (int c = 0; c < dh; c++) out[(e * t + i) * d + h * dh + c] += p * qkv[(e * t + j) * 3 * d + 2 * d + h * dh + c];
                    }
                }
            }
        }
        return out;
    }

    /** Multi-head attention with params [W_in, b_in, W_out, b_out]. */
    static double[] mha(double[] x, double[][] p, int n, int t, int heads, int d, boolean causal, double[] mask, double[] drop) {
        double[] qkv = linear(x, p[0], p[1], d, 3 * d);
        return linear(attention(qkv, n, t, heads, d, causal, mask, drop), p[2], p[3], d, d);
    }

    /** The pre-LN block with params in the layer's order (ln1 w b, attn x4, ln2 w b, fc1 w b, fc2 w b). */
    static double[] block(double[] x, double[][] p, int n, int t, int heads, int d, int mlp, boolean causal, double[] mask, double[] drop) {
        double[] a = mha(layerNorm(x, p[0], p[1], d), new double[][] {p[2], p[3], p[4], p[5]}, n, t, heads, d, causal, mask, drop);
        double[] h = new double[x.length];
        for (int i = 0; i < h.length; i++) h[i] = x[i] + a[i];
        double[] u = linear(layerNorm(h, p[6], p[7], d), p[8], p[9], d, mlp);
        for (int i = 0; i < u.length; i++) u[i] = gelu(u[i]);
        double[] m = linear(u, p[10], p[11], mlp, d);
        for (int i = 0; i < h.length; i++) h[i] += m[i];
        return h;
    }

    // ---- checks ----------------------------------------------------------------------------------

    /** dL/dx and dL/d(every trainable parameter) of a layer against ref(x, params). */
    static void checkLayer(Layer layer, Tensor x, Rng rng, Function<double[][], double[]> ref, boolean checkInput, String what) {
        List<Param> ps = layer.params();
        double[][] p = new double[ps.size() + 1][];
        for (int i = 0; i < ps.size(); i++) p[i + 1] = toDouble(ps.get(i).value());
        p[0] = toDouble(x);
        Tensor y = layer.forward(x);
        Tensor r = random(rng, 1, y.shape());
        double[] rd = toDouble(r);
        Tensor dx = layer.backward(r);
        for (int k = checkInput ? 0 : 1; k < p.length; k++) {
            final int which = k;
            double[] num = numeric(v -> {
                double[][] q = p.clone();
                q[which] = v;
                return dot(ref.apply(q), rd);
            }, p[k].clone());
            assertClose(num, k == 0 ? dx : ps.get(k - 1).grad(), what + (k == 0 ? " dL/dx" : " dL/d" + ps.get(k - 1).name()));
        }
    }

    static double[][] tail(double[][] p) {
        return java.util.Arrays.copyOfRange(p, 1, p.length);
    }

    /** A padding mask [N, T] with each example's real length (the rest padding). */
    static Tensor lengths(int t, int... lens) {
        Tensor m = Tensor.zeros(lens.length, t);
        for (int e = 0; e < lens.length; e++) for (int j = 0; j < lens[e]; j++) m.data()[e * t + j] = 1f;
        return m;
    }

    @Test
    @DisplayName("LayerNorm over 6 features of a [3 steps x 6] sequence, batch 2 (gamma, beta moved off 1, 0): dL/dx, dL/dgamma, dL/dbeta match float64 central differences")
    void layerNormGradients() {
        Rng rng = new Rng(2300);
        LayerNorm ln = new LayerNorm(BE, 6);
        for (Param p : ln.params()) for (int i = 0; i < p.value().size(); i++) p.value().data()[i] += (float) (0.3 * rng.gaussian());
        checkLayer(ln, random(rng, 1.5, 2, 18), rng, p -> layerNorm(p[0], p[1], p[2], 6), true, "layernorm");
    }

    @Test
    @DisplayName("GELU (exact, erf): values equal x (1 + erf(x / sqrt 2)) / 2 from Python's math.erf within 2 float ulps; dL/dx matches float64 central differences")
    void geluValuesAndGradient() {
        float[] xs = {-5f, -3f, -1.5f, -0.5f, 0.1f, 1f, 2.5f, 4f};
        double[] want = {-1.4332578593401202e-06, -0.00404969409489031, -0.10021080190328713, -0.15426876936299344,
            0.053982783727702904, 0.8413447460685429, 2.4844758366855597, 3.9998733150326675};
        Tensor y = new Gelu(BE).forward(Tensor.of(xs.clone(), 1, xs.length));
        for (int i = 0; i < xs.length; i++) assertEquals(want[i], y.data()[i], 2 * Math.ulp((float) want[i]), "gelu(" + xs[i] + ")");
        Rng rng = new Rng(2301);
        checkLayer(new Gelu(BE), random(rng, 2, 3, 7), rng, p -> {
            double[] o = p[0].clone();
            for (int i = 0; i < o.length; i++) o[i] = gelu(o[i]);
            return o;
        }, true, "gelu");
    }

    @ParameterizedTest(name = "causal {0}, padding {1}, dropout {2}")
    @CsvSource({"false,false,false", "true,false,false", "false,true,false", "true,true,false", "true,true,true"})
    @DisplayName("scaled dot-product attention (2 examples, 5 steps, 2 heads of 3): dL/dqkv matches float64 central differences, masks and dropout included")
    void attentionGradients(boolean causal, boolean padded, boolean dropped) {
        Rng rng = new Rng(2310 + (causal ? 1 : 0) + (padded ? 2 : 0) + (dropped ? 4 : 0));
        int n = 2, t = 5, heads = 2, d = 6;
        Tensor qkv = random(rng, 1, n * t, 3 * d);
        // example 1: the first step is padding too, so with the causal mask its first query sees no key at all
        Tensor mask = padded ? Tensor.of(new float[] {1, 1, 1, 0, 0, 0, 1, 1, 1, 1}, n, t) : null;
        Tensor drop = null;
        if (dropped) {
            drop = Tensor.zeros(n * heads, t * t);
            for (int i = 0; i < drop.size(); i++) drop.data()[i] = rng.nextFloat() < 0.3 ? 0f : 1f / 0.7f;
        }
        Tensor probs = Tensor.zeros(n * heads, t * t), out = Tensor.zeros(n * t, d);
        BE.attention(qkv, heads, t, causal, mask, drop, probs, out);
        double[] md = mask == null ? null : toDouble(mask), dd = drop == null ? null : toDouble(drop);
        double[] ref = attention(toDouble(qkv), n, t, heads, d, causal, md, dd);
        for (int i = 0; i < ref.length; i++) assertEquals(ref[i], out.data()[i], 1e-5, "out[" + i + "]");
        Tensor r = random(rng, 1, n * t, d), dqkv = Tensor.zeros(qkv.shape());
        BE.attentionBackward(qkv, probs, drop, heads, t, r, dqkv);
        double[] rd = toDouble(r);
        assertClose(numeric(v -> dot(attention(v, n, t, heads, d, causal, md, dd), rd), toDouble(qkv)), dqkv, "attention dL/dqkv");
    }

    @Test
    @DisplayName("multi-head self-attention (width 8, 2 heads, 4 steps, causal, padding, dropout 0.25): dL/dx and dL/d(in_proj, out_proj) match float64 central differences")
    void multiHeadGradients() {
        Rng rng = new Rng(2320);
        MultiHeadAttention mha = new MultiHeadAttention(BE, 8, 2, 4, true, 0.25, rng.child("init"));
        Tensor mask = lengths(4, 4, 3, 2);
        mha.setMask(mask);
        Tensor x = random(rng, 1, 3, 32);
        double[] md = toDouble(mask);
        double[][] drop = new double[1][];
        // the dropout mask is drawn in forward: the reference reuses the one the layer drew
        Function<double[][], double[]> ref = p -> mha(p[0], tail(p), 3, 4, 2, 8, true, md, drop[0]);
        List<Param> ps = mha.params();
        double[][] p = new double[ps.size() + 1][];
        for (int i = 0; i < ps.size(); i++) p[i + 1] = toDouble(ps.get(i).value());
        p[0] = toDouble(x);
        Tensor y = mha.forward(x);
        drop[0] = toDouble(mha.dropMask());
        Tensor r = random(rng, 1, y.shape());
        double[] rd = toDouble(r);
        Tensor dx = mha.backward(r);
        for (int k = 0; k < p.length; k++) {
            final int which = k;
            assertClose(numeric(v -> {
                double[][] q = p.clone();
                q[which] = v;
                return dot(ref.apply(q), rd);
            }, p[k].clone()), k == 0 ? dx : ps.get(k - 1).grad(), "mha " + (k == 0 ? "dL/dx" : ps.get(k - 1).name()));
        }
    }

    @ParameterizedTest(name = "causal {0}, padding {1}")
    @CsvSource({"false,false", "true,true"})
    @DisplayName("pre-LN Transformer block (width 8, 2 heads, 3 steps, MLP 12): dL/dx and dL/d(all 12 parameters) match float64 central differences")
    void blockGradients(boolean causal, boolean padded) {
        Rng rng = new Rng(2330 + (causal ? 1 : 0));
        TransformerBlock b = new TransformerBlock(BE, 8, 2, 3, 12, causal, 0, rng.child("init"));
        // layer-norm gains and biases away from 1 and 0, so their gradients are tested in general position
        for (Param p : b.params()) if (p.name().startsWith("ln")) for (int i = 0; i < p.value().size(); i++) p.value().data()[i] += (float) (0.3 * rng.gaussian());
        Tensor mask = padded ? lengths(3, 3, 2) : null;
        b.setMask(mask);
        double[] md = mask == null ? null : toDouble(mask);
        checkLayer(b, random(rng, 1, 2, 24), rng, p -> block(p[0], tail(p), 2, 3, 2, 8, 12, causal, md, null), true, "block");
    }

    @Test
    @DisplayName("token embedding with learned positions (vocab 5, width 3, 4 steps of a 6-position table): dL/dE and dL/dP match float64 central differences; sinusoidal positions follow Vaswani et al. section 3.5")
    void embeddingGradients() {
        Rng rng = new Rng(2340);
        Embedding e = new Embedding(BE, 5, 3, 4, Embedding.Positions.LEARNED, 6, rng.child("init"));
        float[] ids = {0, 4, 4, 2, 1, 1, 3, 0};
        Tensor x = Tensor.of(ids, 2, 4);
        checkLayer(e, x, rng, p -> {
            double[] y = new double[2 * 4 * 3];
            for (int r = 0; r < 8; r++) for (int f = 0; f < 3; f++) y[r * 3 + f] = p[1][(int) ids[r] * 3 + f] + p[2][(r % 4) * 3 + f];
            return y;
        }, false, "embedding");
        Embedding s = new Embedding(BE, 5, 4, 3, Embedding.Positions.SINUSOIDAL, 3, rng.child("s"));
        Tensor y = s.forward(Tensor.of(new float[] {2, 2, 2}, 1, 3));
        float[] table = s.weight().value().data();
        for (int t = 0; t < 3; t++) {
            for (int i = 0; i < 2; i++) {
                double angle = t / Math.pow(10000, 2.0 * i / 4);
                assertEquals(table[8 + 2 * i] + Math.sin(angle), y.data()[t * 4 + 2 * i], 1e-6);
                assertEquals(table[8 + 2 * i + 1] + Math.cos(angle), y.data()[t * 4 + 2 * i + 1], 1e-6);
            }
        }
    }
}
