package dev.jgym.agents.search;

import dev.jgym.agents.alphazero.AzModel;
import dev.jgym.agents.run.Charts;
import dev.jgym.agents.run.ExperimentKind;
import dev.jgym.agents.run.Progress;
import dev.jgym.agents.run.Run;
import dev.jgym.agents.run.RunOptions;
import dev.jgym.agents.run.StopSignal;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A round robin between board-game players as an experiment kind (a config with a top-level
 * {@code "arena"}): fixed players (MCTS, minimax, random, the solver, AlphaZero files) and, with
 * {@code models}, every model snapshot of an AlphaZero run, so the run's Elo over training is
 * measured against fixed anchors. Writes {@code table.txt} (the {@code jgym arena} table),
 * {@code ratings.csv} (player, iteration for models, Elo, 95% interval, score) and, with models,
 * {@code elo.png}: the models' Elo over training with their intervals, the anchors as lines.
 */
public final class ArenaKind implements ExperimentKind {
    private static final Pattern MODEL = Pattern.compile("iteration-(\\d+)\\.jgc");

    @Override
    public String name() {
        return "arena";
    }

    @Override
    public String description() {
        return "a round robin of board-game players (MCTS, minimax, AlphaZero snapshots) with Elo ratings";
    }

    @Override
    public String key() {
        return "arena";
    }

    /** The model snapshots of a folder, by iteration. */
    static List<Path> models(Path folder, String where) {
        if (!Files.isDirectory(folder)) throw new UserError(where + ": no folder " + folder + " (a run's models/ folder)");
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> out = files.filter(p -> MODEL.matcher(p.getFileName().toString()).matches()).sorted().toList();
            if (out.isEmpty()) throw new UserError(where + ": no iteration-NNNN.jgc in " + folder);
            return out;
        } catch (IOException e) {
            throw new UserError(where + ": cannot list " + folder + " (" + e.getMessage() + ")");
        }
    }

    @Override
    public Run prepare(Path configFile, RunOptions options) {
        ArenaConfig cfg = ArenaConfig.read(configFile);
        ArenaConfig.ArenaSettings s = cfg.arena();
        List<Arena.Entrant> entrants = new ArrayList<>();
        List<Integer> iterations = new ArrayList<>();
        for (int i = 0; i < s.players().size(); i++) {
            String p = s.players().get(i);
            entrants.add(new Arena.Entrant(p, Players.parse(p, cfg.game(), configFile + ": $.arena.players[" + i + "]")));
            iterations.add(-1);
        }
        if (s.models() != null) {
            for (Path m : models(Path.of(s.models()), configFile + ": $.arena.models")) {
                Matcher x = MODEL.matcher(m.getFileName().toString());
                x.matches();
                int it = Integer.parseInt(x.group(1));
                String spec = "az:" + m + (s.simulations() == null ? "" : ":" + s.simulations());
                entrants.add(new Arena.Entrant("az-" + it, Players.parse(spec, cfg.game(), configFile + ": $.arena.models")));
                iterations.add(it);
            }
        }
        if (entrants.size() < 2) throw new UserError(configFile + ": $.arena: expected at least 2 players in all, found " + entrants.size());
        int n = entrants.size();
        long total = (long) n * (n - 1) / 2 * s.games();
        return new Run() {
            @Override
            public String name() {
                return cfg.name();
            }

            @Override
            public String banner(int threads) {
                return String.format(Locale.ROOT, "%s: a %s round robin of %d players, %d games per pair", cfg.name(), cfg.game(), n, s.games());
            }

            @Override
            public String unit() {
                return "games";
            }

            @Override
            public long totalWork() {
                return total;
            }

            @Override
            public Outcome run(Path dir, Progress progress, StopSignal stop) {
                Arena.Result r = Arena.roundRobin(() -> AzModel.game(cfg.game()), entrants, s.games(), cfg.seed(), () -> progress.advance(1));
                String table = r.table();
                Json.writeAtomically(dir.resolve("table.txt"), table.getBytes(StandardCharsets.UTF_8));
                StringBuilder csv = new StringBuilder("player,iteration,elo,low,high,score\n");
                for (int i = 0; i < n; i++) {
                    csv.append(r.names().get(i)).append(',').append(iterations.get(i) < 0 ? "" : iterations.get(i)).append(',')
                            .append(r.ratings().elo()[i]).append(',').append(r.ratings().low()[i]).append(',').append(r.ratings().high()[i]).append(',')
                            .append(r.score(i)).append('\n');
                }
                Json.writeAtomically(dir.resolve("ratings.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
                if (s.models() != null) chart(dir.resolve("elo.png"), cfg, r, iterations);
                return Run.finished(total, out -> out.print(table));
            }
        };
    }

    /** The models' Elo against their iteration (with 95% intervals), each fixed player a horizontal line. */
    static void chart(Path png, ArenaConfig cfg, Arena.Result r, List<Integer> iterations) {
        List<Integer> models = new ArrayList<>();
        for (int i = 0; i < iterations.size(); i++) if (iterations.get(i) >= 0) models.add(i);
        double[] x = new double[models.size()], y = new double[models.size()], err = new double[models.size()];
        double first = Double.MAX_VALUE, last = 0;
        for (int k = 0; k < models.size(); k++) {
            int i = models.get(k);
            x[k] = iterations.get(i);
            y[k] = r.ratings().elo()[i];
            err[k] = (r.ratings().high()[i] - r.ratings().low()[i]) / 2;
            first = Math.min(first, x[k]);
            last = Math.max(last, x[k]);
        }
        XYChart chart = Charts.overSteps(cfg.name() + ": Elo over training (" + cfg.arena().games() + " games per pair, 95% intervals)",
                "Elo (" + r.names().get(0) + " = 0)");
        chart.setXAxisTitle("Training iteration");
        XYSeries snapshots = chart.addSeries("AlphaZero snapshots", x, y, err);
        snapshots.setMarker(SeriesMarkers.CIRCLE);
        snapshots.setLineColor(new Color(0xd62728));
        snapshots.setMarkerColor(new Color(0xd62728));
        Color[] palette = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0x9467bd), new Color(0x8c564b), new Color(0x7f7f7f), new Color(0xbcbd22)};
        int c = 0;
        for (int i = 0; i < iterations.size(); i++) {
            if (iterations.get(i) >= 0) continue;
            double e = r.ratings().elo()[i];
            Charts.line(chart, r.names().get(i), new double[] {first, last}, new double[] {e, e}, palette[c++ % palette.length], false);
        }
        Charts.writePng(chart, png);
    }
}
