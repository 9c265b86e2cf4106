package dev.jgym.nn.data;

import dev.jgym.nn.Tensor;
import dev.jgym.core.rng.Rng;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Minibatches of a {@link Dataset}, epoch by epoch. Epoch e's order is a Fisher-Yates shuffle
 * from {@code rng.child("order").child(e)} (or the data set's order when shuffle is off); its
 * transforms draw from {@code rng.child("transform").child(e)}, example by example in batch
 * order. So epoch e is the same whatever happened before it. With dropLast the final short
 * batch is left out.
 */
public final class DataLoader {
    private final Dataset data;
    private final int batchSize;
    private final boolean shuffle, dropLast;
    private final Rng rng;
    private final List<Transform> transforms;

    public DataLoader(Dataset data, int batchSize, boolean shuffle, boolean dropLast, Rng rng, List<Transform> transforms) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, was " + batchSize);
        this.data = data;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.dropLast = dropLast;
        this.rng = rng;
        this.transforms = List.copyOf(transforms);
    }

    /** In order, no transforms, keeping the last short batch: for evaluation. */
    public static DataLoader sequential(Dataset data, int batchSize, List<Transform> transforms) {
        return new DataLoader(data, batchSize, false, false, new Rng(0), transforms);
    }

    public int batchesPerEpoch() {
        return dropLast ? data.size() / batchSize : (data.size() + batchSize - 1) / batchSize;
    }

    public Dataset dataset() {
        return data;
    }

    /** The example order of epoch e. */
    public int[] order(long epoch) {
        int[] idx = new int[data.size()];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        if (shuffle) rng.child("order").child(epoch).shuffle(idx);
        return idx;
    }

    /** The batches of epoch e, built one at a time as they are walked (walk them once, in order). */
    public Iterable<Batch> epoch(long epoch) {
        int[] idx = order(epoch);
        Rng tr = rng.child("transform").child(epoch);
        int f = data.features(), k = data.classes(), count = batchesPerEpoch();
        return () -> new Iterator<>() {
            int b;

            @Override
            public boolean hasNext() {
                return b < count;
            }

            @Override
            public Batch next() {
                if (b >= count) throw new NoSuchElementException();
                int from = b++ * batchSize, n = Math.min(batchSize, idx.length - from);
                float[] x = new float[n * f];
                float[] y = new float[n * k];
                int[] labels = new int[n];
                for (int i = 0; i < n; i++) {
                    int e = idx[from + i];
                    data.copyFeatures(e, x, i * f);
                    for (Transform t : transforms) t.apply(x, i * f, f, tr);
                    labels[i] = data.label(e);
                    y[i * k + labels[i]] = 1f;
                }
                return new Batch(Tensor.of(x, n, f), Tensor.of(y, n, k), labels);
            }
        };
    }
}
