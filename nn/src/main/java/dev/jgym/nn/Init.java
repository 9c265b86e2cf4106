package dev.jgym.nn;

import dev.jgym.core.rng.Rng;

/**
 * Weight initialisers. Each fills a weight tensor of a layer with {@code fanIn} inputs and
 * {@code fanOut} outputs, drawing from the given {@link Rng} in index order.
 * <ul>
 *   <li>Xavier/Glorot (Glorot and Bengio, 2010): uniform in +-sqrt(6 / (fanIn + fanOut)), or
 *       normal with std sqrt(2 / (fanIn + fanOut)); for tanh and sigmoid layers.
 *   <li>He/Kaiming (He et al., 2015): normal with std sqrt(2 / fanIn), or uniform in
 *       +-sqrt(6 / fanIn); for ReLU layers.
 *   <li>Gaussian(mean, std): the classic fixed-scale init (one seed used N(0, 0.01) for filters).
 *   <li>Constant(c): biases (0 by default).
 * </ul>
 * {@link #parse} reads the names used in configs: {@code xavier_uniform}, {@code xavier_normal},
 * {@code he_normal}, {@code he_uniform}, {@code gaussian(0, 0.01)}, {@code constant(0.1)}, {@code zeros}.
 */
@FunctionalInterface
public interface Init {
    void fill(float[] w, int fanIn, int fanOut, Rng rng);

    static Init xavierUniform() {
        return (w, in, out, rng) -> {
            double a = Math.sqrt(6.0 / (in + out));
            for (int i = 0; i < w.length; i++) w[i] = (float) rng.uniform(-a, a);
        };
    }

    static Init xavierNormal() {
        return (w, in, out, rng) -> {
            double std = Math.sqrt(2.0 / (in + out));
            for (int i = 0; i < w.length; i++) w[i] = (float) (std * rng.gaussian());
        };
    }

    static Init heNormal() {
        return (w, in, out, rng) -> {
            double std = Math.sqrt(2.0 / in);
            for (int i = 0; i < w.length; i++) w[i] = (float) (std * rng.gaussian());
        };
    }

    static Init heUniform() {
        return (w, in, out, rng) -> {
            double a = Math.sqrt(6.0 / in);
            for (int i = 0; i < w.length; i++) w[i] = (float) rng.uniform(-a, a);
        };
    }

    static Init gaussian(double mean, double std) {
        return (w, in, out, rng) -> {
            for (int i = 0; i < w.length; i++) w[i] = (float) rng.gaussian(mean, std);
        };
    }

    static Init constant(double value) {
        return (w, in, out, rng) -> java.util.Arrays.fill(w, (float) value);
    }

    /** The initialiser named in a config; throws IllegalArgumentException with what is accepted. */
    static Init parse(String spec) {
        String s = spec.replace(" ", "");
        switch (s) {
            case "xavier_uniform": case "glorot_uniform": return xavierUniform();
            case "xavier_normal": case "glorot_normal": return xavierNormal();
            case "he_normal": case "kaiming_normal": return heNormal();
            case "he_uniform": case "kaiming_uniform": return heUniform();
            case "zeros": return constant(0);
            default: break;
        }
        try {
            if (s.startsWith("gaussian(") && s.endsWith(")")) {
                String[] p = s.substring(9, s.length() - 1).split(",");
                if (p.length == 2) return gaussian(Double.parseDouble(p[0]), Double.parseDouble(p[1]));
            }
            if (s.startsWith("constant(") && s.endsWith(")")) return constant(Double.parseDouble(s.substring(9, s.length() - 1)));
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("expected one of xavier_uniform, xavier_normal, he_normal, he_uniform, "
                + "gaussian(mean, std), constant(c), zeros; found \"" + spec + "\"");
    }
}
