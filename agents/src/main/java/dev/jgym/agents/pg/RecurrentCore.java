package dev.jgym.agents.pg;

import dev.jgym.core.rng.Rng;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.io.StateIO;
import dev.jgym.nn.layers.Recurrent;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The recurrent core of recurrent PPO's actor or critic (sb3-contrib's {@code RecurrentPPO}): the
 * NN core's {@link Recurrent} (LSTM or GRU) on the observations, its output read by the
 * {@link Mlp} above it.
 * <pre>
 *   acting:   (h_t, c_t) = LSTM(o_t, h_{t-1}, c_{t-1}) per env, (h, c) = 0 before an episode's first step
 *   training: the state each env had at the rollout's start, then the rollout's n_steps again in one
 *             unroll, cut into segments at the episode starts (a segment after a cut starts from 0)
 * </pre>
 * One cell, two unrolls sharing its parameters ({@link Recurrent#sharing}): one step for acting,
 * n_steps for training. A minibatch is whole env sequences; each is split at its episode starts
 * into segments, padded at the end to n_steps (the {@link Recurrent}'s mask keeps the state over
 * the padding, whose outputs are left out), as sb3-contrib's recurrent rollout buffer does. The
 * gradient stops at the rollout-start state (a constant, as the stored states in sb3-contrib).
 */
final class RecurrentCore {
    private final int inputs, hidden, envs, steps;
    private final Recurrent train, step;
    private Tensor h, c;           // the carried state of the N envs, [N, H]
    private Tensor startH, startC; // the state at the rollout's start
    private Tensor memoryH, memoryC; // one evaluation episode's state, [1, H]
    private final Tensor inN, in1;
    private Segments last;           // the segments of the last unroll (for backward)

    RecurrentCore(Backend backend, Recurrent.Cell cell, int inputs, int hidden, int envs, int steps, Rng rng) {
        this.inputs = inputs;
        this.hidden = hidden;
        this.envs = envs;
        this.steps = steps;
        this.train = new Recurrent(backend, cell, inputs, hidden, steps, true, true, 0, rng);
        this.step = train.sharing(1, false, true);
        h = Tensor.zeros(envs, hidden);
        c = Tensor.zeros(envs, hidden);
        startH = h.copy();
        startC = c.copy();
        inN = Tensor.zeros(envs, inputs);
        in1 = Tensor.zeros(1, inputs);
        startEpisode();
    }

    int hidden() {
        return hidden;
    }

    /** {@code weight_ih, weight_hh, bias_ih, bias_hh}. */
    List<Param> params() {
        return train.params();
    }

    /** The rollout starts: keeps the carried state as the one its training unroll starts from. */
    void markRolloutStart() {
        startH = h.copy();
        startC = c.copy();
    }

    /** One step of the N envs on {@code obs [N F]}: the output {@code [N, H]}; the carried state moves on. */
    Tensor step(float[] obs) {
        Tensor out = peek(obs);
        h = step.state().copy();
        c = step.cellState().copy();
        return out;
    }

    /** The output of one step of the N envs on {@code obs} from the carried state, which stays as it was (a value to bootstrap from). */
    Tensor peek(float[] obs) {
        System.arraycopy(obs, 0, inN.data(), 0, envs * inputs);
        step.setState(h, c);
        return step.forward(inN);
    }

    /** The episodes of the envs with {@code done[i]} ended: their state back to zero. */
    void episodesEnded(boolean[] done) {
        float[] hd = h.data(), cd = c.data();
        for (int i = 0; i < envs; i++) {
            if (done[i]) {
                Arrays.fill(hd, i * hidden, (i + 1) * hidden, 0f);
                Arrays.fill(cd, i * hidden, (i + 1) * hidden, 0f);
            }
        }
    }

    /** An evaluation episode starts: its memory at zero. */
    void startEpisode() {
        memoryH = Tensor.zeros(1, hidden);
        memoryC = Tensor.zeros(1, hidden);
    }

    /** One evaluation step on one observation: the output {@code [1, H]}; the memory moves on. */
    Tensor evaluationStep(float[] observation) {
        System.arraycopy(observation, 0, in1.data(), 0, inputs);
        step.setState(memoryH, memoryC);
        Tensor out = step.forward(in1);
        memoryH = step.state().copy();
        memoryC = step.cellState().copy();
        return out;
    }

    /**
     * A minibatch of whole env sequences ({@code count} envs of {@code envOrder} from {@code from},
     * rows {@code m T + t} in that order) cut at the episode starts: segment s covers
     * {@code length[s]} steps from step {@code first[s]} of env {@code env[s]}, the minibatch's
     * {@code slot[s]}-th; its steps are row s of {@code x [S, T F]}, then padding ({@code mask} 0).
     */
    static final class Segments {
        final int rows;
        final int[] env, slot, first, length;
        final Tensor x, mask;

        private Segments(int rows, int[] env, int[] slot, int[] first, int[] length, Tensor x, Tensor mask) {
            this.rows = rows;
            this.env = env;
            this.slot = slot;
            this.first = first;
            this.length = length;
            this.x = x;
            this.mask = mask;
        }

        static Segments of(Rollout r, int[] envOrder, int from, int count) {
            int t = r.steps, n = r.envs, f = r.obsDim;
            int[] env = new int[count * t], slot = new int[count * t], first = new int[count * t], length = new int[count * t];
            int s = 0;
            for (int m = 0; m < count; m++) {
                int e = envOrder[from + m];
                int begin = 0;
                for (int k = 1; k <= t; k++) {
                    int prev = (k - 1) * n + e;
                    if (k == t || r.terminated[prev] || r.truncated[prev]) {
                        env[s] = e;
                        slot[s] = m;
                        first[s] = begin;
                        length[s] = k - begin;
                        s++;
                        begin = k;
                    }
                }
            }
            Tensor x = Tensor.zeros(s, t * f), mask = Tensor.zeros(s, t);
            float[] xd = x.data(), md = mask.data();
            for (int q = 0; q < s; q++) {
                for (int u = 0; u < length[q]; u++) {
                    System.arraycopy(r.observations, ((first[q] + u) * n + env[q]) * f, xd, (q * t + u) * f, f);
                    md[q * t + u] = 1f;
                }
            }
            return new Segments(s, Arrays.copyOf(env, s), Arrays.copyOf(slot, s), Arrays.copyOf(first, s), Arrays.copyOf(length, s), x, mask);
        }
    }

    /** The training unroll over segments {@code q}: the outputs of the real steps into {@code out} ({@code [count T, H]}, row {@code m T + t}). */
    Tensor unroll(Segments q, Tensor out) {
        Tensor h0 = Tensor.zeros(q.rows, hidden), c0 = Tensor.zeros(q.rows, hidden);
        for (int s = 0; s < q.rows; s++) {
            if (q.first[s] == 0) {
                System.arraycopy(startH.data(), q.env[s] * hidden, h0.data(), s * hidden, hidden);
                System.arraycopy(startC.data(), q.env[s] * hidden, c0.data(), s * hidden, hidden);
            }
        }
        train.setState(h0, c0);
        train.setMask(q.mask);
        float[] y = train.forward(q.x).data(), o = out.data();
        for (int s = 0; s < q.rows; s++) {
            System.arraycopy(y, s * steps * hidden, o, (q.slot[s] * steps + q.first[s]) * hidden, q.length[s] * hidden);
        }
        last = q;
        return out;
    }

    /** Backpropagation through time of {@code dOut} (dL/d{@link #unroll}'s output) into the core's parameter gradients (added). */
    void backward(Tensor dOut) {
        Segments q = last;
        Tensor dy = Tensor.zeros(q.rows, steps * hidden);
        float[] d = dy.data(), g = dOut.data();
        for (int s = 0; s < q.rows; s++) {
            System.arraycopy(g, (q.slot[s] * steps + q.first[s]) * hidden, d, s * steps * hidden, q.length[s] * hidden);
        }
        train.backward(dy, false);
    }

    /** The carried state (h and c of the N envs). */
    void write(DataOutputStream out) throws IOException {
        StateIO.writeFloats(out, h.data());
        StateIO.writeFloats(out, c.data());
    }

    void read(DataInputStream in) throws IOException {
        h = Tensor.of(StateIO.readFloats(in), envs, hidden);
        c = Tensor.of(StateIO.readFloats(in), envs, hidden);
    }
}
