package dev.jgym.agents.mc;

import dev.jgym.core.config.Check;

/**
 * The Monte Carlo update of action values from one finished episode, shared by exploring starts
 * and on-policy control: walk back from the end with G ← γ G + R_{t+1} and move Q(S_t, A_t)
 * toward G on the first visit of the pair (or on every visit), by 1/N (the average of the returns,
 * section 5.1) or by a constant α.
 */
final class Returns {
    final Episode episode = new Episode();
    final double[] counts;
    private final double[] q;
    private final int nA;
    private final double gamma;
    private final boolean firstVisit;
    private final Double alpha;

    Returns(double[] q, int nA, double gamma, boolean firstVisit, Double alpha) {
        this.q = q;
        this.nA = nA;
        this.gamma = gamma;
        this.firstVisit = firstVisit;
        this.alpha = alpha;
        this.counts = new double[q.length];
    }

    static String visits(String visits) {
        String v = visits == null ? "first" : visits;
        Check.that(v.equals("first") || v.equals("every"), "visits", "expected \"first\" or \"every\", found \"" + v + "\"");
        return v;
    }

    void learn() {
        Episode e = episode;
        if (firstVisit) e.markFirstVisits(q.length, nA);
        double g = 0;
        for (int t = e.length - 1; t >= 0; t--) {
            g = gamma * g + e.rewards[t];
            if (firstVisit && !e.isFirst(t)) continue;
            int sa = e.states[t] * nA + e.actions[t];
            counts[sa]++;
            q[sa] += (alpha == null ? 1 / counts[sa] : alpha) * (g - q[sa]);
        }
    }
}
