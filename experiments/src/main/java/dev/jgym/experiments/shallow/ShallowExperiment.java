package dev.jgym.experiments.shallow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.nn.data.FashionMnist;
import dev.jgym.core.rng.Rng;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * Runs a {@link ShallowConfig}: draws the few-shot split, trains each classifier on it, scores the
 * validation images and reports per-class ROC AUC, their mean and the accuracy of the top class.
 *
 * <p>Determinism: the split comes from the seed ({@link FewShot}); classifier i draws from
 * {@code seed.child("model").child(i)}; annealing solves run in parallel on a fixed partition,
 * each seeded from its batch index ({@link BatchSolves}); so {@code summary.json},
 * {@code metrics.csv} and the weight maps are byte-identical for any {@code --threads} (the MLP
 * through the CPU backend, which is thread-count independent too).
 */
public final class ShallowExperiment {
    private final ShallowConfig config;
    private final String source;

    /** One classifier's outcome; weights are the per-class weight maps (null for the MLP). */
    public record ModelResult(String type, double[] auc, double meanAuc, double accuracy, double[][] weights, double seconds) {}

    public record Result(FewShot.Split split, List<ModelResult> models) {}

    public ShallowExperiment(ShallowConfig config, String source) {
        this.config = config;
        this.source = source;
    }


    private Object settings(int i) {
        JsonNode node = config.shallow().get(i);
        String path = "$.shallow[" + i + "]";
        if (!node.isObject() || !node.has("type") || !node.get("type").isTextual()) {
            throw new UserError(source + ": " + path + ".type: missing (expected \"ising_layers\", \"qboost\" or \"mlp\")");
        }
        ObjectNode rest = ((ObjectNode) node).deepCopy();
        String type = rest.remove("type").asText();
        switch (type) {
            case "ising_layers": return Json.bind(rest, IsingLayers.Settings.class, source, path);
            case "qboost": return Json.bind(rest, QBoost.Settings.class, source, path);
            case "mlp": return Json.bind(rest, MlpBaseline.Settings.class, source, path);
            default: throw new UserError(source + ": " + path + ".type: expected \"ising_layers\", \"qboost\" or \"mlp\", found \"" + type + "\"");
        }
    }

    /** Checks every classifier's settings (before loading any data). */
    public void validate() {
        for (int i = 0; i < config.shallow().size(); i++) settings(i);
    }

    /** Progress units: annealing solves, stump QUBOs and MLP epochs. */
    public long totalWork() {
        long total = 0;
        for (int i = 0; i < config.shallow().size(); i++) {
            Object s = settings(i);
            if (s instanceof IsingLayers.Settings is) total += 10L * new IsingLayers(is).solvesPerClass(config.data().train());
            else total += 1;
        }
        return total;
    }

    public Result run(int threads, LongConsumer progress) {
        validate();
        FewShot.Split split = FewShot.split(config.data(), config.seed(), source);
        Rng root = new Rng(config.seed()).child("model");
        List<ModelResult> out = new ArrayList<>();
        for (int i = 0; i < config.shallow().size(); i++) {
            Object s = settings(i);
            Rng rng = root.child(i);
            long start = System.nanoTime();
            Classifier model;
            double[][] weights = null;
            String type;
            if (s instanceof IsingLayers.Settings is) {
                type = "ising_layers";
                IsingLayers.Model m = new IsingLayers(is).train(split.train(), rng, threads, n -> progress.accept(n));
                weights = m.weights();
                model = m;
            } else if (s instanceof QBoost.Settings qs) {
                type = "qboost";
                QBoost.Model m = new QBoost(qs).train(split.train(), rng, threads);
                weights = WeightMaps.of(m, split.train().d());
                model = m;
                progress.accept(1);
            } else {
                type = "mlp";
                model = new MlpBaseline((MlpBaseline.Settings) s).train(split.train(), rng, threads);
                progress.accept(1);
            }
            Examples v = split.validation();
            double[][] scores = model.scores(v.x(), v.size());
            double[] auc = RocAuc.perClass(scores, v.y(), v.classes());
            out.add(new ModelResult(type, auc, RocAuc.mean(auc), RocAuc.accuracy(scores, v.y()), weights, (System.nanoTime() - start) / 1e9));
        }
        return new Result(split, out);
    }

    public String[] classNames() {
        if (config.data().dataset().equals("fashion_mnist")) return FashionMnist.NAMES.clone();
        String[] n = new String[10];
        for (int i = 0; i < 10; i++) n[i] = Integer.toString(i);
        return n;
    }

    /**
     * Writes {@code config.json} (a copy), {@code metrics.csv} (model, class, AUC),
     * {@code summary.json} (per model: per-class AUC, mean AUC, accuracy) and
     * {@code weights-<i>-<type>.png} for the annealed models (centred over the classes when the
     * model is scored by softmax). Nothing about time or the machine.
     */
    public void write(Path dir, Path configFile, Result r) {
        try {
            Files.createDirectories(dir);
            Json.writeAtomically(dir.resolve("config.json"), Files.readAllBytes(configFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir, e);
        }
        Json.writeAtomically(dir.resolve("metrics.csv"), csv(r).getBytes(StandardCharsets.UTF_8));
        Json.write(dir.resolve("summary.json"), summary(r));
        Examples t = r.split().train();
        for (int i = 0; i < r.models().size(); i++) {
            ModelResult m = r.models().get(i);
            if (m.weights() != null) WeightMaps.writePng(softmaxScored(i) ? Scores.centred(m.weights()) : m.weights(), t.height(), t.width(), classNames(),
                    dir.resolve("weights-" + i + "-" + m.type() + ".png"));
        }
    }

    /** True when classifier i's AUC scores are a softmax: its maps are then drawn centred ({@link Scores#centred}). */
    private boolean softmaxScored(int i) {
        Object s = settings(i);
        String score = s instanceof IsingLayers.Settings is ? is.score() : s instanceof QBoost.Settings qs ? qs.score() : "raw";
        return score.equals("softmax");
    }

    static String csv(Result r) {
        StringBuilder csv = new StringBuilder("model,type,class,auc\n");
        for (int i = 0; i < r.models().size(); i++) {
            ModelResult m = r.models().get(i);
            for (int c = 0; c < m.auc().length; c++) csv.append(i).append(',').append(m.type()).append(',').append(c).append(',').append(m.auc()[c]).append('\n');
        }
        return csv.toString();
    }

    ObjectNode summary(Result r) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("name", config.name());
        root.put("dataset", config.data().dataset());
        root.put("seed", config.seed());
        root.put("side", config.data().side());
        root.put("train", r.split().train().size());
        root.put("validation", r.split().validation().size());
        ArrayNode models = root.putArray("models");
        for (ModelResult m : r.models()) {
            ObjectNode o = models.addObject();
            o.put("type", m.type());
            o.put("mean_auc", m.meanAuc());
            o.put("accuracy", m.accuracy());
            ArrayNode a = o.putArray("auc");
            for (double v : m.auc()) a.add(v);
        }
        return root;
    }
}
