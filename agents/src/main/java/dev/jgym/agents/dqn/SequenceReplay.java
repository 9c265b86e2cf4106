package dev.jgym.agents.dqn;

import java.io.IOException;
import java.io.DataOutputStream;
import java.io.DataInputStream;
import dev.jgym.nn.Tensor;
import dev.jgym.core.rng.Rng;

/**
 * Replay of sequences for a recurrent Q-network (DRQN's "random updates", Hausknecht and Stone,
 * 2015, with R2D2's burn-in, Kapturowski et al., 2019): a ring of {@code capacity} one-step
 * transitions (s, a, r, s', discount) in flat primitive arrays, each tagged with the number of its
 * episode, so a sequence knows where its episode starts and ends.
 *
 * <p>A draw picks a stored step p uniformly and reads the window around it:
 * <pre>
 *   burn-in  (B steps)   s_{p-B} .. s_{p-1}                       warms the state, no loss
 *   unroll   (T+1 steps) s_p, s'_p, s'_{p+1}, .., s'_{p+T-1}      Q at step k: Q(s_p..s_{p+k}); its target uses step k+1
 *   loss     (T steps)   a, r, discount of steps p .. p+T-1
 * </pre>
 * Zero-state initialisation: every sequence starts its burn-in from a zero state. Steps of another
 * episode are padding (mask 0, input zeros; the recurrent core keeps its state there): burn-in
 * steps before the episode's first step (so the state stays zero until the episode starts, which
 * is exact) or already overwritten, and unroll steps after the episode's last step or not yet
 * stored. The loss mask is 1 exactly on the steps p..p+T-1 of p's episode that are stored.
 * Termination versus truncation as in the feed-forward DQN: discount is gamma, or 0 only when
 * s' is terminal; after a truncation the target bootstraps from s', the final observation.
 */
public final class SequenceReplay implements State {
    private final int capacity, obsDim;
    private final float gamma;
    final float[] obs, next, rewards, discounts;
    final int[] actions;
    final long[] episodes;
    private int size, cursor;
    private long added, episode;

