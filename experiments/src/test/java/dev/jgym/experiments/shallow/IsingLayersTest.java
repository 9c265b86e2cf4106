package dev.jgym.experiments.shallow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.nn.anneal.BruteForce;
import dev.jgym.nn.anneal.Ising;
import dev.jgym.nn.anneal.SimulatedAnnealing;
import dev.jgym.core.rng.Rng;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Ising-layer energy against its loss, the annealer against brute force, and determinism. */
class IsingLayersTest {

    /** 4x4 images: class 0 a vertical bar in the left two columns, class 1 in the right two, with noise. */
    static Examples bars(int n, Rng rng) {
        float[] x = new float[n * 16];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(2);
            int k = rng.nextInt(2) + 2 * y[i];
            for (int j = 0; j < 4; j++) x[i * 16 + j * 4 + k] = 0.5f + 0.5f * rng.nextFloat();
            for (int p = 0; p < 16; p++) if (rng.bernoulli(0.1)) x[i * 16 + p] = rng.nextFloat();
        }
        return new Examples(x, y, 16, 2, 4, 4);
    }

    static double[][] xs(Examples e, int from, int to) {
        double[][] out = new double[to - from][e.d()];
        for (int s = from; s < to; s++) for (int p = 0; p < e.d(); p++) out[s - from][p] = IsingLayers.encode(e.x()[s * e.d() + p]);
        return out;
    }

    @Test
    @DisplayName("batch Hamiltonian = sum_s (f(x_s) - y_s)^2 for all 2^16 spin states (2 layers x 8 features, lambda 0; 1e-9)")
    void energyEqualsLoss() {
        Rng rng = new Rng(8);
        float[] x = new float[5 * 8];
        for (int i = 0; i < x.length; i++) x[i] = rng.bernoulli(0.3) ? 0 : rng.nextFloat();
        Examples e = new Examples(x, new int[] {0, 1, 0, 1, 1}, 8, 2, 2, 4);
        IsingLayers il = new IsingLayers(new IsingLayers.Settings(2, 1.5, 0.0, 5, 1, null, null));
        double[][] xs = xs(e, 0, 5);
        double[] ys = e.oneVsRest(1);
        Ising m = il.batchEnergy(xs, ys, 2, 4);
        for (int k = 0; k < (1 << 16); k++) {
            byte[] s = new byte[16];
            for (int i = 0; i < 16; i++) s[i] = (byte) (((k >>> i) & 1) == 1 ? 1 : -1);
            assertEquals(il.batchLoss(xs, ys, s), m.energy(s), 1e-9);
        }
    }

    @Test
    @DisplayName("lambda adds -lambda a^2 sum over neighbouring pixels of w_p w_q, per layer (1e-9)")
    void smoothingTerm() {
        Rng rng = new Rng(2);
        Examples e = bars(4, rng);
        double lambda = 0.7, a = 1.0 / (2 * Math.sqrt(16));
        IsingLayers plain = new IsingLayers(new IsingLayers.Settings(2, 1.0, 0.0, 4, 1, null, null));
        IsingLayers smooth = new IsingLayers(new IsingLayers.Settings(2, 1.0, lambda, 4, 1, null, null));
        double[][] xs = xs(e, 0, 4);
        double[] ys = e.oneVsRest(0);
        Ising m0 = plain.batchEnergy(xs, ys, 4, 4), m1 = smooth.batchEnergy(xs, ys, 4, 4);
        for (int t = 0; t < 200; t++) {
            byte[] s = new byte[32];
            for (int i = 0; i < 32; i++) s[i] = (byte) (rng.nextBoolean() ? 1 : -1);
            double pairs = 0;
            for (int l = 0; l < 2; l++) {
                for (int r = 0; r < 4; r++) {
                    for (int c = 0; c < 4; c++) {
                        int p = l * 16 + r * 4 + c;
                        if (c < 3) pairs += s[p] * s[p + 1];
                        if (r < 3) pairs += s[p] * s[p + 4];
                    }
                }
            }
            assertEquals(m0.energy(s) - lambda * a * a * pairs, m1.energy(s), 1e-9);
        }
    }

    @Test
    @DisplayName("annealer finds the brute-force ground state of Ising-layer batches (2 layers x 9 pixels = 18 spins)")
    void annealerOnBatches() {
        Rng rng = new Rng(31);
        SimulatedAnnealing sa = new SimulatedAnnealing(new SimulatedAnnealing.Settings(2000, 30, null, null)); // 300 sweeps x 5 reads missed one ground state: layer copies couple strongly
        for (int t = 0; t < 5; t++) {
            float[] x = new float[10 * 9];
            for (int i = 0; i < x.length; i++) x[i] = rng.bernoulli(0.5) ? 0 : rng.nextFloat();
            int[] y = new int[10];
            for (int i = 0; i < 10; i++) y[i] = rng.nextInt(2);
            Examples e = new Examples(x, y, 9, 2, 3, 3);
            IsingLayers il = new IsingLayers(new IsingLayers.Settings(2, 3.0, 0.5, 10, 1, null, null));
            var q = il.batchEnergy(xs(e, 0, 10), e.oneVsRest(1), 3, 3).toQubo();
            assertEquals(BruteForce.minimize(q).energy(), sa.solve(q, rng.child(t)).energy(), 1e-9);
        }
    }

    @Test
    @DisplayName("bars: validation AUC > 0.95 for both classes; weight maps bit-identical on 1, 2 and 3 threads")
    void learnsAndIsThreadCountIndependent() {
        Rng rng = new Rng(5);
        Examples train = bars(60, rng), val = bars(200, rng.child("val"));
        IsingLayers il = new IsingLayers(new IsingLayers.Settings(3, 1.0, 0.0, 10, 2, new SimulatedAnnealing.Settings(100, 1, null, null), null));
        IsingLayers.Model one = il.train(train, new Rng(7), 1, n -> { });
        for (int threads = 2; threads <= 3; threads++) {
            IsingLayers.Model more = il.train(train, new Rng(7), threads, n -> { });
            for (int c = 0; c < 2; c++) assertArrayEquals(one.weights()[c], more.weights()[c], 0.0, threads + " threads");
        }
        double[] auc = RocAuc.perClass(one.scores(val.x(), val.size()), val.y(), 2);
        assertTrue(auc[0] > 0.95 && auc[1] > 0.95, java.util.Arrays.toString(auc));
    }

    @Test
    @DisplayName("scores: raw = the class outputs (k / sqrt(d)) sum w x; softmax = their softmax (hand-computed, 1e-15)")
    void scoreModes() {
        double[][] w = {{1, -1, 0.5, 0}, {-1, 1, 0, 0.5}};
        float[] x = {0.5f, 0, 1, 0.25f};
        // encoded x = (0.5, -1, 1, 0.25); scale = 2 / sqrt(4) = 1
        double f0 = 0.5 + 1 + 0.5, f1 = -0.5 - 1 + 0.125;
        double[][] raw = new IsingLayers.Model(w, 1, "raw", 2, 2).scores(x, 1);
        assertArrayEquals(new double[] {f0, f1}, raw[0], 1e-15);
        double[][] soft = new IsingLayers.Model(w, 1, "softmax", 2, 2).scores(x, 1);
        double p0 = 1 / (1 + Math.exp(f1 - f0));
        assertArrayEquals(new double[] {p0, 1 - p0}, soft[0], 1e-15);
        // centred maps: mean over classes removed per pixel, and the softmax of their outputs unchanged
        double[][] centred = Scores.centred(w);
        for (int p = 0; p < 4; p++) assertEquals(0.0, centred[0][p] + centred[1][p], 1e-15);
        assertArrayEquals(soft[0], new IsingLayers.Model(centred, 1, "softmax", 2, 2).scores(x, 1)[0], 1e-15);
        assertEquals(2.0 / Math.sqrt(4), new IsingLayers(new IsingLayers.Settings(1, 2.0, 0.0, 1, 1, null, "raw"))
                .train(new Examples(x, new int[] {0}, 4, 2, 2, 2), new Rng(1), 1, n -> { }).scale(), 0.0);
    }

    @Test
    @DisplayName("a score mode other than softmax or raw is a config error naming the field")
    void badScoreMode() throws java.io.IOException {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("shallow", ".json");
        java.nio.file.Files.writeString(f, "{\"name\": \"x\", \"seed\": 1, \"data\": {\"dataset\": \"mnist\"},"
                + " \"shallow\": [{\"type\": \"ising_layers\", \"score\": \"probit\"}]}");
        ShallowExperiment e = new ShallowExperiment(ShallowConfig.read(f), f.toString());
        dev.jgym.core.config.UserError err = org.junit.jupiter.api.Assertions.assertThrows(dev.jgym.core.config.UserError.class, e::validate);
        assertTrue(err.getMessage().contains("$.shallow[0].score") && err.getMessage().contains("expected \"softmax\" or \"raw\", found \"probit\""), err.getMessage());
    }

    @Test
    @DisplayName("ROC AUC: hand-computed cases, ties count one half")
    void rocAuc() {
        assertEquals(1.0, RocAuc.auc(new double[] {0.1, 0.2, 0.9, 0.8}, new boolean[] {false, false, true, true}));
        assertEquals(0.0, RocAuc.auc(new double[] {0.9, 0.8, 0.1, 0.2}, new boolean[] {false, false, true, true}));
        assertEquals(0.5, RocAuc.auc(new double[] {1, 1, 1, 1}, new boolean[] {false, true, false, true}));
        // scikit-learn's roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.75
        assertEquals(0.75, RocAuc.auc(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}), 1e-15);
        assertTrue(Double.isNaN(RocAuc.auc(new double[] {1, 2}, new boolean[] {true, true})));
    }
}
