package dev.jgym.agents.dqn;

import java.util.Arrays;

/**
 * A sum tree (Schaul et al., 2016, appendix B.2.1): a complete binary tree over {@code capacity}
 * leaves in one flat array, each inner node holding the sum of its children, so setting a leaf
 * and finding the leaf where a running sum crosses a value both take O(log n).
 *
 * <p>Layout: node 1 is the root, node i has children 2i and 2i+1, leaf j is node
 * {@code leaves + j} where {@code leaves} is the capacity rounded up to a power of two. Sums are
 * kept in double; a parent is recomputed from its two children (never incremented), so the tree
 * holds the same bits whatever order the leaves were set in.
 */
public final class SumTree {
    private final int capacity, leaves;
    private final double[] tree;

    public SumTree(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        this.capacity = capacity;
        int l = 1;
        while (l < capacity) l <<= 1;
        this.leaves = l;
        this.tree = new double[2 * l];
    }

    public int capacity() {
        return capacity;
    }

    /** Sets leaf i to {@code value} (>= 0) and updates its ancestors. */
    public void set(int i, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) throw new IllegalArgumentException("priority must be finite and >= 0, was " + value);
        int node = leaves + i;
        tree[node] = value;
        for (node >>= 1; node >= 1; node >>= 1) tree[node] = tree[2 * node] + tree[2 * node + 1];
    }

    public double get(int i) {
        return tree[leaves + i];
    }

    /** The sum of all leaves. */
    public double total() {
        return tree[1];
    }

    /**
     * The leaf where the prefix sum first exceeds {@code u}: the i with
     * {@code sum(leaf 0..i-1) <= u < sum(leaf 0..i)}, for u in [0, total). Leaf i is found with
     * probability value(i) / total when u is uniform. Rounding can only ever lead to a leaf of
     * positive value below {@code limit} (the number of leaves in use).
     */
    public int find(double u, int limit) {
        int node = 1;
        while (node < leaves) {
            double left = tree[2 * node];
            if (u < left || tree[2 * node + 1] <= 0) {
                node = 2 * node;
            } else {
                u -= left;
                node = 2 * node + 1;
            }
        }
        int i = node - leaves;
        return Math.min(i, limit - 1);
    }

    /** The leaves, for checkpoints. */
    public double[] leafValues() {
        return Arrays.copyOfRange(tree, leaves, leaves + capacity);
    }

    /** Restores the leaves saved by {@link #leafValues()} and rebuilds the sums. */
    public void restore(double[] values) {
        if (values.length != capacity) throw new IllegalArgumentException("expected " + capacity + " leaves, found " + values.length);
        Arrays.fill(tree, 0);
        System.arraycopy(values, 0, tree, leaves, capacity);
        for (int node = leaves - 1; node >= 1; node--) tree[node] = tree[2 * node] + tree[2 * node + 1];
    }
}
