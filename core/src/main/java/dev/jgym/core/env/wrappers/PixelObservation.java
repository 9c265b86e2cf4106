package dev.jgym.core.env.wrappers;

import dev.jgym.core.env.Env;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.SceneRaster;
import dev.jgym.core.space.Box;
import dev.jgym.core.space.Space;

/**
 * Replaces the observation by a picture of the env's scene, rasterized in pure Java by
 * {@link SceneRaster}: a Box of shape {@code [height, width, 3]} (RGB) or
 * {@code [height, width, 1]} (grayscale, ITU-R BT.601 luma {@code 0.299 R + 0.587 G + 0.114 B}),
 * values 0..255 as float32, row 0 at the top. For CNN agents.
 */
public final class PixelObservation<A> extends ObservationWrapper<A> {
    private final int width, height, channels;
    private final Box space;

    public PixelObservation(Env<?, A> env, int width, int height, boolean grayscale) {
        super(env);
        if (width < 1 || height < 1) throw new IllegalArgumentException("pixel size must be positive: " + width + "x" + height);
        this.width = width;
        this.height = height;
        this.channels = grayscale ? 1 : 3;
        this.space = Box.uniform(0f, 255f, height, width, channels);
    }

    @Override
    public Space<float[]> observationSpace() {
        return space;
    }

    /** The scene's pixels, whatever the inner env observes. */
    @Override
    protected float[] observation(Object inner) {
        return pixels();
    }

    /** The current scene as pixels. */
    public float[] pixels() {
        int[] rgba = new SceneRaster(env.scene(Annotations.NONE), width, height).pixels();
        float[] out = new float[width * height * channels];
        for (int p = 0; p < rgba.length; p++) {
            int r = rgba[p] >>> 24, g = (rgba[p] >>> 16) & 0xff, b = (rgba[p] >>> 8) & 0xff;
            if (channels == 1) {
                out[p] = Math.round(0.299f * r + 0.587f * g + 0.114f * b);
            } else {
                out[3 * p] = r;
                out[3 * p + 1] = g;
                out[3 * p + 2] = b;
            }
        }
        return out;
    }
}
