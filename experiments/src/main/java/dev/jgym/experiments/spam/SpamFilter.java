package dev.jgym.experiments.spam;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.core.rng.Rng;
import dev.jgym.nn.Init;
import dev.jgym.nn.Perceptron;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.Training;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.nn.data.Batch;
import dev.jgym.nn.data.DataLoader;
import dev.jgym.nn.data.Dataset;
import dev.jgym.nn.data.SpamAssassin;
import dev.jgym.nn.layers.Dense;
import dev.jgym.nn.layers.Layers;
import dev.jgym.nn.layers.Sequential;
import dev.jgym.nn.optim.Optimizer;
import dev.jgym.nn.optim.OptimizerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * A spam filter on the SpamAssassin corpus ({@link SpamAssassin}), run from a {@link SpamConfig}:
 *
 * <ol>
 *   <li>Split: each of the five groups is shuffled by {@code seed.child("split").child(group)} and
 *       its first round(test_fraction n) mails held out; the training mails are then shuffled
 *       together by {@code seed.child("split").child("order")} (the perceptron's pass order).
 *   <li>Features: {@link BagOfWords}, the vocabulary from the training mails only.
 *   <li>Filters, each scored on the held-out mail:
 *     <ul>
 *       <li>{@code perceptron}: {@link Perceptron}'s rule, {@code w += lr (t - y) x} on each mistake,
 *           spam t = 1, ham t = 0, passes over the training mails until one is clean or
 *           {@code passes} ran out; its score is the activation {@code w . x + b}, spam when
 *           {@code >= 0};
 *       <li>{@code logistic_regression}: one dense layer of two logits under softmax
 *           cross-entropy, which is logistic regression with weights
 *           {@code w_spam - w_ham} (softmax over two logits is the sigmoid of their difference);
 *           weights start at 0;
 *       <li>{@code mlp}: dense ReLU layers of the given widths, then the two logits (He-normal
 *           weights).
 *     </ul>
 *     The networks are trained by minibatches ({@link Training#trainEpoch}) with the optimizer
 *     from {@link OptimizerConfig#create}; their score is P(spam), spam when {@code > 1/2}.
 *   <li>Figures ({@link Detection}) on three sets of held-out mail: all of it, easy ham with the
 *       spam, hard ham with the spam; and for the two linear filters the words of largest and
 *       smallest weight (the most spam-like and the most ham-like).
 * </ol>
 *
 * <p>Determinism: filter i draws from {@code seed.child("model").child(i)} (weights from
 * {@code child("init")}, batch order from {@code child("data")}); the CPU backend gives the same
 * bits for any thread count, so every output is the same for any {@code --threads}.
 */
public final class SpamFilter {
    /** The filter types a config may name. */
    public static final List<String> TYPES = List.of("perceptron", "logistic_regression", "mlp");
    /** The held-out sets the figures are given for. */
    public static final List<String> SUBSETS = List.of("all", "easy_ham", "hard_ham");

    /**
     * @param passes at most this many passes over the training mails (default 20)
     * @param lr the rule's learning rate (default 1; with 0/1 features and no other scale it only
     *     scales the weights when the bias is learned too)
     * @param bias learn a bias (default true)
     * @param tie what a zero activation counts as: {@code one} (spam, the default), {@code zero}
     *     or {@code mistake} ({@link Perceptron.Tie})
     */
    public record PerceptronSettings(Integer passes, Double lr, Boolean bias, String tie) {
        public PerceptronSettings {
            if (passes == null) passes = 20;
            Check.positive("passes", passes);
            if (lr == null) lr = 1.0;
            Check.positive("lr", lr);
            if (bias == null) bias = true;
            if (tie == null) tie = "one";
            Check.that(List.of("one", "zero", "mistake").contains(tie), "tie", "expected \"one\", \"zero\" or \"mistake\", found \"" + tie + "\"");
        }
    }

    /**
     * @param hidden hidden layer widths (mlp: at least one; logistic_regression: none)
     * @param epochs passes over the training mails (default 10)
     * @param batchSize mails per step (default 32)
     * @param optimizer the update rule ({@link OptimizerConfig}; its weight_decay is the L2 penalty)
     */
    public record NetworkSettings(List<Integer> hidden, Integer epochs, @JsonProperty("batch_size") Integer batchSize,
                                  @JsonProperty(required = true) OptimizerConfig optimizer) {
        public NetworkSettings {
            if (hidden == null) hidden = List.of();
            for (Integer h : hidden) Check.that(h != null && h > 0 && h <= 100_000, "hidden", "expected integers in [1, 100000], found " + hidden);
            if (epochs == null) epochs = 10;
            Check.positive("epochs", epochs);
            if (batchSize == null) batchSize = 32;
            Check.positive("batch_size", batchSize);
            Check.present("optimizer", optimizer);
        }
    }

    /** The split corpus: training mails encoded with their labels (1 spam), test mails with their kind. */
    public record Corpus(BagOfWords words, int[][] train, int[] trainLabels, int[][] test, SpamAssassin.Kind[] testKinds, int[][] counts) {
        /** Training and test mails per kind (rows: train, test; columns: {@link SpamAssassin.Kind} order). */
        public int count(boolean test, SpamAssassin.Kind kind) {
            return counts[test ? 1 : 0][kind.ordinal()];
        }
    }

    /** A word and its weight in a linear filter (positive: towards spam). */
    public record Word(String word, double weight) {}

    /**
     * One filter's outcome: {@code figures} in {@link #SUBSETS} order; {@code spamWords} and
     * {@code hamWords} empty for the MLP; {@code passes} the perceptron's passes (0 when it never
     * had a clean one) or the networks' epochs.
     */
    public record ModelResult(String type, List<Detection> figures, List<Word> spamWords, List<Word> hamWords, int passes, double seconds) {
        public Detection subset(String name) {
            return figures.get(SUBSETS.indexOf(name));
        }
    }

    public record Result(Corpus corpus, List<ModelResult> models) {}

    private final SpamConfig config;
    private final String source;

    public SpamFilter(SpamConfig config, String source) {
        this.config = config;
        this.source = source;
    }

    /** Filter i's settings record (the type read from its "type"). */
    Object settings(int i) {
        JsonNode node = config.spam().get(i);
        String path = "$.spam[" + i + "]";
        if (!node.isObject() || !node.has("type") || !node.get("type").isTextual()) {
            throw new UserError(source + ": " + path + ".type: missing (expected \"perceptron\", \"logistic_regression\" or \"mlp\")");
        }
        ObjectNode rest = ((ObjectNode) node).deepCopy();
        String type = rest.remove("type").asText();
        switch (type) {
            case "perceptron":
                return Json.bind(rest, PerceptronSettings.class, source, path);
            case "logistic_regression":
            case "mlp": {
                NetworkSettings s = Json.bind(rest, NetworkSettings.class, source, path);
                if (type.equals("mlp") && s.hidden().isEmpty()) throw new UserError(source + ": " + path + ".hidden: expected at least one width for an mlp, found none");
                if (type.equals("logistic_regression") && !s.hidden().isEmpty()) {
                    throw new UserError(source + ": " + path + ".hidden: logistic_regression has no hidden layers, found " + s.hidden() + " (use \"type\": \"mlp\")");
                }
                return s;
            }
            default:
                throw new UserError(source + ": " + path + ".type: expected \"perceptron\", \"logistic_regression\" or \"mlp\", found \"" + type + "\"");
        }
    }

    String type(int i) {
        return config.spam().get(i).get("type").asText();
    }

    /** Checks every filter's settings (before the corpus is read). */
    public void validate() {
        for (int i = 0; i < config.spam().size(); i++) settings(i);
    }

    /** Reads, splits and encodes the corpus (see the class comment). */
    public Corpus corpus() {
        SpamConfig.DataSettings d = config.data();
        List<SpamAssassin.Mail> mails = SpamAssassin.load(d.dir() == null ? null : Path.of(d.dir()));
        Rng split = new Rng(config.seed()).child("split");
        List<Integer> trainIdx = new ArrayList<>(), testIdx = new ArrayList<>();
        for (String g : SpamAssassin.GROUPS) {
            int[] idx = IntStream.range(0, mails.size()).filter(i -> mails.get(i).group().equals(g)).toArray();
            split.child(g).shuffle(idx);
            long test = Math.round(d.testFraction() * idx.length);
            for (int k = 0; k < idx.length; k++) (k < test ? testIdx : trainIdx).add(idx[k]);
        }
        int[] order = trainIdx.stream().mapToInt(Integer::intValue).toArray();
        split.child("order").shuffle(order);
        List<TreeSet<String>> trainTokens = new ArrayList<>();
        for (int i : order) trainTokens.add(BagOfWords.tokens(mails.get(i).text(), d.headers()));
        BagOfWords words = BagOfWords.fit(trainTokens, d.vocabulary(), d.minMails());
        int[][] counts = new int[2][SpamAssassin.Kind.values().length];
        int[][] train = new int[order.length][];
        int[] labels = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            SpamAssassin.Kind kind = mails.get(order[k]).kind();
            train[k] = words.encode(trainTokens.get(k));
            labels[k] = kind.spam() ? 1 : 0;
            counts[0][kind.ordinal()]++;
        }
        int[][] test = new int[testIdx.size()][];
        SpamAssassin.Kind[] kinds = new SpamAssassin.Kind[testIdx.size()];
        for (int k = 0; k < test.length; k++) {
            SpamAssassin.Mail m = mails.get(testIdx.get(k));
            test[k] = words.encode(BagOfWords.tokens(m.text(), d.headers()));
            kinds[k] = m.kind();
            counts[1][kinds[k].ordinal()]++;
        }
        return new Corpus(words, train, labels, test, kinds, counts);
    }

    /** Trains and scores every filter; progress receives one unit per filter done. */
    public Result run(int threads, LongConsumer progress) {
        validate();
        Corpus c = corpus();
        Rng root = new Rng(config.seed()).child("model");
        List<ModelResult> out = new ArrayList<>();
        for (int i = 0; i < config.spam().size(); i++) {
            long start = System.nanoTime();
            Object s = settings(i);
            ModelResult r = s instanceof PerceptronSettings ps ? perceptron(c, ps) : network(c, type(i), (NetworkSettings) s, root.child(i), threads);
            out.add(new ModelResult(r.type(), r.figures(), r.spamWords(), r.hamWords(), r.passes(), (System.nanoTime() - start) / 1e9));
            progress.accept(1);
        }
        return new Result(c, out);
    }

    private ModelResult perceptron(Corpus c, PerceptronSettings s) {
        Perceptron p = new Perceptron(c.words().size(), s.lr(), s.bias(), Perceptron.Tie.valueOf(s.tie().toUpperCase(Locale.ROOT)));
        float[][] xs = new float[c.train().length][];
        for (int i = 0; i < xs.length; i++) xs[i] = c.words().dense(c.train()[i]);
        int passes = p.train(xs, c.trainLabels(), s.passes());
        double[] score = new double[c.test().length];
        boolean[] flagged = new boolean[score.length];
        for (int i = 0; i < score.length; i++) {
            float[] x = c.words().dense(c.test()[i]);
            score[i] = p.activation(x);
            flagged[i] = p.predict(x) == 1;
        }
        double[] w = p.weights();
        return new ModelResult("perceptron", figures(c, score, flagged), top(c.words(), w, true), top(c.words(), w, false), Math.max(passes, 0), 0);
    }

    private ModelResult network(Corpus c, String type, NetworkSettings s, Rng rng, int threads) {
        ArrayNode layers = JsonNodeFactory.instance.arrayNode();
        for (int h : s.hidden()) {
            layers.addObject().put("type", "dense").put("out", h);
            layers.addObject().put("type", "relu");
        }
        layers.addObject().put("type", "dense").put("out", 2);
        CpuBackend be = new CpuBackend(threads);
        try {
            Init weights = Init.parse(s.hidden().isEmpty() ? "zeros" : "he_normal");
            Sequential net = Layers.sequential(layers, c.words().size(), be, new Layers.Inits(weights, Init.parse("zeros"), rng.child("init")), source, "$.spam");
            Optimizer opt = s.optimizer().create(be, net.trainable(), 0.9);
            DataLoader loader = new DataLoader(c.words().dataset(c.train(), c.trainLabels()), s.batchSize(), true, false, rng.child("data"), List.of());
            for (int e = 0; e < s.epochs(); e++) Training.trainEpoch(net, be, opt, loader, e, 0, n -> { });
            net.train(false);
            double[] score = new double[c.test().length];
            boolean[] flagged = new boolean[score.length];
            Dataset test = c.words().dataset(c.test(), new int[c.test().length]);
            int k = 0;
            for (Batch b : DataLoader.sequential(test, 256, List.of()).epoch(0)) {
                float[] logits = net.forward(b.x()).data();
                for (int i = 0; i < b.size(); i++, k++) {
                    score[k] = 1 / (1 + StrictMath.exp((double) logits[2 * i] - logits[2 * i + 1])); // P(spam) = sigmoid(z_spam - z_ham)
                    flagged[k] = score[k] > 0.5;
                }
            }
            List<Word> spamWords = List.of(), hamWords = List.of();
            if (s.hidden().isEmpty()) {
                Tensor w = ((Dense) net.layers().get(0)).weight().value();
                double[] diff = new double[c.words().size()];
                for (int j = 0; j < diff.length; j++) diff[j] = (double) w.get(1, j) - w.get(0, j);
                spamWords = top(c.words(), diff, true);
                hamWords = top(c.words(), diff, false);
            }
            return new ModelResult(type, figures(c, score, flagged), spamWords, hamWords, s.epochs(), 0);
        } finally {
            be.close();
        }
    }

    private static List<Detection> figures(Corpus c, double[] score, boolean[] flagged) {
        int n = score.length;
        boolean[] spam = new boolean[n];
        for (int i = 0; i < n; i++) spam[i] = c.testKinds()[i].spam();
        List<Detection> out = new ArrayList<>();
        for (String subset : SUBSETS) {
            boolean[] include = new boolean[n];
            for (int i = 0; i < n; i++) {
                SpamAssassin.Kind k = c.testKinds()[i];
                include[i] = k.spam() || subset.equals("all") || (subset.equals("easy_ham") ? k == SpamAssassin.Kind.EASY_HAM : k == SpamAssassin.Kind.HARD_HAM);
            }
            out.add(Detection.of(score, flagged, spam, include));
        }
        return out;
    }

    /** The topWords words of largest weight (spam) or smallest (ham), ties by vocabulary rank. */
    private List<Word> top(BagOfWords words, double[] w, boolean spam) {
        Comparator<Integer> byWeight = Comparator.comparingDouble(j -> spam ? -w[j] : w[j]);
        return IntStream.range(0, w.length).boxed().sorted(byWeight.thenComparing(j -> j)).limit(config.topWords())
                .map(j -> new Word(words.word(j), w[j])).toList();
    }

    /** {@code summary.json}: the split, the vocabulary and per filter its figures and words. */
    ObjectNode summary(Result r) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("name", config.name()).put("seed", config.seed()).put("vocabulary", r.corpus().words().size());
        ObjectNode split = root.putObject("split");
        for (String part : new String[] {"train", "test"}) {
            ObjectNode o = split.putObject(part);
            for (SpamAssassin.Kind k : SpamAssassin.Kind.values()) o.put(k.name().toLowerCase(Locale.ROOT), r.corpus().count(part.equals("test"), k));
        }
        ArrayNode models = root.putArray("models");
        for (ModelResult m : r.models()) {
            ObjectNode o = models.addObject().put("type", m.type()).put("passes", m.passes());
            for (String subset : SUBSETS) {
                Detection d = m.subset(subset);
                o.putObject(subset).put("spam", d.spam()).put("ham", d.ham()).put("false_positives", d.falsePositives()).put("false_negatives", d.falseNegatives())
                        .put("precision", d.precision()).put("recall", d.recall()).put("f1", d.f1()).put("auc", d.auc());
            }
            if (!m.spamWords().isEmpty()) {
                ArrayNode sw = o.putArray("spam_words"), hw = o.putArray("ham_words");
                for (Word w : m.spamWords()) sw.addObject().put("word", w.word()).put("weight", w.weight());
                for (Word w : m.hamWords()) hw.addObject().put("word", w.word()).put("weight", w.weight());
            }
        }
        return root;
    }

    /** {@code metrics.csv}: one row per filter and held-out set. */
    static String csv(Result r) {
        StringBuilder csv = new StringBuilder("model,type,subset,spam,ham,false_positives,false_negatives,precision,recall,f1,auc\n");
        for (int i = 0; i < r.models().size(); i++) {
            ModelResult m = r.models().get(i);
            for (String subset : SUBSETS) {
                Detection d = m.subset(subset);
                csv.append(i).append(',').append(m.type()).append(',').append(subset).append(',').append(d.spam()).append(',').append(d.ham()).append(',')
                        .append(d.falsePositives()).append(',').append(d.falseNegatives()).append(',').append(d.precision()).append(',').append(d.recall())
                        .append(',').append(d.f1()).append(',').append(d.auc()).append('\n');
            }
        }
        return csv.toString();
    }
}
