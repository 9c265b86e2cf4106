package dev.jgym.agents.dqn;

import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.wrappers.PixelObservation;
import dev.jgym.core.space.Box;
import dev.jgym.core.space.MultiBinary;
import dev.jgym.core.space.Space;

/**
 * How a DQN reads an env's observation into the float vector its network takes, once per
 * observation and without allocation (pixels aside):
 * <pre>
 *   one-dimensional Box                 as it is                          (no "observation" setting)
 *   3-D Box / MultiBinary, "chw"        [C, H, W] as it is
 *   3-D Box / MultiBinary, "hwc"        out[c H W + r W + k] = obs[(r W + k) C + c]   (MinAtar's channel-last grids)
 *   "pixels"                            the env's scene rasterized as PixelObservation does, [C, H, W], / 255
 * </pre>
 * The env itself is not wrapped, so replays record its own observations and re-simulate.
 *
 * <p>Observations whose values are whole numbers 0..255 (MultiBinary grids, pixels) are
 * {@link #compact()}: the replay buffer stores them as bytes, {@code value = byte * scale()}.
 */
public final class ObservationView {
    private enum Kind { VECTOR, CHW, HWC, PIXELS }

    private final Kind kind;
    private final int[] shape;  // what the network reads per example: [F] or [C, H, W]
    private final int size;
    private final boolean compact;
    private final float scale;
    private final DqnConfig.PixelSettings pixelSettings;
    private final PixelObservation<?> pixels; // bound to an env (PIXELS only)

    private ObservationView(Kind kind, int[] shape, boolean compact, float scale, DqnConfig.PixelSettings pixelSettings, PixelObservation<?> pixels) {
        this.kind = kind;
        this.shape = shape;
        int n = 1;
        for (int d : shape) n *= d;
        this.size = n;
        this.compact = compact;
        this.scale = scale;
        this.pixelSettings = pixelSettings;
        this.pixels = pixels;
    }

    /**
     * The view the network settings ask for over {@code space}; a space it cannot read is a
     * {@link UserError} naming {@code source}, the field and the env.
     */
    public static ObservationView of(DqnConfig.NetworkSettings network, Space<?> space, String envId, String source) {
        DqnConfig.ObservationSettings o = network.observation();
        if (o != null && o.pixels() != null) {
            DqnConfig.PixelSettings p = o.pixels();
            int channels = p.grayscale() ? 1 : 3;
            return new ObservationView(Kind.PIXELS, new int[] {channels, p.height(), p.width()}, true, 1f / 255f, p, null);
        }
        if (o == null) {
            if (space instanceof Box box && box.shape().length == 1) return new ObservationView(Kind.VECTOR, box.shape().clone(), false, 1f, null, null);
            throw new UserError(source + ": $.env.id: DQN needs a one-dimensional Box observation space (or $.dqn.network.observation for grids and pixels), "
                    + envId + " has " + space);
        }
        int[] s = space instanceof Box box ? box.shape() : space instanceof MultiBinary mb ? mb.shape() : null;
        if (s == null || s.length != 3) {
            throw new UserError(source + ": $.dqn.network.observation.layout: expected a 3-D Box or MultiBinary observation space, " + envId + " has " + space);
        }
        boolean hwc = o.layout().equals("hwc");
        int[] chw = hwc ? new int[] {s[2], s[0], s[1]} : s.clone();
        return new ObservationView(hwc ? Kind.HWC : Kind.CHW, chw, space instanceof MultiBinary, 1f, null, null);
    }

    /** This view reading from {@code env} (pixels render its scene; the other kinds need no env). */
    public ObservationView on(Env<?, ?> env) {
        if (kind != Kind.PIXELS) return this;
        return new ObservationView(kind, shape, compact, scale, pixelSettings,
                new PixelObservation<>(env, pixelSettings.width(), pixelSettings.height(), pixelSettings.grayscale()));
    }

    /** Floats per observation. */
    public int size() {
        return size;
    }

    /** The per-example shape the network reads: {@code [F]} or {@code [C, H, W]}. */
    public int[] shape() {
        return shape.clone();
    }

    /** True when every value is a whole number 0..255 times {@link #scale()} (stored as bytes in replay). */
    public boolean compact() {
        return compact;
    }

    /** The factor from stored bytes to the network's values (1, or 1/255 for pixels). */
    public float scale() {
        return scale;
    }

    /** Writes the network's view of {@code observation} (the env's own: float[] or int[]) into {@code out}. */
    public void read(Object observation, float[] out) {
        switch (kind) {
            case VECTOR, CHW -> copy(observation, out);
            case HWC -> transpose(observation, out, 1f);
            case PIXELS -> {
                if (pixels == null) throw new IllegalStateException("a pixel view must be bound to its env with on(env)");
                transpose(pixels.pixels(), out, scale);
            }
        }
    }

    private void copy(Object observation, float[] out) {
        if (observation instanceof float[] f) {
            System.arraycopy(f, 0, out, 0, size);
        } else {
            int[] v = (int[]) observation;
            for (int i = 0; i < size; i++) out[i] = v[i];
        }
    }

    /** [H, W, C] to [C, H, W], times {@code factor}. */
    private void transpose(Object observation, float[] out, float factor) {
        int c = shape[0], plane = shape[1] * shape[2];
        if (observation instanceof float[] f) {
            for (int p = 0; p < plane; p++) for (int ch = 0; ch < c; ch++) out[ch * plane + p] = f[p * c + ch] * factor;
        } else {
            int[] v = (int[]) observation;
            for (int p = 0; p < plane; p++) for (int ch = 0; ch < c; ch++) out[ch * plane + p] = v[p * c + ch] * factor;
        }
    }
}
