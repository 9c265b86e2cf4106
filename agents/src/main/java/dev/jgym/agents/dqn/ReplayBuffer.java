package dev.jgym.agents.dqn;

import java.io.IOException;
import java.io.DataOutputStream;
import java.io.DataInputStream;
import dev.jgym.core.rng.Rng;

/**
 * Experience replay (Lin, 1992; Mnih et al., 2015) in flat, preallocated primitive arrays: a ring
 * of {@code capacity} transitions (s, a, R, s', discount), where R and discount come from
 * {@link NStepReturns} (for one-step returns R = r and discount = gamma, or 0 on termination).
 *
 * <p>Uniform sampling draws indices with replacement. Prioritized sampling (Schaul et al., 2016,
 * proportional variant) keeps p_i^alpha in a {@link SumTree} and draws one index from each of
 * {@code batch} equal slices of the total (stratified), so P(i) = p_i^alpha / sum_k p_k^alpha.
 * The importance weights {@code w_i = (N P(i))^-beta} are divided by the largest weight in the
 * batch. A new transition gets the largest priority seen so far, so it is replayed at least once
 * soon.
 *
 * <p>Compact storage (image observations whose values are whole numbers 0..255 times a scale:
 * MinAtar's binary grids, pixels) keeps s and s' as bytes, {@code value = (byte & 0xff) * scale}:
 * a quarter of the floats' memory (MinAtar Freeway at 100k transitions: 140 MB instead of 560 MB),
 * and the same floats on the way out.
 *
 * <p>Box actions ({@link #forBoxActions}: the off-policy actor-critics) keep a vector of
 * {@code actionDim} floats per transition in place of the integer action.
 */
public final class ReplayBuffer implements NStepReturns.Sink, State {
    private final int capacity, obsDim;
    final float[] obs, next, rewards, discounts; // obs and next: null when compact
    final byte[] obsBytes, nextBytes;            // null unless compact
    private final float scale, inverse;          // compact: value = byte * scale
    final int[] actions;          // null for Box actions
    private final int actionDim;  // Box actions: floats per action; 0 for integer actions
    final float[] boxActions;     // null for integer actions
    private int size, cursor;
    private long added;

    private final SumTree tree;       // null for uniform replay
    private final double alpha;
    private double maxPriority = 1.0;
    private double[] scratch = new double[0];

    /** Uniform replay. */
    public ReplayBuffer(int capacity, int obsDim) {
        this(capacity, obsDim, false, 0);
    }

    /** @param prioritized keep priorities (alpha: their exponent) */
    public ReplayBuffer(int capacity, int obsDim, boolean prioritized, double alpha) {
        this(capacity, obsDim, prioritized, alpha, 0f);
    }

    /**
     * @param byteScale positive: store observations as bytes, each value a whole multiple 0..255 of
     *     byteScale (see {@link ObservationView#compact()}); 0: as floats
     */
    public ReplayBuffer(int capacity, int obsDim, boolean prioritized, double alpha, float byteScale) {
        this(capacity, obsDim, prioritized, alpha, byteScale, 0);
    }

    /** Uniform replay of transitions whose actions are vectors of {@code actionDim} floats. */
    public static ReplayBuffer forBoxActions(int capacity, int obsDim, int actionDim) {
        if (actionDim < 1) throw new IllegalArgumentException("actionDim must be positive");
        if ((long) capacity * actionDim > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a replay buffer of " + capacity + " x " + actionDim + " action values does not fit in one array");
        }
        return new ReplayBuffer(capacity, obsDim, false, 0, 0f, actionDim);
    }

