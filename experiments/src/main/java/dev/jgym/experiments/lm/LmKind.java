package dev.jgym.experiments.lm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.agents.run.Charts;
import dev.jgym.agents.run.CsvStream;
import dev.jgym.agents.run.ExperimentKind;
import dev.jgym.agents.run.Progress;
import dev.jgym.agents.run.Run;
import dev.jgym.agents.run.RunOptions;
import dev.jgym.agents.run.StopSignal;
import dev.jgym.core.config.Json;
import dev.jgym.nn.io.ModelFile;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;

/**
 * Character-level language models (a config with a top-level {@code "lm"}): see {@link CharLm}.
 * Streams {@code metrics.csv} (step, lr, train and validation bits per character, a line per
 * evaluation, appended while it trains: {@code jgym view --live} draws it) and writes
 * {@code summary.json}, {@code bpc.png}, {@code model.jgm} and {@code vocabulary.json} (what
 * {@code jgym sample} reads beside the model).
 */
public final class LmKind implements ExperimentKind {
    @Override
    public String name() {
        return "lm";
    }

    @Override
    public String description() {
        return "character-level language models (Transformer, LSTM) on Moby-Dick, in bits per character";
    }

    @Override
    public String key() {
        return "lm";
    }

    @Override
    public boolean takesBackend() {
        return true;
    }

    @Override
    public Run prepare(Path configFile, RunOptions options) {
        LmConfig cfg = LmConfig.read(configFile);
        CharLm lm = new CharLm(cfg, configFile.toString());
        lm.validate();
        return new Run() {
            @Override
            public String name() {
                return cfg.name();
            }

            @Override
            public String banner(int threads) {
                return String.format(Locale.ROOT, "%s: %s, %d steps of %d x %d characters, %s", cfg.name(), cfg.lm().dataset(), cfg.training().steps(),
                        cfg.training().batchSize(), cfg.training().context(), options.backend() == null ? threads + " threads" : "backend " + options.backend());
            }

            @Override
            public String unit() {
                return "steps";
            }

            @Override
            public long totalWork() {
                return cfg.training().steps();
            }

            @Override
            public Outcome run(Path dir, Progress progress, StopSignal stop) {
                CsvStream<CharLm.Row> metrics = metricsStream(dir);
                metrics.start(List.of());
                CharLm.Result r = lm.run(options.backend(), options.threads(), progress::advance, metrics::add);
                metrics.flush();
                write(dir, cfg, r);
                return Run.finished(cfg.training().steps(), out -> {
                    out.printf(Locale.ROOT, "%6s %10s %10s %10s%n", "step", "lr", "train bpc", "val bpc");
                    for (CharLm.Row row : r.rows()) out.printf(Locale.ROOT, "%6d %10.2e %10.4f %10.4f%n", row.step(), row.lr(), row.trainBpc(), row.valBpc());
                    out.printf(Locale.ROOT, "%d parameters; validation %.4f bits per character%n", r.parameters(), r.finalValBpc());
                });
            }
        };
    }

    /** {@code metrics.csv}, one line per evaluation, appended while the model trains. */
    static CsvStream<CharLm.Row> metricsStream(Path dir) {
        return new CsvStream<>(dir.resolve("metrics.csv"), "step,lr,train_bpc,val_bpc\n",
                row -> row.step() + "," + row.lr() + "," + row.trainBpc() + "," + row.valBpc() + "\n");
    }

    /** Everything but {@code metrics.csv} (streamed by then). */
    static void write(Path dir, LmConfig cfg, CharLm.Result r) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("name", cfg.name()).put("dataset", cfg.lm().dataset()).put("seed", cfg.seed()).put("parameters", r.parameters());
        s.put("steps", cfg.training().steps()).put("val_bpc", r.finalValBpc()).put("train_bpc", r.rows().get(r.rows().size() - 1).trainBpc());
        s.set("model", r.model().spec());
        Json.write(dir.resolve("summary.json"), s);
        Json.write(dir.resolve("vocabulary.json"), JsonNodeFactory.instance.objectNode().put("vocabulary", new String(r.vocabulary())));
        Charts.writePng(chart(cfg.name(), new String[] {cfg.name()}, new CharLm.Result[] {r}), dir.resolve("bpc.png"));
        ModelFile.save(dir.resolve("model.jgm"), r.model());
    }

    /** Validation bits per character over optimizer steps, one line per run. */
    public static XYChart chart(String title, String[] names, CharLm.Result[] runs) {
        return chart(title, "optimizer step", names, runs, null);
    }

    /** The same over another x: step times {@code xPerStep[i]} for run i (seconds of a time budget, say); null: steps. */
    public static XYChart chart(String title, String xTitle, String[] names, CharLm.Result[] runs, double[] xPerStep) {
        XYChart chart = Charts.overSteps(title, "validation bits per character");
        chart.setXAxisTitle(xTitle);
        Color[] colours = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)};
        for (int i = 0; i < runs.length; i++) {
            double scale = xPerStep == null ? 1 : xPerStep[i];
            double[] x = runs[i].rows().stream().mapToDouble(r -> r.step() * scale).toArray();
            double[] y = runs[i].rows().stream().mapToDouble(CharLm.Row::valBpc).toArray();
            Charts.line(chart, names[i], x, y, colours[i % colours.length], true);
        }
        return chart;
    }
}
