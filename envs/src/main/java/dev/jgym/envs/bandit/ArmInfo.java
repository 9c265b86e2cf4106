package dev.jgym.envs.bandit;

import java.util.Map;

/**
 * The info map every bandit step carries, so that an experiment can score a strategy against the
 * truth the strategy never sees:
 * <ul>
 *   <li>{@value #OPTIMAL} (Boolean): the pulled arm has the highest true mean at the time of the
 *       pull (ties count as optimal);
 *   <li>{@value #REGRET} (Double): the best true mean minus the pulled arm's true mean, both at the
 *       time of the pull (so never negative, 0 for an optimal arm).
 * </ul>
 * For arms that do not move, the map of each arm is built once per draw ({@link #perArm}), so a
 * step allocates nothing for it.
 */
final class ArmInfo {
    static final String OPTIMAL = "optimal";
    static final String REGRET = "regret";

    private ArmInfo() {}

    /** The largest of the true means. */
    static double best(double[] means) {
        double best = Double.NEGATIVE_INFINITY;
        for (double m : means) best = Math.max(best, m);
        return best;
    }

    /** The info of a pull of {@code arm} when the true means are {@code means}. */
    static Map<String, Object> of(double[] means, double best, int arm) {
        double regret = best - means[arm];
        return Map.of(OPTIMAL, regret <= 0, REGRET, regret);
    }

    /** One info map per arm, for true means that stay put until the next draw. */
    @SuppressWarnings("unchecked")
    static Map<String, Object>[] perArm(double[] means) {
        double best = best(means);
        Map<String, Object>[] infos = new Map[means.length];
        for (int a = 0; a < means.length; a++) infos[a] = of(means, best, a);
        return infos;
    }
}
