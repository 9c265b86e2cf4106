package dev.jgym.experiments.shallow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.nn.anneal.BruteForce;
import dev.jgym.nn.anneal.Qubo;
import dev.jgym.nn.anneal.SimulatedAnnealing;
import dev.jgym.core.rng.Rng;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** QBoost's QUBO against its loss, and the annealer against brute force on QBoost instances. */
class QBoostTest {

    static int[][] randomH(int n, int samples, Rng rng) {
        int[][] h = new int[n][samples];
        for (int[] row : h) for (int s = 0; s < samples; s++) row[s] = rng.nextBoolean() ? 1 : -1;
        return h;
    }

    static double[] randomY(int samples, Rng rng) {
        double[] y = new double[samples];
        for (int s = 0; s < samples; s++) y[s] = rng.nextBoolean() ? 1 : -1;
        return y;
    }

    @Test
    @DisplayName("issue 12: the QUBO (Q_ij with the factor 2) equals the QBoost loss for all 2^12 assignments, 20 instances (1e-9)")
    void quboEqualsLoss() {
        Rng rng = new Rng(12);
        for (int t = 0; t < 20; t++) {
            int n = 3 + t % 10, samples = 5 + rng.nextInt(30);
            int[][] h = randomH(n, samples, rng);
            double[] y = randomY(samples, rng);
            double lambda = t % 3 == 0 ? 0 : rng.uniform(0, 0.5);
            Qubo q = QBoost.qubo(h, y, lambda);
            for (long k = 0; k < (1L << n); k++) {
                byte[] w = new byte[n];
                for (int i = 0; i < n; i++) w[i] = (byte) ((k >>> i) & 1);
                assertEquals(QBoost.loss(h, y, lambda, w), q.energy(w), 1e-9, "instance " + t + ", assignment " + k);
            }
        }
    }

    @Test
    @DisplayName("without the factor 2 on Q_ij (the old public example) the QUBO is not the loss")
    void factorTwoMatters() {
        Rng rng = new Rng(3);
        int[][] h = randomH(6, 20, rng);
        double[] y = randomY(20, rng);
        Qubo wrong = new Qubo(6), right = QBoost.qubo(h, y, 0);
        wrong.addOffset(right.offset());
        for (int i = 0; i < 6; i++) {
            wrong.add(i, i, right.linear(i));
            for (int j = i + 1; j < 6; j++) wrong.add(i, j, right.coupling(i, j) / 2);
        }
        byte[] all = {1, 1, 1, 1, 1, 1};
        assertTrue(Math.abs(wrong.energy(all) - QBoost.loss(h, y, 0, all)) > 1e-3);
    }

    @Test
    @DisplayName("annealer finds the brute-force optimum of QBoost QUBOs with 8-20 stumps (1e-9)")
    void annealerOnQBoost() {
        Rng rng = new Rng(99);
        SimulatedAnnealing sa = new SimulatedAnnealing(new SimulatedAnnealing.Settings(500, 8, null, null));
        for (int n = 8; n <= 20; n++) {
            int samples = 40;
            double[] y = randomY(samples, rng);
            int[][] h = new int[n][samples];
            for (int i = 0; i < n; i++) for (int s = 0; s < samples; s++) h[i][s] = rng.bernoulli(0.65) ? (int) y[s] : -(int) y[s]; // weak learners
            Qubo q = QBoost.qubo(h, y, 0.02);
            assertEquals(BruteForce.minimize(q).energy(), sa.solve(q, rng.child(n)).energy(), 1e-9, n + " stumps");
        }
    }

    @Test
    @DisplayName("QBoost over stumps separates two synthetic image classes (validation AUC > 0.95)")
    void learnsStumps() {
        Rng rng = new Rng(4);
        Examples train = IsingLayersTest.bars(200, rng), val = IsingLayersTest.bars(200, rng.child("val"));
        QBoost.Model m = new QBoost(new QBoost.Settings(3, 40, 0.01, new SimulatedAnnealing.Settings(300, 2, null, null), null)).train(train, new Rng(1), 2);
        double[] auc = RocAuc.perClass(m.scores(val.x(), val.size()), val.y(), 2);
        assertTrue(auc[0] > 0.95 && auc[1] > 0.95, java.util.Arrays.toString(auc));
    }
}
