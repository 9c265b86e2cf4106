package dev.jgym.agents.offpolicy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.agents.pg.PgOutput;
import dev.jgym.agents.run.Charts;
import dev.jgym.core.config.Json;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * What {@code jgym train} writes for an off-policy config besides {@code config.json} and
 * {@code checkpoint.jgc}: {@code metrics.csv} (one line per training episode: return, length, and
 * the means over the episode's updates of both critics' losses, the actor loss, alpha and the
 * policy's entropy estimate -log pi; empty where none), {@code evaluations.csv} (one line per
 * deterministic evaluation), {@code summary.json}, {@code returns.png} and {@code losses.png}.
 * Every file through a temporary file and a rename.
 */
public final class OffPolicyOutput {
    static final String METRICS = "metrics.csv";
    static final String METRICS_HEADER = "episode,step,return,length,q1_loss,q2_loss,actor_loss,alpha,entropy\n";

    private OffPolicyOutput() {}

    static String metricsLine(OffPolicyTraining.EpisodeRow e) {
        StringBuilder b = new StringBuilder().append(e.episode()).append(',').append(e.step()).append(',').append(e.episodeReturn()).append(',')
                .append(e.length());
        for (double v : new double[] {e.q1Loss(), e.q2Loss(), e.actorLoss(), e.alpha(), e.entropy()}) b.append(',').append(Double.isNaN(v) ? "" : Double.toString(v));
        return b.append('\n').toString();
    }

    /** {@code episodes.csv}: the live viewer's learning curve ({@code episode,steps,return}, as DQN's and PG's). */
    static String episodeLine(OffPolicyTraining.EpisodeRow e) {
        return e.episode() + "," + e.length() + "," + e.episodeReturn() + "\n";
    }

    /** {@code metrics.csv} and {@code episodes.csv}, streamed while a run trains and written whole by {@link #write}. */
    static List<dev.jgym.agents.run.CsvStream<OffPolicyTraining.EpisodeRow>> streams(Path dir) {
        return List.of(new dev.jgym.agents.run.CsvStream<>(dir.resolve(METRICS), METRICS_HEADER, OffPolicyOutput::metricsLine),
                new dev.jgym.agents.run.CsvStream<>(dir.resolve("episodes.csv"), "episode,steps,return\n", OffPolicyOutput::episodeLine));
    }

    public static void write(Path dir, OffPolicyConfig config, OffPolicyTraining.Result r) {
        for (var stream : streams(dir)) stream.start(r.episodes());
        PgOutput.writeEvaluations(dir, r.evaluations());
        Json.write(dir.resolve("summary.json"), summary(config, r));
        curves(dir, config.name(), r);
    }

    static ObjectNode summary(OffPolicyConfig config, OffPolicyTraining.Result r) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("name", config.name());
        root.put("env", config.env().id());
        root.put("algorithm", config.offpolicy().algorithm());
        root.put("seed", config.seed());
        root.put("steps", r.steps());
        root.put("episodes", r.episodes().size());
        root.put("gradient_steps", r.gradientSteps());
        if (Double.isFinite(r.threshold())) {
            root.put("threshold", r.threshold());
            root.put("solved", r.solved());
        }
        double[] returns = new double[r.episodes().size()];
        for (int i = 0; i < returns.length; i++) returns[i] = r.episodes().get(i).episodeReturn();
        PgOutput.putResults(root, r.finalEvaluation(), returns, r.parameters());
        return root;
    }

    private static void curves(Path dir, String title, OffPolicyTraining.Result r) {
        int n = Math.max(1, r.episodes().size());
        double[] x = new double[n], ret = new double[n], q1 = new double[n], q2 = new double[n], actor = new double[n];
        for (int i = 0; i < r.episodes().size(); i++) {
            OffPolicyTraining.EpisodeRow e = r.episodes().get(i);
            x[i] = e.step();
            ret[i] = e.episodeReturn();
            q1[i] = e.q1Loss();
            q2[i] = e.q2Loss();
            actor[i] = e.actorLoss();
        }
        XYChart chart = Charts.overSteps(title + ": return", "Return");
        Charts.line(chart, "training episodes", x, ret, new Color(0x1f77b4), false);
        int m = r.evaluations().size();
        if (m > 0) {
            double[] ex = new double[m], ey = new double[m];
            for (int i = 0; i < m; i++) {
                ex[i] = r.evaluations().get(i).step();
                ey[i] = r.evaluations().get(i).mean();
            }
            Charts.line(chart, "deterministic evaluation (mean)", ex, ey, new Color(0xd62728), true);
        }
        Charts.writePng(chart, dir.resolve("returns.png"));
        XYChart lc = Charts.overSteps(title + ": losses (mean per episode)", "Loss");
        Charts.line(lc, "critic 1 loss", x, q1, new Color(0x2ca02c), false);
        if (!Double.isNaN(q2[n - 1])) Charts.line(lc, "critic 2 loss", x, q2, new Color(0x9467bd), false);
        Charts.line(lc, "actor loss", x, actor, new Color(0xff7f0e), false);
        Charts.writePng(lc, dir.resolve("losses.png"));
    }
}
