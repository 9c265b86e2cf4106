package dev.jgym.agents.dqn;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.agents.run.Charts;
import dev.jgym.core.config.Json;
import dev.jgym.nn.Param;
import dev.jgym.nn.io.ModelFile;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;

/**
 * What {@code jgym train} writes for a DQN config: {@code config.json} (a copy),
 * {@code metrics.csv} (one line per training episode), {@code evaluations.csv} (one line per
 * greedy evaluation), {@code summary.json}, {@code returns.png}, {@code loss.png},
 * {@code q.png}, {@code model.jgm} (the online network; not for dueling networks),
 * {@code checkpoint.jgc} (written during the run), {@code timing.json} (wall time and steps/s:
 * the only file that depends on the machine), for an imitation run {@code imitation.csv} (the
 * discriminator's loss and mean D on expert and learner pairs, every 1000 updates) and, unless the config's {@code replays} turns them
 * off, greedy evaluation episodes as replays ({@link DqnReplays}: {@code replays/final-evaluation.jgr},
 * {@code replays/evaluation/episode-K.jgr}).
 */
public final class DqnOutput {
    private DqnOutput() {}

    public static void write(Path dir, Path configFile, DqnConfig config, DqnTraining.Result r) {
        try {
            Files.createDirectories(dir);
            Json.writeAtomically(dir.resolve("config.json"), Files.readAllBytes(configFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir, e);
        }
        StringBuilder csv = new StringBuilder(METRICS_HEADER);
        StringBuilder log = new StringBuilder(EpisodeStream.EPISODES_HEADER);
        for (DqnTraining.EpisodeRow row : r.episodes()) {
            csv.append(metricsLine(row));
            log.append(EpisodeStream.episodeLine(row));
        }
        Json.writeAtomically(dir.resolve("metrics.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
        Json.writeAtomically(dir.resolve(EpisodeStream.EPISODES), log.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder ev = new StringBuilder("step,episodes,mean_return,std_return,min_return,max_return,mean_length\n");
        for (DqnTraining.EvalRow e : r.evaluations()) ev.append(evalLine(e));
        Json.writeAtomically(dir.resolve("evaluations.csv"), ev.toString().getBytes(StandardCharsets.UTF_8));
        Json.write(dir.resolve("summary.json"), summary(config, r));
        if (r.learner().imitation() != null) {
            StringBuilder im = new StringBuilder("updates,step,discriminator_loss,expert_score,learner_score,mean_reward\n");
            for (AdversarialImitation.Row row : r.learner().imitation().rows()) {
                im.append(row.updates()).append(',').append(row.step()).append(',').append(row.loss()).append(',').append(row.expertScore())
                        .append(',').append(row.learnerScore()).append(',').append(num(row.meanReward())).append('\n');
            }
            Json.writeAtomically(dir.resolve("imitation.csv"), im.toString().getBytes(StandardCharsets.UTF_8));
        }
        curves(dir, config.name(), r);
        if (r.learner().model() != null) ModelFile.save(dir.resolve("model.jgm"), r.learner().model());
    }

    static final String METRICS_HEADER = "episode,step,return,length,epsilon,loss,mean_q\n";

    /** One training episode's line of {@code metrics.csv}. */
    static String metricsLine(DqnTraining.EpisodeRow row) {
        return row.episode() + "," + row.step() + "," + row.episodeReturn() + "," + row.length() + "," + row.epsilon() + "," + num(row.loss())
                + "," + num(row.meanQ()) + "\n";
    }

    private static String evalLine(DqnTraining.EvalRow e) {
        return e.step() + "," + e.episodes() + "," + e.mean() + "," + e.std() + "," + e.min() + "," + e.max() + "," + e.meanLength() + "\n";
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    static ObjectNode summary(DqnConfig config, DqnTraining.Result r) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("name", config.name());
        root.put("env", config.env().id());
        root.put("seed", config.seed());
        root.put("steps", r.steps());
        root.put("episodes", r.episodes().size());
        root.put("updates", r.updates());
        root.put("solved", r.solved());
        if (r.solved()) root.put("solved_at_step", r.solvedAtStep());
        DqnTraining.EvalRow f = r.finalEvaluation();
        ObjectNode fe = root.putObject("final_evaluation");
        fe.put("episodes", f.episodes());
        fe.put("mean_return", f.mean());
        fe.put("std_return", f.std());
        fe.put("min_return", f.min());
        fe.put("max_return", f.max());
        fe.put("mean_length", f.meanLength());
        int n = r.episodes().size(), from = Math.max(0, n - 100);
        double sum = 0;
        for (int i = from; i < n; i++) sum += r.episodes().get(i).episodeReturn();
        if (n > 0) root.put("last_100_training_return", sum / (n - from));
        long params = 0;
        for (Param p : r.learner().params()) params += p.value().size();
        root.put("parameters", params);
        if (r.learner().imitation() != null) root.set("imitation", r.learner().imitation().summary());
        return root;
    }

    private static void curves(Path dir, String title, DqnTraining.Result r) {
        int n = r.episodes().size();
        double[] x = new double[Math.max(1, n)], ret = new double[Math.max(1, n)];
        int withLoss = 0;
        for (DqnTraining.EpisodeRow e : r.episodes()) if (!Double.isNaN(e.loss())) withLoss++;
        double[] lx = new double[Math.max(1, withLoss)], loss = new double[Math.max(1, withLoss)], q = new double[Math.max(1, withLoss)];
        int k = 0;
        for (int i = 0; i < n; i++) {
            DqnTraining.EpisodeRow e = r.episodes().get(i);
            x[i] = e.step();
            ret[i] = e.episodeReturn();
            if (!Double.isNaN(e.loss())) {
                lx[k] = e.step();
                loss[k] = e.loss();
                q[k] = e.meanQ();
                k++;
            }
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
        XYChart lc = Charts.overSteps(title + ": loss (mean per episode)", "Loss");
        Charts.line(lc, "loss", lx, loss, new Color(0x2ca02c), false);
        Charts.writePng(lc, dir.resolve("loss.png"));
        XYChart qc = Charts.overSteps(title + ": mean Q(s, a) of minibatches", "Q");
        Charts.line(qc, "mean Q", lx, q, new Color(0x9467bd), false);
        Charts.writePng(qc, dir.resolve("q.png"));
    }
}
