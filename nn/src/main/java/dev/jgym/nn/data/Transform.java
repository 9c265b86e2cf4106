package dev.jgym.nn.data;

import dev.jgym.core.rng.Rng;

/** Changes one example's features in place (normalisation, augmentation), drawing from rng if random. */
@FunctionalInterface
public interface Transform {
    void apply(float[] x, int offset, int length, Rng rng);

    /** (x - mean) / std for every feature (MNIST: mean 0.1307, std 0.3081 on [0, 1] pixels). */
    static Transform normalize(double mean, double std) {
        if (!(std > 0)) throw new IllegalArgumentException("normalize: std must be positive, was " + std);
        float m = (float) mean, inv = (float) (1 / std);
        return (x, off, len, rng) -> {
            for (int i = off; i < off + len; i++) x[i] = (x[i] - m) * inv;
        };
    }
}
