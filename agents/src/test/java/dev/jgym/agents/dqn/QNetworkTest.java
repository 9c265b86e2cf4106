package dev.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgym.nn.Init;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.core.rng.Rng;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QNetworkTest {

    @Test
    @DisplayName("Dueling aggregation (Wang et al. 2016, eq. 9): Q = V + A - mean(A), exact on hand values")
    void duelingAggregation() {
        float[] v = {2f, -1f};
        float[] adv = {1f, 2f, 3f, 0f, 0f, 6f};
        float[] q = new float[6];
        QNetwork.aggregate(v, adv, q, 2, 3);
        // row 0: mean A = 2 -> 2 + (1, 2, 3) - 2; row 1: mean A = 2 -> -1 + (0, 0, 6) - 2
        assertArrayEquals(new float[] {1f, 2f, 3f, -3f, -3f, 3f}, q, 0f);
        float[] dv = new float[2], dadv = new float[6];
        QNetwork.aggregateBackward(new float[] {1f, 0f, 0f, 0f, 0f, 3f}, dv, dadv, 2, 3);
        assertArrayEquals(new float[] {1f, 3f}, dv, 0f);
        assertArrayEquals(new float[] {2f / 3, -1f / 3, -1f / 3, -1f, -1f, 2f}, dadv, 1e-6f);
    }

    @ParameterizedTest(name = "dueling = {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("Backward matches central differences of L = sum_i c_i Q_i (float64 reference, relative 2e-2)")
    void gradientsMatchFiniteDifferences(boolean dueling) {
        try (CpuBackend be = new CpuBackend(1)) {
            QNetwork net = new QNetwork(be, 3, new int[] {5, 4}, "tanh", 2, dueling, Init.xavierUniform(), new Rng(7));
            Rng r = new Rng(3);
            int rows = 4;
            Tensor x = Tensor.zeros(rows, 3);
            for (int i = 0; i < x.size(); i++) x.data()[i] = (float) r.gaussian();
            float[] c = new float[rows * 2];
            for (int i = 0; i < c.length; i++) c[i] = (float) r.gaussian();
            QNetwork.Pass p = net.pass(rows);
            net.forward(p, x);
            System.arraycopy(c, 0, p.dq.data(), 0, c.length);
            for (Param prm : net.params()) prm.grad().fill(0f);
            net.backward(p);
            GradientCheck.assertGradients(net.params(), () -> objective(net, p, x, c), 1e-2, 2e-2);
        }
    }

    private static double objective(QNetwork net, QNetwork.Pass p, Tensor x, float[] c) {
        float[] q = net.forward(p, x).data();
        double s = 0;
        for (int i = 0; i < c.length; i++) s += (double) c[i] * q[i];
        return s;
    }

    @Test
    @DisplayName("Polyak update: theta' = tau theta + (1 - tau) theta'; tau 1 copies")
    void targetUpdates() {
        try (CpuBackend be = new CpuBackend(1)) {
            QNetwork a = new QNetwork(be, 2, new int[] {3}, "relu", 2, false, Init.xavierUniform(), new Rng(1));
            QNetwork b = new QNetwork(be, 2, new int[] {3}, "relu", 2, false, Init.xavierUniform(), new Rng(2));
            float wa = a.params().get(0).value().data()[0], wb = b.params().get(0).value().data()[0];
            b.blendFrom(a, 0.25f);
            assertEquals(0.25f * wa + 0.75f * wb, b.params().get(0).value().data()[0], 1e-6f);
            b.copyFrom(a);
            assertEquals(wa, b.params().get(0).value().data()[0], 0f);
        }
    }
}
