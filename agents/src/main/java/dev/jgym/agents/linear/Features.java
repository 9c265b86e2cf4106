package dev.jgym.agents.linear;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.UserError;
import dev.jgym.core.space.Box;
import dev.jgym.core.space.Discrete;
import dev.jgym.core.space.Space;
import java.util.List;

/**
 * A feature constructor x(s) for linear function approximation (Sutton &amp; Barto, 2nd ed.,
 * section 9.5). Each observation coordinate is first scaled to u = (o − low) / (high − low) over
 * the settings' {@code range} (default: the observation space's bounds); then
 * <ul>
 *   <li>{@code one_hot}: one feature per state of a Discrete space (the tabular case, 12.x);</li>
 *   <li>{@code aggregation}: state aggregation, {@code groups} equal intervals of u, feature
 *       ⌊u · groups⌋ (section 9.3, Figure 9.1);</li>
 *   <li>{@code polynomial}: x_i(s) = u^i, i = 0..{@code order} (one dimension, section 9.5.1);</li>
 *   <li>{@code fourier}: x_i(s) = cos(iπu), i = 0..{@code order} (one dimension, section 9.5.2);</li>
 *   <li>{@code tiles}: {@code tilings} overlapping tilings of {@code tiles} tiles across u per
 *       dimension, hashed into {@code size} features by {@link TileCoder} (Sutton's tiles3, 9.5.4);</li>
 *   <li>{@code given}: x(s) written out, one of {@code vectors} per state of a Discrete space
 *       (Baird's counterexample, Figure 11.1).</li>
 * </ul>
 * Action-value learners ask for x(s, a): the state features of action a's block, or for tile
 * coding the tiles of (s, a) hashed together, as Sutton's Mountain Car code does.
 */
public abstract class Features {
    /** The feature constructor as a config gives it. */
    public record Settings(
            @JsonProperty(value = "type", required = true) String type, // one_hot, aggregation, polynomial, fourier or tiles
            @JsonProperty("range") List<List<Double>> range,      // [[low, high]] per observation coordinate (default: the space's bounds)
            @JsonProperty("groups") Integer groups,              // aggregation: the number of groups
            @JsonProperty("order") Integer order,                // polynomial, fourier: the highest power / frequency
            @JsonProperty("tilings") Integer tilings,            // tiles: the number of tilings
            @JsonProperty("tiles") Double tiles,                 // tiles: tiles across the range, per dimension
            @JsonProperty("size") Integer size,                  // tiles: the hash table's size (the number of weights)
            @JsonProperty("vectors") List<List<Double>> vectors) { // given: x(s) of every state of a Discrete space, in order
        public static final List<String> TYPES = List.of("one_hot", "aggregation", "polynomial", "fourier", "tiles", "given");

        public Settings {
            Check.present("type", type);
            Check.that(TYPES.contains(type), "type", "expected one of " + String.join(", ", TYPES) + ", found \"" + type + "\"");
            if (range != null) {
                for (List<Double> r : range) {
                    Check.that(r != null && r.size() == 2 && r.get(0) != null && r.get(1) != null && Double.isFinite(r.get(0))
                            && Double.isFinite(r.get(1)) && r.get(0) < r.get(1), "range", "expected [low, high] pairs with low < high, found " + range);
                }
            }
            require(type.equals("aggregation"), groups, "groups");
            require(type.equals("polynomial") || type.equals("fourier"), order, "order");
            require(type.equals("tiles"), tilings, "tilings");
            require(type.equals("tiles"), tiles, "tiles");
            require(type.equals("given"), vectors, "vectors");
            if (vectors != null) {
                Check.that(type.equals("given"), "vectors", "only given features take vectors, found them for \"" + type + "\"");
                Check.that(!vectors.isEmpty() && vectors.size() <= 1_000_000, "vectors", "expected 1 to 1000000 vectors, found " + vectors.size());
                int width = vectors.get(0) == null ? 0 : vectors.get(0).size();
                for (List<Double> v : vectors) {
                    Check.that(v != null && v.size() == width && width >= 1 && width <= 100_000 && v.stream().allMatch(d -> d != null && Double.isFinite(d)),
                            "vectors", "expected vectors of one length (1 to 100000) of finite numbers, found " + v);
                }
            }
            if (groups != null) Check.that(groups >= 1 && groups <= 10_000_000, "groups", "expected an integer in [1, 10000000], found " + groups);
            if (order != null) Check.that(order >= 0 && order <= 1000, "order", "expected an integer in [0, 1000], found " + order);
            if (tilings != null) Check.that(tilings >= 1 && tilings <= 1024, "tilings", "expected an integer in [1, 1024], found " + tilings);
            if (tiles != null) Check.that(tiles > 0 && tiles <= 1e6, "tiles", "expected a number in (0, 1000000], found " + tiles);
            if (type.equals("tiles")) {
                size = size == null ? 4096 : size;
                Check.that(size >= 1 && size <= 50_000_000, "size", "expected an integer in [1, 50000000], found " + size);
            } else {
                Check.that(size == null, "size", "only tile coding takes a size, found " + size + " for \"" + type + "\"");
            }
        }

        private static void require(boolean needed, Object value, String field) {
            if (needed) Check.that(value != null, field, "missing: this feature type needs \"" + field + "\"");
        }
    }

