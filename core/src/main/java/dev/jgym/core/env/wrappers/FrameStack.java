package dev.jgym.core.env.wrappers;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.env.Wrapper;
import dev.jgym.core.space.Box;
import dev.jgym.core.space.Space;
import java.util.Map;

/**
 * Observes the last {@code k} observations stacked, oldest first (Gymnasium's
 * {@code FrameStackObservation}): shape {@code [k, ...inner shape]}, flat row-major. At reset the
 * history is padded with copies of the first observation ({@code Padding.RESET}, Gymnasium's
 * default) or with zeros ({@code Padding.ZERO}).
 */
public final class FrameStack<A> extends Wrapper<float[], A> {
    /** What fills the stack before k observations have been seen. */
    public enum Padding { RESET, ZERO }

    private final int k, frame;
    private final Padding padding;
    private final Box space;
    private final float[] stack;

    public FrameStack(Env<float[], A> env, int k) {
        this(env, k, Padding.RESET);
    }

    public FrameStack(Env<float[], A> env, int k, Padding padding) {
        super(env);
        if (k < 1) throw new IllegalArgumentException("FrameStack needs k >= 1, was " + k);
        if (!(env.observationSpace() instanceof Box box)) throw new IllegalArgumentException("FrameStack needs a Box observation space, found " + env.observationSpace());
        this.k = k;
        this.padding = padding;
        this.frame = box.size();
        int[] inner = box.shape(), shape = new int[inner.length + 1];
        shape[0] = k;
        System.arraycopy(inner, 0, shape, 1, inner.length);
        float[] lo = new float[k * frame], hi = new float[k * frame];
        float[] l = box.low(), h = box.high();
        for (int i = 0; i < k; i++) {
            System.arraycopy(l, 0, lo, i * frame, frame);
            System.arraycopy(h, 0, hi, i * frame, frame);
            if (padding == Padding.ZERO) {
                for (int j = 0; j < frame; j++) {
                    lo[i * frame + j] = Math.min(lo[i * frame + j], 0f);
                    hi[i * frame + j] = Math.max(hi[i * frame + j], 0f);
                }
            }
        }
        this.space = new Box(lo, hi, shape);
        this.stack = new float[k * frame];
    }

    @Override
    public Space<float[]> observationSpace() {
        return space;
    }

    @Override
    public Reset<float[]> reset(Long seed, Map<String, ?> options) {
        Reset<float[]> r = env.reset(seed, options);
        for (int i = 0; i < k - 1; i++) {
            if (padding == Padding.RESET) System.arraycopy(r.observation(), 0, stack, i * frame, frame);
            else java.util.Arrays.fill(stack, i * frame, (i + 1) * frame, 0f);
        }
        System.arraycopy(r.observation(), 0, stack, (k - 1) * frame, frame);
        return new Reset<>(stack.clone(), r.info());
    }

    @Override
    public Step<float[]> step(A action) {
        Step<float[]> s = env.step(action);
        System.arraycopy(stack, frame, stack, 0, (k - 1) * frame);
        System.arraycopy(s.observation(), 0, stack, (k - 1) * frame, frame);
        return new Step<>(stack.clone(), s.reward(), s.terminated(), s.truncated(), s.info());
    }
}
