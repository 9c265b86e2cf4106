package dev.jgym.agents.alphazero;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.agents.run.Charts;
import dev.jgym.agents.run.CsvStream;
import dev.jgym.core.config.Json;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * What {@code jgym train} writes for an AlphaZero config besides {@code config.json},
 * {@code checkpoint.jgc}, {@code models/} and {@code replays/selfplay/}: {@code metrics.csv} (one
 * line per iteration: games, positions, mean policy and value loss, mean game length,
 * first-player wins, second-player wins, draws), {@code episodes.csv} (one line per self-play
 * game: {@code episode,steps,return} as every family's, the return the first player's outcome,
 * +1 won, 0 drawn, -1 lost, then the iteration and the winner), {@code evaluations.csv} (games
 * against the reference player: wins, draws, losses, score), {@code summary.json},
 * {@code losses.png} and {@code evaluation.png}. The three CSV files are streamed while the run
 * trains ({@link Streams}); every other file through a temporary file and a rename.
 */
public final class AzOutput {
    private AzOutput() {}

    static final String METRICS = "metrics.csv", METRICS_HEADER = "iteration,games,positions,window_positions,policy_loss,value_loss,"
            + "mean_length,first_player_wins,second_player_wins,draws\n";
    static final String EPISODES = "episodes.csv", EPISODES_HEADER = "episode,steps,return,iteration,winner\n";
    static final String EVALUATIONS = "evaluations.csv", EVALUATIONS_HEADER = "iteration,opponent,games,wins,draws,losses,score\n";

    public static void write(Path dir, AzConfig config, AzTraining.Result r) {
        new Streams(dir, config).start(r.games(), r.iterations(), r.evaluations());
        Json.write(dir.resolve("summary.json"), summary(config, r));
        charts(dir, config.name(), r);
    }

    /**
     * The three CSV files streamed while a run trains ({@link CsvStream}: appended in whole lines
     * at most once a second, flushed at every checkpoint, on a stop and at the end), so the live
     * viewer follows the losses and a killed run leaves the rows done; the finished files are byte
     * for byte what {@link #write} writes from the result.
     */
    static final class Streams {
        final CsvStream<AzTraining.GameRow> episodes;
        final CsvStream<AzTraining.IterationRow> metrics;
        final CsvStream<AzTraining.EvalRow> evaluations;

        Streams(Path dir, AzConfig config) {
            int perIteration = config.alphazero().gamesPerIteration();
            episodes = new CsvStream<>(dir.resolve(EPISODES), EPISODES_HEADER, g -> episodeLine(g, perIteration));
            metrics = new CsvStream<>(dir.resolve(METRICS), METRICS_HEADER, AzOutput::metricsLine);
            evaluations = new CsvStream<>(dir.resolve(EVALUATIONS), EVALUATIONS_HEADER, AzOutput::evaluationLine);
        }

        /** Starts the three files over from these rows (a fresh run: none; a resumed one: its checkpoint's). */
        void start(List<AzTraining.GameRow> games, List<AzTraining.IterationRow> iterations, List<AzTraining.EvalRow> evals) {
            episodes.start(games);
            metrics.start(iterations);
            evaluations.start(evals);
        }

        void flush() {
            episodes.flush();
            metrics.flush();
            evaluations.flush();
        }
    }

    /** A game's line: its number over the run (from 0), moves, the first player's outcome, its iteration (from 1), the winner (-1: a draw). */
    private static String episodeLine(AzTraining.GameRow g, int gamesPerIteration) {
        double firstPlayer = g.winner() < 0 ? 0 : g.winner() == 0 ? 1 : -1;
        return ((long) g.iteration() * gamesPerIteration + g.game()) + "," + g.moves() + "," + firstPlayer + "," + (g.iteration() + 1) + ","
                + g.winner() + "\n";
    }

    private static String metricsLine(AzTraining.IterationRow i) {
        return i.iteration() + "," + i.games() + "," + i.positions() + "," + i.windowPositions() + "," + num(i.policyLoss()) + ","
                + num(i.valueLoss()) + "," + i.meanLength() + "," + i.firstWins() + "," + i.secondWins() + "," + i.draws() + "\n";
    }

    private static String evaluationLine(AzTraining.EvalRow e) {
        return e.iteration() + "," + e.opponent() + "," + e.games() + "," + e.wins() + "," + e.draws() + "," + e.losses() + "," + e.score() + "\n";
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