    /** Builds the features of {@code settings} for an observation space; a mismatch is a {@link UserError} naming the agent type. */
    public static Features create(Settings s, Space<?> space, String agentType) {
        double[][] bounds = bounds(space, agentType);
        if (s.range() != null) {
            if (s.range().size() != bounds.length) {
                throw new UserError("agent type \"" + agentType + "\": features.range: expected " + bounds.length
                        + " [low, high] pair(s), one per observation coordinate of " + space + ", found " + s.range().size());
            }
            for (int d = 0; d < bounds.length; d++) bounds[d] = new double[] {s.range().get(d).get(0), s.range().get(d).get(1)};
        }
        for (double[] b : bounds) {
            if (!Double.isFinite(b[0]) || !Double.isFinite(b[1])) {
                throw new UserError("agent type \"" + agentType + "\": the observation space " + space
                        + " is unbounded: give features.range, a [low, high] pair per coordinate");
            }
        }
        Features f;
        switch (s.type()) {
            case "one_hot":
                if (!(space instanceof Discrete d)) throw new UserError("agent type \"" + agentType + "\": one_hot features need a Discrete observation space, the env has " + space);
                return new OneHot(d);
            case "tiles":
                f = new Tiles(bounds, s.tilings(), s.tiles(), s.size());
                break;
            case "given":
                if (!(space instanceof Discrete d) || d.n() != s.vectors().size()) {
                    throw new UserError("agent type \"" + agentType + "\": given features need one vector per state of a Discrete observation space: the env has "
                            + space + ", features.vectors has " + s.vectors().size());
                }
                return new Given(d, s.vectors());
            default:
                if (bounds.length != 1) {
                    throw new UserError("agent type \"" + agentType + "\": " + s.type() + " features take a one-dimensional observation, the env has " + space);
                }
                f = new Scalar(bounds[0], s.type(), s.type().equals("aggregation") ? s.groups() : s.order() + 1);
        }
        if (space instanceof Discrete d && (long) d.n() * f.active() <= MAX_CACHED) return new Cached(f, d);
        return f;
    }

    /** The most (observation, feature) pairs kept by {@link Cached}. */
    static final long MAX_CACHED = 50_000_000;

    private static double[][] bounds(Space<?> space, String agentType) {
        if (space instanceof Discrete d) return new double[][] {{d.start(), d.start() + d.n() - 1}};
        if (space instanceof Box b && b.shape().length == 1) {
            double[][] r = new double[b.shape()[0]][];
            for (int i = 0; i < r.length; i++) r[i] = new double[] {b.low()[i], b.high()[i]};
            return r;
        }
        throw new UserError("agent type \"" + agentType + "\" needs a Discrete or a flat Box observation space, the env has " + space);
    }

    /** The number of state features (and of weights of a state-value learner). */
    public abstract int size();

    /** The most non-zero features one observation has. */
    public abstract int active();

    /** x(s) into {@code x}. */
    public abstract void encode(Object observation, FeatureVector x);

    /** wᵀx(s), with {@code scratch} as room to encode into. */
    public double dot(Object observation, double[] w, FeatureVector scratch) {
        encode(observation, scratch);
        return scratch.dot(w);
    }

    /** x(s, a) for an action-value learner over {@code actions} actions, into {@code x}; its size is {@link #size(int)}. */
    public void encode(Object observation, int action, int actions, FeatureVector x) {
        encode(observation, x);
        int offset = action * size();
        for (int k = 0; k < x.n; k++) x.index[k] += offset;
    }

    /** The number of weights of an action-value learner over {@code actions} actions. */
    public int size(int actions) {
        return size() * actions;
    }

    static double coordinate(Object observation, int d) {
        if (observation instanceof Integer i) return i;
        return ((float[]) observation)[d];
    }

    /** One feature per state of a Discrete space. */
    static final class OneHot extends Features {
        private final Discrete space;