    private ReplayBuffer(int capacity, int obsDim, boolean prioritized, double alpha, float byteScale, int actionDim) {
        if (capacity < 1 || obsDim < 1) throw new IllegalArgumentException("capacity and obsDim must be positive");
        if (!(byteScale >= 0)) throw new IllegalArgumentException("byteScale must be >= 0, was " + byteScale);
        if ((long) capacity * obsDim > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a replay buffer of " + capacity + " x " + obsDim + " values does not fit in one array");
        }
        this.capacity = capacity;
        this.obsDim = obsDim;
        boolean compact = byteScale > 0;
        this.scale = byteScale;
        this.inverse = compact ? 1f / byteScale : 0f;
        this.obs = compact ? null : new float[capacity * obsDim];
        this.next = compact ? null : new float[capacity * obsDim];
        this.obsBytes = compact ? new byte[capacity * obsDim] : null;
        this.nextBytes = compact ? new byte[capacity * obsDim] : null;
        this.rewards = new float[capacity];
        this.discounts = new float[capacity];
        this.actionDim = actionDim;
        this.actions = actionDim == 0 ? new int[capacity] : null;
        this.boxActions = actionDim == 0 ? null : new float[capacity * actionDim];
        this.tree = prioritized ? new SumTree(capacity) : null;
        this.alpha = alpha;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    public int obsDim() {
        return obsDim;
    }

    public boolean prioritized() {
        return tree != null;
    }

    /** True when observations are stored as bytes. */
    public boolean compact() {
        return obsBytes != null;
    }

    /** Transitions added since the start (the oldest are overwritten past capacity). */
    public long added() {
        return added;
    }

    @Override
    public void add(float[] state, int action, float reward, float[] nextState, float discount) {
        actions[cursor] = action;
        store(state, reward, nextState, discount);
    }

    /** Adds a transition with a Box action (a buffer made by {@link #forBoxActions}). */
    public void add(float[] state, float[] action, float reward, float[] nextState, float discount) {
        System.arraycopy(action, 0, boxActions, cursor * actionDim, actionDim);
        store(state, reward, nextState, discount);
    }

    private void store(float[] state, float reward, float[] nextState, float discount) {
        int i = cursor;
        if (obsBytes != null) {
            encode(state, obsBytes, i * obsDim);
            encode(nextState, nextBytes, i * obsDim);
        } else {
            System.arraycopy(state, 0, obs, i * obsDim, obsDim);
            System.arraycopy(nextState, 0, next, i * obsDim, obsDim);
        }
        rewards[i] = reward;
        discounts[i] = discount;
        if (tree != null) tree.set(i, Math.pow(maxPriority, alpha));
        cursor = (cursor + 1) % capacity;
        if (size < capacity) size++;
        added++;
    }

    /**
     * Draws {@code batch} indices into {@code idx}; for prioritized replay also writes the
     * normalised importance weights (exponent beta) into {@code weights}, else fills it with 1.
     */
    public void sample(Rng rng, int batch, double beta, int[] idx, float[] weights) {
        if (size == 0) throw new IllegalStateException("sampling from an empty replay buffer");
        if (tree == null) {
            for (int b = 0; b < batch; b++) {
                idx[b] = rng.nextInt(size);
                weights[b] = 1f;
            }
            return;
        }
        double total = tree.total(), slice = total / batch, maxW = 0;
        if (scratch.length < batch) scratch = new double[batch];
        double[] w = scratch;
        for (int b = 0; b < batch; b++) {
            double u = (b + rng.nextDouble()) * slice;
            int i = tree.find(Math.min(u, Math.nextDown(total)), size);
            idx[b] = i;
            double p = tree.get(i) / total;
            w[b] = Math.pow(size * p, -beta);
            if (w[b] > maxW) maxW = w[b];
        }
        for (int b = 0; b < batch; b++) weights[b] = (float) (w[b] / maxW);
    }

    /** Sets the priority of transition i to (|tdError| + eps)^alpha. */
    public void updatePriority(int i, double tdError, double eps) {
        double p = Math.abs(tdError) + eps;
        if (p > maxPriority) maxPriority = p;
        tree.set(i, Math.pow(p, alpha));
    }

    /** The probability that one draw picks transition i (prioritized replay), for tests. */
    public double probability(int i) {
        return tree == null ? 1.0 / size : tree.get(i) / tree.total();
    }

    /** Copies the stored fields of transitions {@code idx} into the batch arrays. */
    public void gather(int[] idx, int batch, float[] s, int[] a, float[] r, float[] s2, float[] d) {
        for (int b = 0; b < batch; b++) a[b] = actions[idx[b]];
        gather(idx, batch, s, r, s2, d);
    }

    /** Copies the stored fields of transitions {@code idx} (Box actions: {@code actionDim} floats each into {@code a}) into the batch arrays. */
    public void gather(int[] idx, int batch, float[] s, float[] a, float[] r, float[] s2, float[] d) {
        for (int b = 0; b < batch; b++) System.arraycopy(boxActions, idx[b] * actionDim, a, b * actionDim, actionDim);
        gather(idx, batch, s, r, s2, d);
    }

    private void gather(int[] idx, int batch, float[] s, float[] r, float[] s2, float[] d) {
        for (int b = 0; b < batch; b++) {
            int i = idx[b];
            if (obsBytes != null) {
                decode(obsBytes, i * obsDim, s, b * obsDim);
                decode(nextBytes, i * obsDim, s2, b * obsDim);
            } else {
                System.arraycopy(obs, i * obsDim, s, b * obsDim, obsDim);
                System.arraycopy(next, i * obsDim, s2, b * obsDim, obsDim);
            }
            r[b] = rewards[i];
            d[b] = discounts[i];
        }
    }

    /** One observation to bytes; a value that is not a whole multiple 0..255 of the scale is refused. */
    private void encode(float[] v, byte[] out, int at) {
        for (int j = 0; j < obsDim; j++) {
            float code = v[j] * inverse;
            int q = Math.round(code);
            if (q < 0 || q > 255 || Math.abs(code - q) > 1e-3f) {
                throw new IllegalArgumentException("compact replay: observation value " + v[j] + " is not a whole multiple 0..255 of " + scale);
            }
            out[at + j] = (byte) q;
        }
    }

    private void decode(byte[] in, int at, float[] out, int to) {
        for (int j = 0; j < obsDim; j++) out[to + j] = (in[at + j] & 0xff) * scale;
    }

    // ---- checkpoints ------------------------------------------------------------------------------

    int cursor() {
        return cursor;
    }

    double maxPriority() {
        return maxPriority;
    }

    double[] priorities() {
        return tree == null ? new double[0] : tree.leafValues();
    }

    void restore(int size, int cursor, long added, double maxPriority, double[] priorities) {
        this.size = size;
        this.cursor = cursor;
        this.added = added;
        this.maxPriority = maxPriority;
        if (tree != null) tree.restore(priorities);
    }

    /** The stored transitions (bytes when compact; Box actions as floats), the ring's position and the priorities. */
    @Override
    public void write(DataOutputStream out) throws IOException {
        int d = obsDim, n = size;
        out.writeInt(n);
        out.writeInt(cursor);
        out.writeLong(added);
        out.writeDouble(maxPriority);
        if (compact()) {
            out.write(obsBytes, 0, n * d);
            out.write(nextBytes, 0, n * d);
        } else {
            ReplayIO.writeObservations(out, n * d, obs, next);
        }
        if (boxActions != null) ReplayIO.writeOutcomes(out, n, actionDim, boxActions, rewards, discounts);
        else ReplayIO.writeOutcomes(out, n, actions, rewards, discounts);
        double[] pr = priorities();
        out.writeInt(pr.length);
        for (double p : pr) out.writeDouble(p);
    }

    @Override
    public void read(DataInputStream in) throws IOException {
        int d = obsDim;
        int n = in.readInt(), at = in.readInt();
        long count = in.readLong();
        double max = in.readDouble();
        if (compact()) {
            in.readFully(obsBytes, 0, n * d);
            in.readFully(nextBytes, 0, n * d);
        } else {
            ReplayIO.readObservations(in, n * d, obs, next);
        }
        if (boxActions != null) ReplayIO.readOutcomes(in, n, actionDim, boxActions, rewards, discounts);
        else ReplayIO.readOutcomes(in, n, actions, rewards, discounts);
        double[] pr = new double[in.readInt()];
        for (int i = 0; i < pr.length; i++) pr[i] = in.readDouble();
        restore(n, at, count, max, pr);
    }
}