    public SequenceReplay(int capacity, int obsDim, double gamma) {
        if (capacity < 1 || obsDim < 1) throw new IllegalArgumentException("capacity and obsDim must be positive");
        this.capacity = capacity;
        this.obsDim = obsDim;
        this.gamma = (float) gamma;
        this.obs = new float[capacity * obsDim];
        this.next = new float[capacity * obsDim];
        this.rewards = new float[capacity];
        this.discounts = new float[capacity];
        this.actions = new int[capacity];
        this.episodes = new long[capacity];
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

    /** Steps added since the start. */
    public long added() {
        return added;
    }

    /** Stores one env step; a terminated or truncated step ends its episode. */
    public void add(float[] state, int action, double reward, float[] nextState, boolean terminated, boolean truncated) {
        int i = cursor;
        System.arraycopy(state, 0, obs, i * obsDim, obsDim);
        System.arraycopy(nextState, 0, next, i * obsDim, obsDim);
        actions[i] = action;
        rewards[i] = (float) reward;
        discounts[i] = terminated ? 0f : gamma;
        episodes[i] = episode;
        if (terminated || truncated) episode++;
        cursor = (cursor + 1) % capacity;
        if (size < capacity) size++;
        added++;
    }

    /** The ring slot of stored step p, counted from the oldest (0) to the newest (size - 1). */
    private int slot(int p) {
        return (cursor - size + p + capacity) % capacity;
    }

    /** A minibatch of sequences, in arrays a sampler overwrites. */
    public static final class Batch {
        public final int rows, burnIn, length, obsDim;
        /** {@code [N, B * F]} and {@code [N, B]} (one unused column when B = 0). */
        public final Tensor burnX, burnMask;
        /** {@code [N, (T + 1) * F]} and {@code [N, T + 1]}. */
        public final Tensor x, mask;
        /** {@code [N T]}, row {@code n T + k}: step k of sequence n. */
        public final int[] actions;
        public final float[] rewards, discounts, lossMask;
        /** The drawn step p of each sequence (its position from the oldest stored step). */
        public final int[] starts;

        public Batch(int rows, int burnIn, int length, int obsDim) {
            this.rows = rows;
            this.burnIn = burnIn;
            this.length = length;
            this.obsDim = obsDim;
            int b = Math.max(1, burnIn);
            burnX = Tensor.zeros(rows, b * obsDim);
            burnMask = Tensor.zeros(rows, b);
            x = Tensor.zeros(rows, (length + 1) * obsDim);
            mask = Tensor.zeros(rows, length + 1);
            actions = new int[rows * length];
            rewards = new float[rows * length];
            discounts = new float[rows * length];
            lossMask = new float[rows * length];
            starts = new int[rows];
        }

        /** Steps that carry the loss. */
        public int valid() {
            int v = 0;
            for (float m : lossMask) if (m != 0f) v++;
            return v;
        }
    }

    /** Draws {@code b.rows} sequences uniformly (one {@code nextInt} each) and fills the batch. */
    public void sample(Rng rng, Batch b) {
        if (size == 0) throw new IllegalStateException("sampling from an empty replay buffer");
        for (int n = 0; n < b.rows; n++) fill(b, n, rng.nextInt(size));
    }

    /** Fills row n of the batch with the window around stored step p. */
    void fill(Batch b, int n, int p) {
        int d = obsDim, burn = b.burnIn, t = b.length;
        b.starts[n] = p;
        long ep = episodes[slot(p)];
        float[] bx = b.burnX.data(), bm = b.burnMask.data(), x = b.x.data(), m = b.mask.data();
        for (int i = 0; i < burn; i++) {
            int q = p - burn + i;
            boolean valid = q >= 0 && episodes[slot(q)] == ep;
            put(valid ? obs : null, valid ? slot(q) : 0, bx, (n * burn + i) * d);
            bm[n * burn + i] = valid ? 1f : 0f;
        }
        int u = t + 1;
        put(obs, slot(p), x, n * u * d);
        m[n * u] = 1f;
        for (int k = 0; k < t; k++) {
            int q = p + k, r = n * t + k;
            boolean valid = q < size && episodes[slot(q)] == ep;
            int i = valid ? slot(q) : 0;
            put(valid ? next : null, i, x, (n * u + k + 1) * d);
            m[n * u + k + 1] = valid ? 1f : 0f;
            b.lossMask[r] = valid ? 1f : 0f;
            b.actions[r] = valid ? actions[i] : 0;
            b.rewards[r] = valid ? rewards[i] : 0f;
            b.discounts[r] = valid ? discounts[i] : 0f;
        }
    }

    /** Copies observation {@code slot} of {@code from} to {@code to[at..]}, or zeros when from is null. */
    private void put(float[] from, int slot, float[] to, int at) {
        if (from == null) java.util.Arrays.fill(to, at, at + obsDim, 0f);
        else System.arraycopy(from, slot * obsDim, to, at, obsDim);
    }

    // ---- checkpoints ------------------------------------------------------------------------------

    int cursor() {
        return cursor;
    }

    long episode() {
        return episode;
    }

    void restore(int size, int cursor, long added, long episode) {
        if (size < 0 || size > capacity || cursor < 0 || cursor >= capacity) throw new IllegalArgumentException("a replay of another capacity");
        this.size = size;
        this.cursor = cursor;
        this.added = added;
        this.episode = episode;
    }

    /** The stored steps with their episode numbers and the ring's position. */
    @Override
    public void write(DataOutputStream out) throws IOException {
        int d = obsDim(), n = size();
        out.writeInt(n);
        out.writeInt(cursor());
        out.writeLong(added());
        out.writeLong(episode());
        ReplayIO.writeTransitions(out, n, d, obs, next, actions, rewards, discounts);
        for (int i = 0; i < n; i++) out.writeLong(episodes[i]);
    }

    @Override
    public void read(DataInputStream in) throws IOException {
        int d = obsDim(), n = in.readInt(), at = in.readInt();
        long count = in.readLong(), ep = in.readLong();
        if (n > capacity()) throw new IllegalArgumentException(n + " stored steps, the replay holds " + capacity());
        ReplayIO.readTransitions(in, n, d, obs, next, actions, rewards, discounts);
        for (int i = 0; i < n; i++) episodes[i] = in.readLong();
        restore(n, at, count, ep);
    }
}
