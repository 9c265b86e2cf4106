package dev.jgym.agents.run;

import dev.jgym.agents.Stats;

/**
 * What {@code jgym play} measured: per episode its return, its length and the env's word on
 * whether it reached its goal ({@link dev.jgym.agents.Evaluation#success}: true, false, or null
 * where the env says nothing, as an env without a goal never does).
 */
public record PlayReport(double[] returns, int[] lengths, Boolean[] successes) {
    public int episodes() {
        return returns.length;
    }

    public double mean() {
        return Stats.mean(returns);
    }

    /** The half-width of the 95% interval of the mean return. */
    public double ci95() {
        return Stats.ci95(returns);
    }

    /** Whether the env said success or failure at the end of some episode; without it there is no success rate. */
    public boolean successReported() {
        for (Boolean s : successes) if (s != null) return true;
        return false;
    }

    /** The fraction of episodes the env called a success (NaN when it never said, see {@link #successReported}). */
    public double successRate() {
        if (!successReported()) return Double.NaN;
        int n = 0;
        for (Boolean s : successes) if (Boolean.TRUE.equals(s)) n++;
        return (double) n / successes.length;
    }

    public double meanLength() {
        double sum = 0;
        for (int l : lengths) sum += l;
        return sum / lengths.length;
    }
}
