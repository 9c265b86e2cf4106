package dev.jgym.experiments;

import dev.jgym.agents.Evaluation;
import dev.jgym.agents.Stats;
import java.util.List;

/**
 * What an experiment measured: for every agent (in config order) and every metric, the mean over
 * runs at each step (or episode), and per-run values over the final window for intervals across runs.
 *
 * @param metrics metric names; per step: {@code reward} first, then {@code episodes} when counted,
 *     then env info keys in sorted order; per episode: {@code return}, {@code length}
 * @param agents per agent, in config order
 * @param steps points per curve: steps, or episodes when {@code curve} is {@code "episode"}
 * @param windowStart first point (0-based) of the final window summaries average over
 * @param curve {@code "step"} or {@code "episode"}
 */
public record ExperimentResult(List<String> metrics, List<AgentCurves> agents, long steps, long windowStart, int runs, String curve) {

    /** A per-step result (the form before per-episode curves existed). */
    public ExperimentResult(List<String> metrics, List<AgentCurves> agents, long steps, long windowStart, int runs) {
        this(metrics, agents, steps, windowStart, runs, "step");
    }

    public boolean episodic() {
        return "episode".equals(curve);
    }

    /**
     * @param curves curves[m][t]: mean of metric m at step (episode) t over runs
     * @param windowMeans windowMeans[m][r]: run r's mean of metric m over the final window
     * @param totals totals[m][r]: run r's sum of metric m over all steps
     * @param evaluations per run, the greedy-policy evaluation after learning; {@code null} without one
     * @param values the final value estimates, means over runs; {@code null} for agents without a value table
     * @param valuesAt the estimates after each of the config's {@code values_at} episodes, means over
     *     runs (empty without it, or without a value table)
     */
    public record AgentCurves(String label, String type, double[][] curves, double[][] windowMeans, double[][] totals,
                              Evaluation.Result[] evaluations, FinalValues values, List<FinalValues> valuesAt) {
        public AgentCurves(String label, String type, double[][] curves, double[][] windowMeans, double[][] totals) {
            this(label, type, curves, windowMeans, totals, null, null);
        }

        public AgentCurves(String label, String type, double[][] curves, double[][] windowMeans, double[][] totals,
                           Evaluation.Result[] evaluations, FinalValues values) {
            this(label, type, curves, windowMeans, totals, evaluations, values, List.of());
        }

        /** These curves with the estimates after the config's {@code values_at} episodes. */
        AgentCurves withValuesAt(List<FinalValues> snapshots) {
            return new AgentCurves(label, type, curves, windowMeans, totals, evaluations, values, List.copyOf(snapshots));
        }

        /** Per run: the evaluation's mean return (empty without an evaluation). */
        public double[] evaluationReturns() {
            if (evaluations == null) return new double[0];
            double[] r = new double[evaluations.length];
            for (int i = 0; i < r.length; i++) r[i] = evaluations[i].meanReturn();
            return r;
        }

        /** Whether the env said success or failure at the end of some evaluation episode (an env with a goal): else no success rate is reported. */
        public boolean successReported() {
            if (evaluations == null) return false;
            for (Evaluation.Result e : evaluations) if (e.successReported()) return true;
            return false;
        }

        /** Per run: the evaluation's success rate (empty without an evaluation). */
        public double[] evaluationSuccessRates() {
            if (evaluations == null) return new double[0];
            double[] r = new double[evaluations.length];
            for (int i = 0; i < r.length; i++) r[i] = evaluations[i].successRate();
            return r;
        }
    }

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

    /** The value of a metric's mean curve at its last point (e.g. episodes completed by the last step). */
    public double last(String label, String metric) {
        double[] c = agent(label).curves()[metric(metric)];
        return c[c.length - 1];
    }

    /** Mean over runs of the greedy evaluation's mean return. */
    public double evaluationReturn(String label) {
        return Stats.mean(agent(label).evaluationReturns());
    }

    /** Mean over runs of the greedy evaluation's success rate. */
    public double evaluationSuccessRate(String label) {
        return Stats.mean(agent(label).evaluationSuccessRates());
    }

    /** Mean over runs of a metric's total over all steps (e.g. cumulative regret). */
    public double totalMean(String label, String metric) {
        return Stats.mean(agent(label).totals()[metric(metric)]);
    }
}
