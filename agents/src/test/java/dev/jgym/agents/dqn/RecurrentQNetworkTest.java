package dev.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jgym.nn.Init;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.nn.layers.Recurrent;
import dev.jgym.core.rng.Rng;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RecurrentQNetworkTest {
    static final int F = 3, A = 2, H = 4, N = 3;

    static Tensor gaussian(Rng r, int rows, int cols) {
        Tensor t = Tensor.zeros(rows, cols);
        for (int i = 0; i < t.size(); i++) t.data()[i] = (float) r.gaussian();
        return t;
    }

    static RecurrentQNetwork net(CpuBackend be, int unroll, int burnIn, boolean dueling) {
        return new RecurrentQNetwork(be, F, new int[] {5}, "tanh", Recurrent.Cell.LSTM, H, A, dueling, Init.xavierUniform(), unroll, burnIn, new Rng(11));
    }

    /** Padding masks [N, U]: sequence 1 ends after 3 steps, sequence 2 after 1 (the rest padding). */
    static Tensor mask(int rows, int steps) {
        Tensor m = Tensor.zeros(rows, steps);
        for (int n = 0; n < rows; n++) {
            int real = n == 0 ? steps : n == 1 ? 3 : 1;
            for (int t = 0; t < real; t++) m.data()[n * steps + t] = 1f;
        }
        return m;
    }

    @ParameterizedTest(name = "dueling = {0}, burn-in = {1}")
    @CsvSource({"false, 0", "true, 0", "false, 3", "true, 2"})
    @DisplayName("BPTT through 5 steps with padding matches central differences of L = sum c_i Q_i (the burn-in state held fixed: no gradient crosses into it)")
    void gradientsMatchFiniteDifferences(boolean dueling, int burnIn) {
        int u = 5;
        try (CpuBackend be = new CpuBackend(1)) {
            RecurrentQNetwork net = net(be, u, burnIn, dueling);
            Rng r = new Rng(3);
            Tensor x = gaussian(r, N, u * F), m = mask(N, u);
            Tensor bx = gaussian(r, N, Math.max(1, burnIn) * F), bm = Tensor.zeros(N, Math.max(1, burnIn));
            bm.fill(1f);
            bm.data()[0] = 0f; // leading padding in one burn-in
            float[] c = gaussian(r, N * u, A).data();
            RecurrentQNetwork.Sequences p = net.pass(N);
            Tensor[] state = net.burnIn(bx, bm);
            Tensor h = state[0].copy(), cc = state[1].copy();
            if (burnIn > 0) assertFalse(Arrays.equals(new float[N * H], h.data()), "the burn-in moved the state");
            net.forward(p, h, cc, x, m);
            System.arraycopy(c, 0, p.dq.data(), 0, c.length);
            for (Param prm : net.params()) prm.grad().fill(0f);
            net.backward(p);
            GradientCheck.assertGradients(net.params(), () -> objective(net, p, h, cc, x, m, c), 1e-2, 2e-2);
        }
    }

    private static double objective(RecurrentQNetwork net, RecurrentQNetwork.Sequences p, Tensor h, Tensor c, Tensor x, Tensor m, float[] coef) {
        float[] q = net.forward(p, h, c, x, m).data();
        double s = 0;
        for (int i = 0; i < coef.length; i++) s += (double) coef[i] * q[i];
        return s;
    }

    @Test
    @DisplayName("Acting step by step gives the training unroll's Q-values, bit for bit; padding keeps the state")
    void actingMatchesTheUnroll() {
        int u = 4;
        try (CpuBackend be = new CpuBackend(2)) {
            RecurrentQNetwork net = net(be, u, 0, true);
            Tensor x = gaussian(new Rng(4), 1, u * F), m = Tensor.zeros(1, u);
            m.fill(1f);
            RecurrentQNetwork.Sequences p = net.pass(1);
            float[] q = net.forward(p, Tensor.zeros(1, H), Tensor.zeros(1, H), x, m).data().clone();
            RecurrentQNetwork.Memory mem = net.memory();
            for (int t = 0; t < u; t++) {
                float[] step = net.step(mem, Arrays.copyOfRange(x.data(), t * F, (t + 1) * F));
                assertArrayEquals(Arrays.copyOfRange(q, t * A, (t + 1) * A), step, 0f, "step " + t);
            }
            m.data()[3] = 0f; // the last step is padding: its Q is the previous step's
            float[] padded = net.forward(p, Tensor.zeros(1, H), Tensor.zeros(1, H), x, m).data();
            assertArrayEquals(Arrays.copyOfRange(padded, 2 * A, 3 * A), Arrays.copyOfRange(padded, 3 * A, 4 * A), 0f);
        }
    }

    @Test
    @DisplayName("A memory reset at an episode start gives a fresh memory's Q-values; without it the last episode's state carries over")
    void memoryResets() {
        try (CpuBackend be = new CpuBackend(1)) {
            RecurrentQNetwork net = net(be, 3, 0, false);
            float[] o = {0.5f, -1f, 2f};
            float[] fresh = net.step(net.memory(), o).clone();
            RecurrentQNetwork.Memory mem = net.memory();
            for (int t = 0; t < 5; t++) net.step(mem, new float[] {t, 1, -t});
            float[] carried = net.step(mem, o).clone();
            assertFalse(Arrays.equals(fresh, carried), "the memory changes the Q-values");
            mem.reset();
            assertArrayEquals(new float[H], mem.hidden(), 0f);
            assertArrayEquals(fresh, net.step(mem, o), 0f);
        }
    }

    @Test
    @DisplayName("Acting with a learner: the training memory resets at an episode start, and evaluation actors keep their own")
    void learnerMemories() {
        DqnConfig cfg = DrqnTrainingTest.config(false, 0);
        try (CpuBackend be = new CpuBackend(1)) {
            DrqnLearner l = new DrqnLearner(cfg.dqn(), be, 3, 4, new Rng(1));
            float[] o = {0, 1, 1}, corridor = {1, 0, 1};
            l.act(o, 0);
            float[] afterOne = l.memory.saved()[0];
            Learner.Actor eval = l.greedyActor();
            eval.greedy(corridor);
            eval.greedy(corridor);
            assertArrayEquals(afterOne, l.memory.saved()[0], 0f, "evaluation leaves the training memory alone");
            l.act(corridor, 0);
            assertFalse(Arrays.equals(afterOne, l.memory.saved()[0]));
            l.startEpisode();
            assertArrayEquals(new float[((RecurrentQNetwork) l.online()).hidden()], l.memory.saved()[0], 0f);
            eval.reset();
            l.startEpisode();
            eval.greedy(o);
            l.act(o, 0);
            assertArrayEquals(eval.lastValues(), l.online().step(l.online().memory(), o), 0f, "both start from zero");
        }
    }
}
