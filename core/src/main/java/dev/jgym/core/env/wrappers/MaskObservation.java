package dev.jgym.core.env.wrappers;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.env.Wrapper;
import dev.jgym.core.space.Box;
import dev.jgym.core.space.Space;
import java.util.Arrays;
import java.util.Map;

/**
 * Hides chosen coordinates of a flat Box observation, making a partially observable task: the
 * agent sees only the others, in order, in a smaller Box. {@code MaskObservation.hide(cartPole,
 * 1, 3)} is CartPole without velocities (positions only), the classic POMDP benchmark that needs
 * memory or frame stacking.
 */
public final class MaskObservation<A> extends Wrapper<float[], A> {
    private final int[] kept;
    private final Box space;

    /** Keeps the coordinates not listed in {@code hidden}. */
    public static <A> MaskObservation<A> hide(Env<float[], A> env, int... hidden) {
        int size = ((Box) env.observationSpace()).size();
        boolean[] drop = new boolean[size];
        for (int h : hidden) {
            if (h < 0 || h >= size) throw new IllegalArgumentException("cannot hide coordinate " + h + " of an observation of size " + size);
            drop[h] = true;
        }
        return new MaskObservation<>(env, java.util.stream.IntStream.range(0, size).filter(i -> !drop[i]).toArray());
    }

    /** Keeps exactly the coordinates in {@code kept}, in that order. */
    public MaskObservation(Env<float[], A> env, int[] kept) {
        super(env);
        if (!(env.observationSpace() instanceof Box box) || box.shape().length != 1) {
            throw new IllegalArgumentException("MaskObservation needs a flat Box observation space, found " + env.observationSpace());
        }
        if (kept.length == 0) throw new IllegalArgumentException("MaskObservation must keep at least one coordinate");
        float[] lo = new float[kept.length], hi = new float[kept.length], l = box.low(), h = box.high();
        for (int i = 0; i < kept.length; i++) {
            if (kept[i] < 0 || kept[i] >= box.size()) throw new IllegalArgumentException("coordinate " + kept[i] + " is outside " + box);
            lo[i] = l[kept[i]];
            hi[i] = h[kept[i]];
        }
        this.kept = kept.clone();
        this.space = new Box(lo, hi);
    }

    /** The inner coordinates that remain visible, in order. */
    public int[] kept() {
        return kept.clone();
    }

    @Override
    public Space<float[]> observationSpace() {
        return space;
    }

    @Override
    public Reset<float[]> reset(Long seed, Map<String, ?> options) {
        Reset<float[]> r = env.reset(seed, options);
        return new Reset<>(mask(r.observation()), r.info());
    }

    @Override
    public Step<float[]> step(A action) {
        Step<float[]> s = env.step(action);
        return new Step<>(mask(s.observation()), s.reward(), s.terminated(), s.truncated(), s.info());
    }

    private float[] mask(float[] x) {
        float[] y = new float[kept.length];
        for (int i = 0; i < kept.length; i++) y[i] = x[kept[i]];
        return y;
    }

    @Override
    public String toString() {
        return "MaskObservation" + Arrays.toString(kept) + "<" + env + ">";
    }
}
