package dev.jgym.experiments.spam;

import dev.jgym.agents.run.ExperimentKind;
import dev.jgym.agents.run.Run;
import dev.jgym.agents.run.RunOptions;
import dev.jgym.core.config.Json;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Spam filters on the SpamAssassin corpus (a config with a top-level {@code "spam"}): see
 * {@link SpamFilter}. Writes {@code metrics.csv} (per filter and held-out set: counts, precision,
 * recall, F1, ROC AUC) and {@code summary.json} (the split, the vocabulary size, the same figures
 * and the linear filters' top words).
 */
public final class SpamKind implements ExperimentKind {
    @Override
    public String name() {
        return "spam";
    }

    @Override
    public String description() {
        return "spam filters (perceptron, logistic regression, MLP) on the SpamAssassin corpus, bag of words";
    }

    @Override
    public String key() {
        return "spam";
    }

    @Override
    public Run prepare(Path configFile, RunOptions options) {
        SpamConfig cfg = SpamConfig.read(configFile);
        SpamFilter filter = new SpamFilter(cfg, configFile.toString());
        filter.validate();
        return Run.of(cfg.name(), threads -> String.format(Locale.ROOT, "%s: SpamAssassin, %.0f%% of each group held out, vocabulary of %d words, %d filter(s), %d threads",
                cfg.name(), 100 * cfg.data().testFraction(), cfg.data().vocabulary(), cfg.spam().size(), threads), "filters", cfg.spam().size(), (dir, progress, stop) -> {
                    SpamFilter.Result r = filter.run(options.threads(), progress::advance);
                    Json.writeAtomically(dir.resolve("metrics.csv"), SpamFilter.csv(r).getBytes(StandardCharsets.UTF_8));
                    Json.write(dir.resolve("summary.json"), filter.summary(r));
                    return Run.finished(cfg.spam().size(), out -> print(out, r));
                });
    }

    /** The figures as a table, then each linear filter's top words. */
    static void print(PrintStream out, SpamFilter.Result r) {
        SpamFilter.Corpus c = r.corpus();
        out.printf(Locale.ROOT, "held out: %d easy ham, %d hard ham, %d spam; trained on %d mails; vocabulary %d words%n",
                c.count(true, dev.jgym.nn.data.SpamAssassin.Kind.EASY_HAM), c.count(true, dev.jgym.nn.data.SpamAssassin.Kind.HARD_HAM),
                c.count(true, dev.jgym.nn.data.SpamAssassin.Kind.SPAM), c.train().length, c.words().size());
        out.printf(Locale.ROOT, "%-20s %-9s %9s %7s %7s %7s %4s %4s%n", "filter", "ham", "precision", "recall", "F1", "AUC", "FP", "FN");
        for (SpamFilter.ModelResult m : r.models()) {
            for (String subset : SpamFilter.SUBSETS) {
                Detection d = m.subset(subset);
                out.printf(Locale.ROOT, "%-20s %-9s %9.4f %7.4f %7.4f %7.4f %4d %4d%n", m.type(), subset.replace("_ham", ""), d.precision(), d.recall(), d.f1(), d.auc(),
                        d.falsePositives(), d.falseNegatives());
            }
        }
        for (SpamFilter.ModelResult m : r.models()) {
            if (m.spamWords().isEmpty()) continue;
            out.printf(Locale.ROOT, "%s, most spam-like: %s%n", m.type(), words(m.spamWords()));
            out.printf(Locale.ROOT, "%s, most ham-like:  %s%n", m.type(), words(m.hamWords()));
        }
    }

    private static String words(java.util.List<SpamFilter.Word> ws) {
        StringBuilder sb = new StringBuilder();
        for (SpamFilter.Word w : ws) sb.append(sb.length() == 0 ? "" : ", ").append(w.word()).append(String.format(Locale.ROOT, " (%+.3g)", w.weight()));
        return sb.toString();
    }
}
