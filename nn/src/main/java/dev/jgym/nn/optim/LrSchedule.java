package dev.jgym.nn.optim;

/**
 * A learning-rate schedule: the factor the base rate is multiplied by at step t (from 0).
 * <ul>
 *   <li>{@link #constant()}: 1;
 *   <li>{@link #step(long, double)}: gamma^floor(t / every) (step decay);
 *   <li>{@link #cosine(long, double)}: min + (1 - min) (1 + cos(pi t / total)) / 2, then min
 *       (Loshchilov and Hutter's SGDR without restarts);
 *   <li>{@link #warmup(long, LrSchedule)}: (t + 1) / warmup for the first steps, then the
 *       other schedule counted from the end of the warm-up.
 * </ul>
 */
@FunctionalInterface
public interface LrSchedule {
    double factor(long step);

    static LrSchedule constant() {
        return t -> 1.0;
    }

    static LrSchedule step(long every, double gamma) {
        if (every < 1) throw new IllegalArgumentException("step schedule: every must be >= 1");
        return t -> Math.pow(gamma, (double) (t / every));
    }

    static LrSchedule cosine(long total, double minFactor) {
        if (total < 1) throw new IllegalArgumentException("cosine schedule: total must be >= 1");
        return t -> t >= total ? minFactor : minFactor + (1 - minFactor) * (1 + Math.cos(Math.PI * t / total)) / 2;
    }

    static LrSchedule warmup(long steps, LrSchedule after) {
        return t -> t < steps ? (t + 1) / (double) steps : after.factor(t - steps);
    }
}
