package dev.jgym.agents.bandit;

import dev.jgym.core.config.Check;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.space.Discrete;

/** What every bandit strategy shares: the arms as boxed actions, greedy choice with random ties. */
final class Arms {
    private Arms() {}

    /** The action for each arm index, boxed once ({@code start + a}), so acting allocates nothing. */
    static Integer[] actions(Discrete space) {
        Integer[] actions = new Integer[space.n()];
        for (int a = 0; a < actions.length; a++) actions[a] = space.start() + a;
        return actions;
    }

    /** The arm index of an action of {@code space}, or an error naming the strategy. */
    static int index(String type, Discrete space, Integer action) {
        int a = action == null ? -1 : action - space.start();
        if (a < 0 || a >= space.n()) throw new IllegalArgumentException(type + ": action " + action + " is not in " + space);
        return a;
    }

    /**
     * An arm with the largest value; ties are broken uniformly at random, drawing from {@code rng}
     * only when there is a tie. {@code ties} is scratch space of the same length as {@code values}.
     */
    static int argmax(double[] values, int[] ties, Rng rng) {
        double best = Double.NEGATIVE_INFINITY;
        int count = 0;
        for (int a = 0; a < values.length; a++) {
            double v = values[a];
            if (v > best) {
                best = v;
                ties[0] = a;
                count = 1;
            } else if (v == best) {
                ties[count++] = a;
            }
        }
        if (count == 0) throw new IllegalStateException("no arm has a comparable value (NaN estimates?)");
        return count == 1 ? ties[0] : ties[rng.nextInt(count)];
    }

    /** A constant step size, in (0, 1]. */
    static void stepSize(String field, double alpha) {
        Check.that(alpha > 0 && alpha <= 1, field, "expected a number in (0, 1], found " + alpha);
    }
}
