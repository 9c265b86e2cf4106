package dev.jgym.core.rng;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one source of randomness in jgym: a seeded, fast, splittable stream.
 *
 * <p>Algorithm (stable; changing it is a format break): the state is xoshiro256** (Blackman and
 * Vigna, 2018) initialised by four outputs of SplitMix64 from the 64-bit seed. Doubles take the
 * top 53 bits; bounded integers use Lemire's multiply-shift with rejection (unbiased); Gaussians
 * come from Marsaglia's polar method (the second value of each pair is kept for the next call);
 * logarithms go through {@link StrictMath} so the numbers are the same on every JVM and CPU.
 *
 * <p>Named child streams: {@code child("env")} is a new stream whose seed is a hash of this
 * stream's seed and the name (FNV-1a 64 of the UTF-8 bytes, finished by SplitMix64's mixer). A
 * child depends only on the parent's seed and the name, never on how many numbers the parent has
 * drawn, so adding a draw in one place never shifts the numbers of another purpose.
 *
 * <p>Not thread-safe: give each thread (each run) its own stream.
 */
public final class Rng {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final long seed;
    private long s0, s1, s2, s3;
    private boolean hasSpareGaussian;
    private double spareGaussian;

    public Rng(long seed) {
        this.seed = seed;
        long x = seed;
        s0 = mix64(x += GOLDEN_GAMMA);
        s1 = mix64(x += GOLDEN_GAMMA);
        s2 = mix64(x += GOLDEN_GAMMA);
        s3 = mix64(x + GOLDEN_GAMMA);
    }

    private Rng(long seed, long[] state, boolean hasSpare, double spare) {
        this.seed = seed;
        s0 = state[0];
        s1 = state[1];
        s2 = state[2];
        s3 = state[3];
        hasSpareGaussian = hasSpare;
        spareGaussian = spare;
    }

    /** The seed this stream was created from. */
    public long seed() {
        return seed;
    }

    /** A stream for one purpose, derived from this stream's seed and the name. */
    public Rng child(String name) {
        return new Rng(childSeed(name.getBytes(StandardCharsets.UTF_8)));
    }

    /** A stream for one index (a run, a worker, an episode), derived from this stream's seed. */
    public Rng child(long index) {
        byte[] bytes = new byte[9];
        bytes[0] = '#';
        for (int i = 0; i < 8; i++) bytes[i + 1] = (byte) (index >>> (8 * i));
        return new Rng(childSeed(bytes));
    }

    /** The seed {@link #child(String)} would use: handy to hand a seed to {@code env.reset}. */
    public long childSeed(String name) {
        return childSeed(name.getBytes(StandardCharsets.UTF_8));
    }

    private long childSeed(byte[] name) {
        long h = 0xcbf29ce484222325L; // FNV-1a 64 offset basis
        for (byte b : name) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return mix64(seed ^ mix64(h + GOLDEN_GAMMA));
    }

    /** SplitMix64's finalizer (Stafford variant 13). */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** 64 uniformly random bits (xoshiro256**). */
    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** 32 uniformly random bits. */
    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /** Uniform in [0, bound), unbiased (Lemire 2019). */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive, was " + bound);
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xffffffffL;
        if (low < bound) {
            long threshold = (0x100000000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xffffffffL;
            }
        }
        return (int) (m >>> 32);
    }

    /** Uniform in [origin, bound). */
    public int nextInt(int origin, int bound) {
        return origin + nextInt(bound - origin);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, 1) with 24 random bits. */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** Uniform in [low, high). */
    public double uniform(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    /** True with probability p. */
    public boolean bernoulli(double p) {
        return nextDouble() < p;
    }

    /** Standard normal N(0, 1) by Marsaglia's polar method. */
    public double gaussian() {
        if (hasSpareGaussian) {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double u, v, s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double scale = Math.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * scale;
        hasSpareGaussian = true;
        return u * scale;
    }

    /** N(mean, stddev^2). */
    public double gaussian(double mean, double stddev) {
        return mean + stddev * gaussian();
    }

    /** Exponential with rate 1: -ln(1 - U). */
    public double exponential() {
        return -StrictMath.log1p(-nextDouble());
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang (2000); shape > 0. */
    public double gamma(double shape) {
        if (!(shape > 0)) throw new IllegalArgumentException("gamma shape must be positive, was " + shape);
        if (shape < 1) {
            double u = nextDouble();
            return gamma(shape + 1) * StrictMath.pow(u == 0 ? Double.MIN_VALUE : u, 1 / shape);
        }
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x, v;
            do {
                x = gaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x) return d * v;
            if (StrictMath.log(u) < 0.5 * x * x + d * (1 - v + StrictMath.log(v))) return d * v;
        }
    }

    /** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
    public double beta(double a, double b) {
        double x = gamma(a), y = gamma(b);
        return x / (x + y);
    }

    /** An index drawn with probability proportional to the (non-negative) weights. */
    public int choice(double[] weights) {
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0)) throw new IllegalArgumentException("weights must be non-negative: " + Arrays.toString(weights));
            total += w;
        }
        if (!(total > 0)) throw new IllegalArgumentException("weights must not all be zero");
        double r = nextDouble() * total;
        int last = -1;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                last = i;
                r -= weights[i];
                if (r < 0) return i;
            }
        }
        return last; // rounding left r at or just above 0
    }

    /** Fisher-Yates shuffle in place. */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /** A copy that continues exactly where this stream is. */
    public Rng copy() {
        return new Rng(seed, state(), hasSpareGaussian, spareGaussian);
    }

    /** The full state, for checkpoints: seed, four state words, spare flag, spare bits. */
    public long[] saveState() {
        return new long[] {seed, s0, s1, s2, s3, hasSpareGaussian ? 1 : 0, Double.doubleToRawLongBits(spareGaussian)};
    }

    /** The stream saved by {@link #saveState()}. */
    public static Rng restore(long[] saved) {
        if (saved.length != 7) throw new IllegalArgumentException("an Rng state has 7 words, found " + saved.length);
        return new Rng(saved[0], Arrays.copyOfRange(saved, 1, 5), saved[5] != 0, Double.longBitsToDouble(saved[6]));
    }

    /**
     * Puts this stream back to a state {@link #saveState()} gave, in place (a replay re-simulating
     * episode N of a run sets an env's stream to where it stood before that episode's reset). The
     * saved state must come from a stream with this stream's seed.
     */
    public void restoreState(long[] saved) {
        if (saved.length != 7) throw new IllegalArgumentException("an Rng state has 7 words, found " + saved.length);
        if (saved[0] != seed) throw new IllegalArgumentException("the saved state is of a stream with seed " + saved[0] + ", this one has seed " + seed);
        s0 = saved[1];
        s1 = saved[2];
        s2 = saved[3];
        s3 = saved[4];
        hasSpareGaussian = saved[5] != 0;
        spareGaussian = Double.longBitsToDouble(saved[6]);
    }

    private long[] state() {
        return new long[] {s0, s1, s2, s3};
    }

    /** True when both streams will produce the same numbers from now on. */
    public boolean sameStateAs(Rng other) {
        return Arrays.equals(saveState(), other.saveState());
    }

    @Override
    public String toString() {
        return "Rng(seed=" + seed + ")";
    }
}
