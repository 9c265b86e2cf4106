package dev.jgym.nn.data;

/**
 * A labelled classification data set: {@link #size()} examples of {@link #features()} floats,
 * each with a class label in [0, {@link #classes()}).
 */
public interface Dataset {
    int size();

    int features();

    int classes();

    /** Copies example i's features into dst at offset. */
    void copyFeatures(int i, float[] dst, int offset);

    int label(int i);

    /** The examples at the given indices, in that order (a view, nothing copied). */
    default Dataset subset(int[] indices) {
        Dataset base = this;
        int[] idx = indices.clone();
        return new Dataset() {
            @Override public int size() { return idx.length; }
            @Override public int features() { return base.features(); }
            @Override public int classes() { return base.classes(); }
            @Override public void copyFeatures(int i, float[] dst, int offset) { base.copyFeatures(idx[i], dst, offset); }
            @Override public int label(int i) { return base.label(idx[i]); }
        };
    }
}
