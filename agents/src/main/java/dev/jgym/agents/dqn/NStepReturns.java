package dev.jgym.agents.dqn;

import dev.jgym.nn.io.StateIO;
import java.io.IOException;
import java.io.DataOutputStream;
import java.io.DataInputStream;

/**
 * Turns one-step transitions into n-step ones (Sutton and Barto, 2nd ed., section 7.1; used by
 * Rainbow): for the transition at time t,
 * <pre>
 *   R_t^(n) = r_{t+1} + gamma r_{t+2} + ... + gamma^(k-1) r_{t+k}
 *   target  = R_t^(n) + discount * max_a Q(s_{t+k}, a),   discount = gamma^k, or 0 if s_{t+k} is terminal
 * </pre>
 * where k = n, or fewer when the episode ends first. On a time-limit truncation the last state
 * is not terminal: the transitions still bootstrap from it (discount gamma^k). Only a true
 * termination sets the discount to 0.
 *
 * <p>Holds the last n steps of the current episode in primitive ring arrays and hands every
 * finished n-step transition to a {@link Sink}, oldest first.
 */
public final class NStepReturns implements State {

    /** Where finished transitions go (the replay buffer). */
    public interface Sink {
        void add(float[] obs, int action, float reward, float[] next, float discount);
    }

    private final int n, obsDim;
    private final double gamma;
    private final float[][] obs;
    private final int[] actions;
    private final double[] rewards;
    private int head, count;

    public NStepReturns(int n, double gamma, int obsDim) {
        if (n < 1) throw new IllegalArgumentException("n must be >= 1, was " + n);
        this.n = n;
        this.gamma = gamma;
        this.obsDim = obsDim;
        this.obs = new float[n][obsDim];
        this.actions = new int[n];
        this.rewards = new double[n];
    }

    /** Pending steps (not yet handed on). */
    public int pending() {
        return count;
    }

    /**
     * One step of the episode: state, action, reward, next state and how the step ended.
     * After a terminated or truncated step every pending transition is handed on.
     */
    public void push(float[] state, int action, double reward, float[] next, boolean terminated, boolean truncated, Sink sink) {
        int slot = (head + count) % n;
        System.arraycopy(state, 0, obs[slot], 0, obsDim);
        actions[slot] = action;
        rewards[slot] = reward;
        count++;
        if (terminated || truncated) {
            while (count > 0) emit(next, terminated, sink);
        } else if (count == n) {
            emit(next, false, sink);
        }
    }

    /** Forgets pending steps (a new episode without the old one's end, after a restore). */
    public void clear() {
        head = 0;
        count = 0;
    }

    /** The pending steps, for checkpoints: observations, actions, rewards (oldest first). */
    public Pending saved() {
        float[][] o = new float[count][];
        int[] a = new int[count];
        double[] r = new double[count];
        for (int k = 0; k < count; k++) {
            int slot = (head + k) % n;
            o[k] = obs[slot].clone();
            a[k] = actions[slot];
            r[k] = rewards[slot];
        }
        return new Pending(o, a, r);
    }

    /** Restores what {@link #saved()} returned. */
    public void restore(Pending p) {
        if (p.actions().length >= n) throw new IllegalArgumentException("more pending steps (" + p.actions().length + ") than n - 1 = " + (n - 1));
        clear();
        for (int k = 0; k < p.actions().length; k++) {
            System.arraycopy(p.observations()[k], 0, obs[k], 0, obsDim);
            actions[k] = p.actions()[k];
            rewards[k] = p.rewards()[k];
        }
        count = p.actions().length;
    }

    /** Steps not yet handed on. */
    public record Pending(float[][] observations, int[] actions, double[] rewards) {}

    /** Hands on the oldest pending step with the discounted sum of the rewards after it. */
    private void emit(float[] next, boolean terminal, Sink sink) {
        double ret = 0, discount = 1;
        for (int k = 0; k < count; k++) {
            ret += discount * rewards[(head + k) % n];
            discount *= gamma;
        }
        sink.add(obs[head], actions[head], (float) ret, next, terminal ? 0f : (float) discount);
        head = (head + 1) % n;
        count--;
    }

    /** The steps still waiting for their n-step return. */
    @Override
    public void write(DataOutputStream out) throws IOException {
        Pending pending = saved();
        out.writeInt(pending.actions().length);
        for (int k = 0; k < pending.actions().length; k++) {
            StateIO.writeFloats(out, pending.observations()[k]);
            out.writeInt(pending.actions()[k]);
            out.writeDouble(pending.rewards()[k]);
        }
    }

    @Override
    public void read(DataInputStream in) throws IOException {
        int pending = in.readInt();
        float[][] po = new float[pending][];
        int[] pa = new int[pending];
        double[] prw = new double[pending];
        for (int k = 0; k < pending; k++) {
            po[k] = StateIO.readFloats(in);
            pa[k] = in.readInt();
            prw[k] = in.readDouble();
        }
        restore(new Pending(po, pa, prw));
    }
}
