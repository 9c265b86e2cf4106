package dev.jgym.core.env.wrappers;

import dev.jgym.core.env.Env;
import dev.jgym.core.space.Box;
import dev.jgym.core.space.Discrete;
import dev.jgym.core.space.MultiBinary;
import dev.jgym.core.space.MultiDiscrete;
import dev.jgym.core.space.Space;

/**
 * The observation as one flat float32 vector (Gymnasium's {@code FlattenObservation}, with
 * {@code spaces.flatten_space} and {@code spaces.flatten}), for networks that read a vector:
 * <pre>
 *   Box(shape)                   its values, row-major                     Box(low, high), flat
 *   Discrete(n, start)           one-hot: out[x - start] = 1               Box(0, 1, [n])
 *   MultiBinary(shape)           its 0/1 entries, row-major                Box(0, 1, [size])
 *   MultiDiscrete(nvec, start)   one one-hot per coordinate, concatenated  Box(0, 1, [sum nvec])
 * </pre>
 * Tuple and Dict observations are refused. The info, rewards and actions pass through unchanged.
 */
public final class FlattenObservation<A> extends ObservationWrapper<A> {
    private final Space<?> inner;
    private final Box space;

    public FlattenObservation(Env<?, A> env) {
        super(env);
        this.inner = env.observationSpace();
        this.space = flatSpace(inner);
    }

    /** Whether {@link #flatSpace} takes {@code space}. */
    public static boolean flattens(Space<?> space) {
        return space instanceof Box || space instanceof Discrete || space instanceof MultiBinary || space instanceof MultiDiscrete;
    }

    /** The flat Box of {@code space} (the table above). */
    public static Box flatSpace(Space<?> space) {
        if (space instanceof Box b) return new Box(b.low(), b.high());
        if (!flattens(space)) throw new IllegalArgumentException("cannot flatten a " + space + " observation (Box, Discrete, MultiBinary or MultiDiscrete)");
        return Box.uniform(0f, 1f, size(space));
    }

    /** Floats in the flat vector of {@code space}. */
    public static int size(Space<?> space) {
        if (space instanceof Box b) return b.size();
        if (space instanceof Discrete d) return d.n();
        if (space instanceof MultiBinary m) return m.size();
        if (space instanceof MultiDiscrete m) {
            int n = 0;
            for (int k : m.nvec()) n += k;
            return n;
        }
        throw new IllegalArgumentException("cannot flatten a " + space + " observation (Box, Discrete, MultiBinary or MultiDiscrete)");
    }

    /** Writes the flat vector of {@code observation} (a value of {@code space}) into {@code out[0 .. size(space))}. */
    public static void flatten(Space<?> space, Object observation, float[] out) {
        if (space instanceof Box) {
            float[] x = (float[]) observation;
            System.arraycopy(x, 0, out, 0, x.length);
        } else if (space instanceof Discrete d) {
            java.util.Arrays.fill(out, 0, d.n(), 0f);
            out[(Integer) observation - d.start()] = 1f;
        } else if (space instanceof MultiBinary) {
            int[] x = (int[]) observation;
            for (int i = 0; i < x.length; i++) out[i] = x[i];
        } else if (space instanceof MultiDiscrete m) {
            int[] x = (int[]) observation, nvec = m.nvec(), start = m.start();
            int offset = 0;
            for (int i = 0; i < x.length; i++) {
                java.util.Arrays.fill(out, offset, offset + nvec[i], 0f);
                out[offset + x[i] - start[i]] = 1f;
                offset += nvec[i];
            }
        } else {
            throw new IllegalArgumentException("cannot flatten a " + space + " observation (Box, Discrete, MultiBinary or MultiDiscrete)");
        }
    }

    @Override
    protected float[] observation(Object observation) {
        float[] out = new float[space.size()];
        flatten(inner, observation, out);
        return out;
    }

    @Override
    public Space<float[]> observationSpace() {
        return space;
    }
}
