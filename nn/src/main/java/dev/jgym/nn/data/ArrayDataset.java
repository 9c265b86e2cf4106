package dev.jgym.nn.data;

/** A {@link Dataset} held in one float array, row-major {@code [size, features]}. */
public final class ArrayDataset implements Dataset {
    private final float[] x;
    private final int features, classes;
    private final int[] labels;

    public ArrayDataset(float[] x, int features, int[] labels, int classes) {
        if (features < 1 || x.length != (long) features * labels.length) {
            throw new IllegalArgumentException(labels.length + " labels need " + (long) features * labels.length + " feature values, found " + x.length);
        }
        for (int l : labels) if (l < 0 || l >= classes) throw new IllegalArgumentException("label " + l + " outside [0, " + classes + ")");
        this.x = x;
        this.features = features;
        this.labels = labels;
        this.classes = classes;
    }

    @Override public int size() { return labels.length; }
    @Override public int features() { return features; }
    @Override public int classes() { return classes; }
    @Override public int label(int i) { return labels[i]; }

    @Override
    public void copyFeatures(int i, float[] dst, int offset) {
        System.arraycopy(x, i * features, dst, offset, features);
    }
}
