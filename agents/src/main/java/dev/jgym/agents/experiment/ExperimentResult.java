package dev.jgym.agents.experiment;

import java.util.List;

/**
 * What an experiment measured: for every agent (in config order) and every metric, the mean over
 * runs at each step, and per-run values over the final window for intervals across runs.
 *
 * @param metrics metric names; {@code reward} first, then env info keys in sorted order
 * @param agents per agent, in config order
 * @param windowStart first step (0-based) of the final window summaries average over
 */
public record ExperimentResult(List<String> metrics, List<AgentCurves> agents, long steps, long windowStart, int runs) {

    /**
     * @param curves curves[m][t]: mean of metric m at step t over runs
     * @param windowMeans windowMeans[m][r]: run r's mean of metric m over the final window
     * @param totals totals[m][r]: run r's sum of metric m over all steps
     */
    public record AgentCurves(String label, String type, double[][] curves, double[][] windowMeans, double[][] totals) {}

    public AgentCurves agent(String label) {
        return agents.stream().filter(a -> a.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no agent labelled " + label));
    }

    /** Index of a metric, or an error naming the ones there are. */
    public int metric(String name) {
        int i = metrics.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no metric " + name + " (have " + metrics + ")");
        return i;
    }

    /** Mean of a metric's curve over steps [from, to), 0-based. */
    public double mean(String label, String metric, long from, long to) {
        double[] c = agent(label).curves()[metric(metric)];
        double s = 0;
        for (long t = from; t < to; t++) s += c[(int) t];
        return s / (to - from);
    }

    /** Mean of a metric over the final window, averaged over runs. */
    public double windowMean(String label, String metric) {
        return Stats.mean(agent(label).windowMeans()[metric(metric)]);
    }

    /** Mean over runs of a metric's total over all steps (e.g. cumulative regret). */
    public double totalMean(String label, String metric) {
        return Stats.mean(agent(label).totals()[metric(metric)]);
    }
}
