package dev.jgym.agents.alphazero;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.agents.run.Charts;
import dev.jgym.core.config.Json;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * What {@code jgym train} writes for an AlphaZero config besides {@code config.json},
 * {@code checkpoint.jgc}, {@code models/} and {@code replays/selfplay/}: {@code games.csv} (one
 * line per self-play game: length, winner), {@code iterations.csv} (one line per iteration: mean
 * policy and value loss, mean game length, first-player wins, second-player wins, draws),
 * {@code evaluations.csv} (games against the reference player: wins, draws, losses, score),
 * {@code summary.json}, {@code losses.png} and {@code evaluation.png}. The three CSV files are
 * rewritten after every iteration while the run goes on; every file through a temporary file and
 * a rename.
 */
public final class AzOutput {
    private AzOutput() {}

    public static void write(Path dir, AzConfig config, AzTraining.Result r) {
        writeRows(dir, r.games(), r.iterations(), r.evaluations());
        Json.write(dir.resolve("summary.json"), summary(config, r));
        charts(dir, config.name(), r);
    }

    /** The three CSV files as the rows stand (also after every iteration, so a live run can be followed). */
    static void writeRows(Path dir, List<AzTraining.GameRow> gameRows, List<AzTraining.IterationRow> iterationRows, List<AzTraining.EvalRow> evalRows) {
        StringBuilder games = new StringBuilder("iteration,game,moves,winner\n");
        for (AzTraining.GameRow g : gameRows) games.append(g.iteration() + 1).append(',').append(g.game()).append(',').append(g.moves()).append(',').append(g.winner()).append('\n');
        Json.writeAtomically(dir.resolve("games.csv"), games.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder it = new StringBuilder("iteration,games,positions,window_positions,policy_loss,value_loss,mean_length,first_player_wins,second_player_wins,draws\n");
        for (AzTraining.IterationRow i : iterationRows) {
            it.append(i.iteration()).append(',').append(i.games()).append(',').append(i.positions()).append(',').append(i.windowPositions()).append(',')
                    .append(num(i.policyLoss())).append(',').append(num(i.valueLoss())).append(',').append(i.meanLength()).append(',')
                    .append(i.firstWins()).append(',').append(i.secondWins()).append(',').append(i.draws()).append('\n');
        }
        Json.writeAtomically(dir.resolve("iterations.csv"), it.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder ev = new StringBuilder("iteration,opponent,games,wins,draws,losses,score\n");
        for (AzTraining.EvalRow e : evalRows) {
            ev.append(e.iteration()).append(',').append(e.opponent()).append(',').append(e.games()).append(',').append(e.wins()).append(',')
                    .append(e.draws()).append(',').append(e.losses()).append(',').append(e.score()).append('\n');
        }
        Json.writeAtomically(dir.resolve("evaluations.csv"), ev.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    static ObjectNode summary(AzConfig config, AzTraining.Result r) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("name", config.name());
        root.put("game", config.game());
        root.put("seed", config.seed());
        root.put("iterations", r.iterations().size());
        root.put("games", r.games().size());
        long positions = 0;
        for (AzTraining.GameRow g : r.games()) positions += g.moves();
        root.put("positions", positions);
        root.put("parameters", r.parameters());
        if (!r.evaluations().isEmpty()) {
            AzTraining.EvalRow e = r.evaluations().get(r.evaluations().size() - 1);
            ObjectNode fe = root.putObject("final_evaluation");
            fe.put("iteration", e.iteration());
            fe.put("opponent", e.opponent());
            fe.put("games", e.games());
            fe.put("wins", e.wins());
            fe.put("draws", e.draws());
            fe.put("losses", e.losses());
            fe.put("score", e.score());
        }
        return root;
    }

    private static void charts(Path dir, String title, AzTraining.Result r) {
        int n = Math.max(1, r.iterations().size());
        double[] x = new double[n], pl = new double[n], vl = new double[n], len = new double[n];
        for (int i = 0; i < r.iterations().size(); i++) {
            AzTraining.IterationRow row = r.iterations().get(i);
            x[i] = row.iteration();
            pl[i] = Double.isNaN(row.policyLoss()) ? 0 : row.policyLoss();
            vl[i] = Double.isNaN(row.valueLoss()) ? 0 : row.valueLoss();
            len[i] = row.meanLength();
        }
        XYChart lc = Charts.overSteps(title + ": losses (mean per iteration) and game length", "Loss / moves");
        lc.setXAxisTitle("Iteration");
        Charts.line(lc, "policy loss (cross-entropy)", x, pl, new Color(0x2ca02c), false);
        Charts.line(lc, "value loss (squared error)", x, vl, new Color(0x9467bd), false);
        double[] scaled = new double[n];
        double maxLen = 1;
        for (double v : len) maxLen = Math.max(maxLen, v);
        for (int i = 0; i < n; i++) scaled[i] = len[i] / maxLen;
        Charts.line(lc, String.format(java.util.Locale.ROOT, "mean game length / %.1f moves (its maximum)", maxLen), x, scaled, new Color(0x1f77b4), false);
        Charts.writePng(lc, dir.resolve("losses.png"));
        int m = r.evaluations().size();
        double[] ex = new double[Math.max(1, m)], ey = new double[Math.max(1, m)];
        for (int i = 0; i < m; i++) {
            ex[i] = r.evaluations().get(i).iteration();
            ey[i] = r.evaluations().get(i).score();
        }
        XYChart ec = Charts.overSteps(title + ": score against " + (m > 0 ? r.evaluations().get(0).opponent() : "the reference"), "Score (win 1, draw 1/2)");
        ec.setXAxisTitle("Iteration");
        Charts.line(ec, "score", ex, ey, new Color(0xd62728), true);
        Charts.writePng(ec, dir.resolve("evaluation.png"));
    }
}
