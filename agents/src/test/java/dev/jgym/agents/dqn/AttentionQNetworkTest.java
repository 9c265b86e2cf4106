package dev.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jgym.core.rng.Rng;
import dev.jgym.nn.Init;
import dev.jgym.nn.Param;
import dev.jgym.nn.cpu.CpuBackend;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The attention core of DRQN: gradients, causality, and acting that reads what training reads. */
class AttentionQNetworkTest {
    static final int F = 3, A = 2, D = 8, N = 3;

    static AttentionQNetwork net(CpuBackend be, int unroll, int burnIn, boolean dueling, int[] mlp) {
        return new AttentionQNetwork(be, F, mlp, "tanh", D, 2, 2, 3 * D, A, dueling, Init.xavierUniform(), unroll, burnIn, new Rng(11));
    }

    /** A batch of N sequences: Gaussian observations, leading padding in row 1's burn-in, the unroll of row 1 ending after 3 steps and row 2 after 1. */
    static SequenceReplay.Batch batch(int burnIn, int length, Rng r) {
        SequenceReplay.Batch b = new SequenceReplay.Batch(N, burnIn, length, F);
        for (int i = 0; i < b.x.size(); i++) b.x.data()[i] = (float) r.gaussian();
        System.arraycopy(RecurrentQNetworkTest.mask(N, length + 1).data(), 0, b.mask.data(), 0, N * (length + 1));
        if (burnIn > 0) {
            for (int i = 0; i < b.burnX.size(); i++) b.burnX.data()[i] = (float) r.gaussian();
            b.burnMask.fill(1f);
            for (int i = 0; i < Math.min(2, burnIn); i++) {
                b.burnMask.data()[burnIn + i] = 0f; // row 1's episode starts inside its burn-in
                Arrays.fill(b.burnX.data(), (burnIn + i) * F, (burnIn + i + 1) * F, 0f);
            }
        }
        return b;
    }

    @ParameterizedTest(name = "dueling = {0}, burn-in = {1}, MLP = {2}")
    @CsvSource({"false, 0, true", "true, 3, true", "false, 2, false"})
    @DisplayName("Backpropagation through two causal blocks with padding matches central differences of L = sum c_i Q_i (the burn-in's context included), to 2e-2 relative")
    void gradientsMatchFiniteDifferences(boolean dueling, int burnIn, boolean mlp) {
        int length = 3, u = length + 1;
        try (CpuBackend be = new CpuBackend(1)) {
            AttentionQNetwork net = net(be, u, burnIn, dueling, mlp ? new int[] {5} : new int[0]);
            Rng r = new Rng(3);
            SequenceReplay.Batch b = batch(burnIn, length, r);
            float[] c = RecurrentQNetworkTest.gaussian(r, N * u, A).data();
            SequenceQNetwork.Pass p = net.pass(N);
            net.forward(p, b);
            System.arraycopy(c, 0, p.dq().data(), 0, c.length);
            for (Param prm : net.params()) prm.grad().fill(0f);
            net.backward(p);
            GradientCheck.assertGradients(net.params(), () -> objective(net, p, b, c), 1e-2, 2e-2);
        }
    }

    private static double objective(AttentionQNetwork net, SequenceQNetwork.Pass p, SequenceReplay.Batch b, float[] coef) {
        float[] q = net.forward(p, b).data();
        double s = 0;
        for (int i = 0; i < coef.length; i++) s += (double) coef[i] * q[i];
        return s;
    }

    @Test
    @DisplayName("Causal: Q at unroll step k is the same, bit for bit, whatever the observations after k; the burn-in's do change it")
    void qReadsOnlyThePast() {
        int length = 4, u = length + 1, burnIn = 2, k = 1;
        try (CpuBackend be = new CpuBackend(2)) {
            AttentionQNetwork net = net(be, u, burnIn, false, new int[] {5});
            SequenceReplay.Batch b = batch(burnIn, length, new Rng(5));
            SequenceQNetwork.Pass p = net.pass(N);
            float[] before = net.forward(p, b).data().clone();
            for (int i = (k + 1) * F; i < u * F; i++) b.x.data()[i] += 1f; // row 0, steps after k
            float[] after = net.forward(p, b).data().clone();
            assertArrayEquals(Arrays.copyOfRange(before, 0, (k + 1) * A), Arrays.copyOfRange(after, 0, (k + 1) * A), 0f);
            assertFalse(Arrays.equals(Arrays.copyOfRange(before, (k + 1) * A, u * A), Arrays.copyOfRange(after, (k + 1) * A, u * A)));
            b.burnX.data()[0] += 1f; // row 0's oldest context
            float[] context = net.forward(p, b).data();
            assertFalse(Arrays.equals(Arrays.copyOfRange(after, 0, A), Arrays.copyOfRange(context, 0, A)));
        }
    }

    @Test
    @DisplayName("Acting step by step gives the Q of a replayed sequence drawn at that step (burn-in = the last B observations, padded before the start), bit for bit; a reset forgets")
    void actingMatchesTheReplayedWindow() {
        int length = 2, burnIn = 3, episode = 7;
        try (CpuBackend be = new CpuBackend(1)) {
            AttentionQNetwork net = net(be, length + 1, burnIn, true, new int[] {5});
            Rng r = new Rng(6);
            float[][] obs = new float[episode][F];
            for (float[] o : obs) for (int i = 0; i < F; i++) o[i] = (float) r.gaussian();
            SequenceQNetwork.Memory mem = net.memory();
            SequenceReplay.Batch b = new SequenceReplay.Batch(1, burnIn, length, F);
            SequenceQNetwork.Pass p = net.pass(1);
            float[] first = null;
            for (int t = 0; t < episode; t++) {
                float[] acted = net.step(mem, obs[t]).clone();
                if (t == 0) first = acted;
                Arrays.fill(b.burnX.data(), 0f);
                Arrays.fill(b.burnMask.data(), 0f);
                for (int i = 0; i < burnIn; i++) {
                    int q = t - burnIn + i;
                    if (q < 0) continue;
                    System.arraycopy(obs[q], 0, b.burnX.data(), i * F, F);
                    b.burnMask.data()[i] = 1f;
                }
                Arrays.fill(b.x.data(), 0f);
                Arrays.fill(b.mask.data(), 0f);
                System.arraycopy(obs[t], 0, b.x.data(), 0, F);
                b.mask.data()[0] = 1f;
                float[] replayed = Arrays.copyOfRange(net.forward(p, b).data(), 0, A);
                assertArrayEquals(replayed, acted, 0f, "step " + t);
            }
            mem.reset();
            assertArrayEquals(first, net.step(mem, obs[0]), 0f, "after a reset the memory is an episode's start");
        }
    }
}