        OneHot(Discrete space) {
            this.space = space;
        }

        @Override public int size() { return space.n(); }

        @Override public int active() { return 1; }

        @Override
        public void encode(Object observation, FeatureVector x) {
            x.clear();
            x.put((Integer) observation - space.start(), 1.0);
        }
    }

    /** Features written out per state: x(s) is {@code vectors[s − start]} (its non-zero entries). */
    static final class Given extends Features {
        private final int start, width;
        private final FeatureVector[] table;

        Given(Discrete space, List<List<Double>> vectors) {
            this.start = space.start();
            this.width = vectors.get(0).size();
            this.table = new FeatureVector[vectors.size()];
            for (int o = 0; o < table.length; o++) {
                List<Double> v = vectors.get(o);
                table[o] = new FeatureVector(width);
                for (int i = 0; i < width; i++) if (v.get(i) != 0) table[o].put(i, v.get(i));
            }
        }

        @Override public int size() { return width; }

        @Override public int active() { return width; }

        @Override
        public void encode(Object observation, FeatureVector x) {
            x.set(table[(Integer) observation - start]);
        }
    }

    /** State aggregation and the polynomial and Fourier bases of one coordinate. */
    static final class Scalar extends Features {
        private final double low, high;
        private final String type;
        private final int n;

        Scalar(double[] bounds, String type, int n) {
            this.low = bounds[0];
            this.high = bounds[1];
            this.type = type;
            this.n = n;
        }

        @Override public int size() { return n; }

        @Override public int active() { return type.equals("aggregation") ? 1 : n; }

        @Override
        public void encode(Object observation, FeatureVector x) {
            double u = (coordinate(observation, 0) - low) / (high - low);
            x.clear();
            switch (type) {
                case "aggregation" -> x.put(Math.max(0, Math.min(n - 1, (int) Math.floor(u * n))), 1.0);
                case "polynomial" -> {
                    double p = 1;
                    for (int i = 0; i < n; i++, p *= u) x.put(i, p);
                }
                default -> {
                    for (int i = 0; i < n; i++) x.put(i, StrictMath.cos(i * Math.PI * u));
                }
            }
        }
    }

    /** Tile coding: {@link TileCoder} over the scaled coordinates. */
    static final class Tiles extends Features {
        final TileCoder coder;
        private final double[] low, scale;
        private final double[] floats;

        Tiles(double[][] bounds, int tilings, double tiles, int size) {
            this.coder = new TileCoder(size, tilings);
            this.low = new double[bounds.length];
            this.scale = new double[bounds.length];
            for (int d = 0; d < bounds.length; d++) {
                low[d] = bounds[d][0];
                scale[d] = tiles / (bounds[d][1] - bounds[d][0]);
            }
            this.floats = new double[bounds.length];
        }

        @Override public int size() { return coder.size(); }

        @Override public int size(int actions) { return coder.size(); }

        @Override public int active() { return coder.tilings(); }

        @Override
        public void encode(Object observation, FeatureVector x) {
            encode(observation, -1, 0, x);
        }

        @Override
        public void encode(Object observation, int action, int actions, FeatureVector x) {
            for (int d = 0; d < floats.length; d++) floats[d] = (coordinate(observation, d) - low[d]) * scale[d];
            x.clear();
            coder.tiles(floats, action, x);
        }
    }

    /**
     * The state features of every observation of a Discrete space, computed once in observation
     * order (so tile coding's hash table numbers tiles in that order), then looked up.
     */
    static final class Cached extends Features {
        final Features inner;
        private final int start;
        private final FeatureVector[] table;

        Cached(Features inner, Discrete space) {
            this.inner = inner;
            this.start = space.start();
            this.table = new FeatureVector[space.n()];
            refresh();
        }

        /** Encodes every observation again (after a tile table was restored from a file). */
        void refresh() {
            FeatureVector x = new FeatureVector(inner.active());
            for (int o = 0; o < table.length; o++) {
                inner.encode(start + o, x);
                table[o] = x.copy();
            }
        }

        @Override public int size() { return inner.size(); }

        @Override public int size(int actions) { return inner.size(actions); }

        @Override public int active() { return inner.active(); }

        @Override
        public void encode(Object observation, FeatureVector x) {
            x.set(table[(Integer) observation - start]);
        }

        @Override
        public double dot(Object observation, double[] w, FeatureVector scratch) {
            return table[(Integer) observation - start].dot(w);
        }

        @Override
        public void encode(Object observation, int action, int actions, FeatureVector x) {
            inner.encode(observation, action, actions, x);
        }
    }
}
