package dev.jgym.nn.layers;

import static dev.jgym.nn.layers.GradientCheckTest.BE;
import static dev.jgym.nn.layers.GradientCheckTest.assertClose;
import static dev.jgym.nn.layers.GradientCheckTest.dot;
import static dev.jgym.nn.layers.GradientCheckTest.numeric;
import static dev.jgym.nn.layers.GradientCheckTest.random;
import static dev.jgym.nn.layers.GradientCheckTest.toDouble;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.nn.Tensor;
import dev.jgym.core.rng.Rng;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Backpropagation through time for RNN, LSTM and GRU against central differences of a float64
 * unrolled forward (PyTorch's equations, written out per step), several steps, with and without
 * return_sequences and masks; tolerance as {@link GradientCheckTest}.
 */
class RecurrentGradientCheckTest {
    static double sig(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** The float64 reference: params = [W_ih, W_hh, b_ih, b_hh]; mask may be null. */
    static double[] forward(Recurrent.Cell cell, double[] x, double[][] p, int batch, int steps, int in, int hid, boolean seq, double[] mask) {
        int g = cell == Recurrent.Cell.RNN ? 1 : cell == Recurrent.Cell.LSTM ? 4 : 3;
        double[] y = new double[batch * (seq ? steps * hid : hid)];
        for (int n = 0; n < batch; n++) {
            double[] h = new double[hid], c = new double[hid];
            for (int t = 0; t < steps; t++) {
                double[] gx = new double[g * hid], gh = new double[g * hid];
                for (int r = 0; r < g * hid; r++) {
                    double sx = p[2][r], sh = p[3][r];
                    for (int f = 0; f < in; f++) sx += p[0][r * in + f] * x[n * steps * in + t * in + f];
                    for (int f = 0; f < hid; f++) sh += p[1][r * hid + f] * h[f];
                    gx[r] = sx;
                    gh[r] = sh;
                }
                double[] hn = new double[hid], cn = new double[hid];
                for (int j = 0; j < hid; j++) {
                    switch (cell) {
                        case RNN:
                            hn[j] = Math.tanh(gx[j] + gh[j]);
                            break;
                        case LSTM: {
                            double i = sig(gx[j] + gh[j]), f = sig(gx[hid + j] + gh[hid + j]);
                            double gg = Math.tanh(gx[2 * hid + j] + gh[2 * hid + j]), o = sig(gx[3 * hid + j] + gh[3 * hid + j]);
                            cn[j] = f * c[j] + i * gg;
                            hn[j] = o * Math.tanh(cn[j]);
                            break;
                        }
                        default: {
                            double r = sig(gx[j] + gh[j]), z = sig(gx[hid + j] + gh[hid + j]);
                            double nn = Math.tanh(gx[2 * hid + j] + r * gh[2 * hid + j]);
                            hn[j] = (1 - z) * nn + z * h[j];
                        }
                    }
                }
                if (mask == null || mask[n * steps + t] != 0) {
                    h = hn;
                    if (cell == Recurrent.Cell.LSTM) c = cn;
                }
                if (seq) System.arraycopy(h, 0, y, n * steps * hid + t * hid, hid);
            }
            if (!seq) System.arraycopy(h, 0, y, n * hid, hid);
        }
        return y;
    }

    @ParameterizedTest(name = "{0}, return_sequences {1}, masked {2}")
    @CsvSource({"RNN,false,false", "RNN,true,true", "LSTM,false,false", "LSTM,true,false", "LSTM,false,true", "GRU,false,false", "GRU,true,true"})
    @DisplayName("RNN, LSTM and GRU over 6 steps (batch 3, 4 inputs, 5 hidden): dL/dx and dL/d(every parameter) match float64 central differences")
    void bpttGradients(Recurrent.Cell cell, boolean seq, boolean masked) {
        Rng rng = new Rng(500 + cell.ordinal() * 4 + (seq ? 2 : 0) + (masked ? 1 : 0));
        int batch = 3, steps = 6, in = 4, hid = 5;
        Recurrent layer = new Recurrent(BE, cell, in, hid, steps, seq, false, 0, rng.child("init"));
        // larger weights than the default init so the gates leave their linear region
        for (var p : layer.params()) for (int i = 0; i < p.value().size(); i++) p.value().data()[i] = (float) (0.6 * rng.gaussian());
        double[] mask = null;
        if (masked) {
            Tensor m = Tensor.zeros(batch, steps);
            int[] lengths = {6, 4, 2};
            for (int n = 0; n < batch; n++) for (int t = 0; t < lengths[n]; t++) m.data()[n * steps + t] = 1f;
            layer.setMask(m);
            mask = toDouble(m);
        }
        Tensor x = random(rng, 1, batch, steps * in);
        double[] xd = toDouble(x);
        List<dev.jgym.nn.Param> ps = layer.params();
        double[][] p = new double[4][];
        for (int i = 0; i < 4; i++) p[i] = toDouble(ps.get(i).value());
        Tensor y = layer.forward(x);
        Tensor r = random(rng, 1, y.shape());
        double[] rd = toDouble(r);
        Tensor dx = layer.backward(r);
        final double[] mk = mask;
        assertClose(numeric(v -> dot(forward(cell, v, p, batch, steps, in, hid, seq, mk), rd), xd.clone()), dx, cell + " dL/dx");
        for (int k = 0; k < 4; k++) {
            final int which = k;
            assertClose(numeric(v -> {
                double[][] q = p.clone();
                q[which] = v;
                return dot(forward(cell, xd, q, batch, steps, in, hid, seq, mk), rd);
            }, p[k].clone()), ps.get(k).grad(), cell + " dL/d" + ps.get(k).name());
        }
    }

    @Test
    @DisplayName("truncated BPTT (bptt 3 over 6 steps): no gradient reaches the first 3 steps' inputs from the last output; full BPTT does reach them")
    void truncatedBptt() {
        Rng rng = new Rng(600);
        Tensor x = random(rng, 1, 2, 6 * 3);
        Recurrent full = new Recurrent(BE, Recurrent.Cell.LSTM, 3, 4, 6, false, false, 0, new Rng(1));
        Recurrent cut = new Recurrent(BE, Recurrent.Cell.LSTM, 3, 4, 6, false, false, 3, new Rng(1));
        Tensor r = random(rng, 1, 2, 4);
        full.forward(x);
        cut.forward(x);
        Tensor dFull = full.backward(r), dCut = cut.backward(r);
        for (int n = 0; n < 2; n++) {
            for (int j = 0; j < 9; j++) {
                assertEquals(0f, dCut.get(n, j), "step " + j / 3 + " is cut off");
                assertTrue(dFull.get(n, j) != 0f, "full BPTT reaches step " + j / 3);
            }
            for (int j = 9; j < 18; j++) assertEquals(dFull.get(n, j), dCut.get(n, j), 1e-6, "the last 3 steps are the same");
        }
    }

    @Test
    @DisplayName("stateful GRU: two calls over halves of a sequence give the same final state as one call over the whole; resetState starts from zeros again")
    void statefulCarriesState() {
        Rng rng = new Rng(700);
        Tensor x = random(rng, 1, 2, 8 * 3);
        Recurrent whole = new Recurrent(BE, Recurrent.Cell.GRU, 3, 5, 8, false, false, 0, new Rng(9));
        Recurrent half = new Recurrent(BE, Recurrent.Cell.GRU, 3, 5, 4, false, true, 0, new Rng(9));
        Tensor a = Tensor.zeros(2, 12), b = Tensor.zeros(2, 12);
        BE.sliceColumns(x, 0, a);
        BE.sliceColumns(x, 12, b);
        Tensor first = half.forward(a);
        Tensor second = half.forward(b);
        Tensor all = whole.forward(x);
        for (int i = 0; i < all.size(); i++) assertEquals(all.data()[i], second.data()[i], 1e-6);
        half.resetState();
        assertTrue(half.forward(a).bitEquals(first), "after resetState the first half again gives the first output");
        assertFalse(first.bitEquals(second));
    }
}
