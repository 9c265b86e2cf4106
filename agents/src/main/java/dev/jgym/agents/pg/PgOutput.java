package dev.jgym.agents.pg;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.agents.run.Charts;
import dev.jgym.agents.run.CsvStream;
import dev.jgym.core.config.Json;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * What {@code jgym train} writes for a policy-gradient config besides {@code config.json} (the
 * runner's copy) and {@code checkpoint.jgc}: {@code metrics.csv} (one line per training episode, streamed
 * while it trains, with {@code episodes.csv} for the live viewer),
 * {@code updates.csv} (one line per update: learning rate, clip range, policy and value loss,
 * entropy, approximate KL, clip fraction, explained variance, the Gaussian's mean sigma),
 * {@code evaluations.csv} (one line per greedy evaluation), {@code summary.json} (the final greedy
 * evaluation), {@code returns.png} and {@code losses.png}. Every file through a temporary file and a rename.
 */
public final class PgOutput {
    private PgOutput() {}

    /** {@code metrics.csv}: one line per training episode. */
    static final String METRICS = "metrics.csv", METRICS_HEADER = "episode,step,env,return,length\n";
    /** {@code episodes.csv}: the live viewer's learning curve ({@code episode,steps,return}, as DQN's). */
    static final String EPISODES = "episodes.csv", EPISODES_HEADER = "episode,steps,return\n";

    static String metricsLine(PgTraining.EpisodeRow e) {
        return e.episode() + "," + e.step() + "," + e.env() + "," + e.episodeReturn() + "," + e.length() + "\n";
    }

    static String episodeLine(PgTraining.EpisodeRow e) {
        return e.episode() + "," + e.length() + "," + e.episodeReturn() + "\n";
    }

    /** The two files streamed while a run trains ({@link CsvStream}); {@link #write} writes them whole at the end. */
    static List<CsvStream<PgTraining.EpisodeRow>> streams(Path dir) {
        return List.of(new CsvStream<>(dir.resolve(METRICS), METRICS_HEADER, PgOutput::metricsLine),
                new CsvStream<>(dir.resolve(EPISODES), EPISODES_HEADER, PgOutput::episodeLine));
    }

    public static void write(Path dir, PgConfig config, PgTraining.Result r) {
        for (CsvStream<PgTraining.EpisodeRow> s : streams(dir)) s.start(r.episodes());
        StringBuilder up = new StringBuilder("iteration,step,learning_rate,clip_range,policy_loss,value_loss,entropy,approx_kl,clip_fraction,"
                + "explained_variance,std\n");
        for (PgTraining.UpdateRow u : r.updates()) {
            up.append(u.iteration()).append(',').append(u.step());
            for (double v : new double[] {u.learningRate(), u.clipRange(), u.policyLoss(), u.valueLoss(), u.entropy(), u.approxKl(),
                    u.clipFraction(), u.explainedVariance(), u.std()}) up.append(',').append(num(v));
            up.append('\n');
        }
        Json.writeAtomically(dir.resolve("updates.csv"), up.toString().getBytes(StandardCharsets.UTF_8));
        writeEvaluations(dir, r.evaluations());
        Json.write(dir.resolve("summary.json"), summary(config, r));
        curves(dir, config.name(), r);
    }

    /** {@code evaluations.csv}: one line per evaluation (also the off-policy family's). */
    public static void writeEvaluations(Path dir, java.util.List<PgTraining.EvalRow> rows) {
        StringBuilder ev = new StringBuilder("step,episodes,mean_return,std_return,min_return,max_return,mean_length\n");
        for (PgTraining.EvalRow e : rows) ev.append(evalLine(e));
        Json.writeAtomically(dir.resolve("evaluations.csv"), ev.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String evalLine(PgTraining.EvalRow e) {
        return e.step() + "," + e.episodes() + "," + e.mean() + "," + e.std() + "," + e.min() + "," + e.max() + "," + e.meanLength() + "\n";
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    static ObjectNode summary(PgConfig config, PgTraining.Result r) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("name", config.name());
        root.put("env", config.env().id());
        root.put("algorithm", config.pg().algorithm());
        root.put("seed", config.seed());
        root.put("steps", r.steps());
        root.put("episodes", r.episodes().size());
        root.put("updates", r.updates().size());
        root.put("gradient_steps", r.gradientSteps());
        if (Double.isFinite(r.threshold())) {
            root.put("threshold", r.threshold());
            root.put("solved", r.solved());
        }
        double[] returns = new double[r.episodes().size()];
        for (int i = 0; i < returns.length; i++) returns[i] = r.episodes().get(i).episodeReturn();
        putResults(root, r.finalEvaluation(), returns, r.parameters());
        return root;
    }

    /** A summary's {@code final_evaluation}, {@code last_100_training_return} (when there are training episodes) and {@code parameters}. */
    public static void putResults(ObjectNode root, PgTraining.EvalRow f, double[] trainingReturns, long parameters) {
        ObjectNode fe = root.putObject("final_evaluation");
        fe.put("episodes", f.episodes());
        fe.put("mean_return", f.mean());
        fe.put("std_return", f.std());
        fe.put("min_return", f.min());
        fe.put("max_return", f.max());
        fe.put("mean_length", f.meanLength());
        int n = trainingReturns.length, from = Math.max(0, n - 100);
        double sum = 0;
        for (int i = from; i < n; i++) sum += trainingReturns[i];
        if (n > 0) root.put("last_100_training_return", sum / (n - from));
        root.put("parameters", parameters);
    }

    private static void curves(Path dir, String title, PgTraining.Result r) {
        int n = r.episodes().size();
        double[] x = new double[Math.max(1, n)], ret = new double[Math.max(1, n)];
        for (int i = 0; i < n; i++) {
            x[i] = r.episodes().get(i).step();
            ret[i] = r.episodes().get(i).episodeReturn();
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
            Charts.line(chart, "greedy evaluation (mean)", ex, ey, new Color(0xd62728), true);
        }
        Charts.writePng(chart, dir.resolve("returns.png"));
        int u = Math.max(1, r.updates().size());
        double[] ux = new double[u], pl = new double[u], vl = new double[u];
        for (int i = 0; i < r.updates().size(); i++) {
            ux[i] = r.updates().get(i).step();
            pl[i] = r.updates().get(i).policyLoss();
            vl[i] = r.updates().get(i).valueLoss();
        }
        XYChart lc = Charts.overSteps(title + ": losses (mean per update)", "Loss");
        Charts.line(lc, "policy loss", ux, pl, new Color(0x2ca02c), false);
        Charts.line(lc, "value loss", ux, vl, new Color(0x9467bd), false);
        Charts.writePng(lc, dir.resolve("losses.png"));
    }
}
