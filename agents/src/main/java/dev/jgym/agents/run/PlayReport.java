package dev.jgym.agents.run;

import dev.jgym.agents.Stats;

/**
 * What {@code jgym play} measured: per episode its return, its length and whether it was a success
 * ({@link dev.jgym.agents.Evaluation#success}).
 */
public record PlayReport(double[] returns, int[] lengths, boolean[] successes) {
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

    public double successRate() {
        int n = 0;
        for (boolean s : successes) if (s) n++;
        return (double) n / successes.length;
    }

    public double meanLength() {
        double sum = 0;
        for (int l : lengths) sum += l;
        return sum / lengths.length;
    }
}
