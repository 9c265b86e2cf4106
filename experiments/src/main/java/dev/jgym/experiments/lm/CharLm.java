package dev.jgym.experiments.lm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.config.UserError;
import dev.jgym.core.rng.Rng;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Backends;
import dev.jgym.nn.Init;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.data.MobyDick;
import dev.jgym.nn.layers.Embedding;
import dev.jgym.nn.layers.Layer;
import dev.jgym.nn.layers.Layers;
import dev.jgym.nn.layers.Sequential;
import dev.jgym.nn.layers.Shaped;
import dev.jgym.nn.loss.SoftmaxCrossEntropy;
import dev.jgym.nn.optim.GradClip;
import dev.jgym.nn.optim.LrSchedule;
import dev.jgym.nn.optim.Optimizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Training a character-level language model ({@link LmConfig}): every step draws
 * {@code batch_size} windows of {@code context + 1} characters at uniform positions of the
 * training text (the {@code data} stream), feeds the first {@code context} as token ids and takes
 * the softmax cross-entropy of every position against the character that follows, averaged
 * (Graves 2013's setting; Karpathy's char-rnn). The learning rate warms up linearly, then follows
 * a cosine to {@code min_factor}. Validation bits per character: the same loss over
 * {@code eval_windows} windows evenly spread over the validation chapters, in eval mode, divided
 * by ln 2.
 */
public final class CharLm {
    private final LmConfig config;
    private final String source;
    private MobyDick corpus;

    public CharLm(LmConfig config, String source) {
        this.config = config;
        this.source = source;
    }

    /** One evaluation: after {@code step} optimizer steps. */
    public record Row(int step, double lr, double trainBpc, double valBpc) {}

    /** What a run gives: the curve, the model (weights on the host), its size. */
    public record Result(List<Row> rows, Sequential model, long parameters, char[] vocabulary) {
        public double finalValBpc() {
            return rows.get(rows.size() - 1).valBpc();
        }
    }

    public MobyDick corpus() {
        if (corpus == null) corpus = MobyDick.load(config.lm().dir() == null ? null : Path.of(config.lm().dir()));
        return corpus;
    }

    /** The model of the config for a vocabulary of v characters; checks its input and output shapes. */
    public Sequential model(Backend be, int v) {
        JsonNode layers = config.network().layers().deepCopy();
        if (!(layers instanceof ArrayNode arr) || arr.isEmpty()) throw new UserError(source + ": $.network.layers: expected a non-empty array of layers");
        if (arr.get(0) instanceof ObjectNode first && "embedding".equals(first.path("type").asText()) && !first.has("vocab")) first.put("vocab", v);
        if (arr.get(arr.size() - 1) instanceof ObjectNode last && "dense".equals(last.path("type").asText()) && !last.has("out")) last.put("out", v);
        int t = config.training().context();
        Init init;
        try {
            init = Init.parse(config.network().init());
        } catch (IllegalArgumentException e) {
            throw new UserError(source + ": $.network.init: " + e.getMessage());
        }
        Sequential net = Layers.sequential(arr, new int[] {t}, be, new Layers.Inits(init, Init.constant(0), new Rng(config.seed()).child("init")), source, "$.network.layers");
        Layer first = net.layers().get(0), last = net.layers().get(net.layers().size() - 1);
        if (!(first instanceof Embedding e) || e.vocab() != v) {
            throw new UserError(source + ": $.network.layers[0]: expected an embedding of the " + v + "-character vocabulary (token ids in)");
        }
        if (!(last instanceof Shaped s) || !Arrays.equals(s.outputShape(), new int[] {t, v})) {
            throw new UserError(source + ": $.network.layers: the last layer must give [" + t + ", " + v + "] (logits per step; a dense layer with \"per_step\": true), found "
                    + (last instanceof Shaped s2 ? Arrays.toString(s2.outputShape()) : last.spec().path("type").asText()));
        }
        return net;
    }

    /** Checks the config against the corpus (the data is there, the model builds) before any work. */
    public void validate() {
        try (Backend be = new dev.jgym.nn.cpu.CpuBackend(1)) {
            model(be, corpus().vocabularySize());
        }
    }

    /** Trains on a backend ({@code Backends.create} spec; null: the CPU on {@code threads} threads); progress in steps. */
    public Result run(String backendSpec, int threads, LongConsumer progress) {
        return run(backendSpec, threads, progress, row -> { });
    }

    /** The same, handing each evaluation's row to {@code onRow} as it is made (a kind streams them to {@code metrics.csv}). */
    public Result run(String backendSpec, int threads, LongConsumer progress, Consumer<Row> onRow) {
        MobyDick c = corpus();
        LmConfig.TrainingConfig tc = config.training();
        int v = c.vocabularySize(), t = tc.context(), b = tc.batchSize();
        int[] train = c.train();
        if (train.length < t + 2) throw new UserError(source + ": $.training.context: the training text has only " + train.length + " characters");
        try (Backend be = Backends.create(backendSpec, threads, Backends.Use.ANY, "a language model")) {
            Sequential net = model(be, v);
            List<Param> params = net.trainable();
            Optimizer opt = tc.optimizer().create(be, params, 0.9);
            int warm = tc.warmupSteps();
            opt.schedule(LrSchedule.warmup(warm, LrSchedule.cosine(tc.steps() - warm, tc.minFactor())));
            SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(be);
            Rng data = new Rng(config.seed()).child("data");
            List<Row> rows = new ArrayList<>();
            double sum = 0;
            int since = 0;
            double lr = 0;
            for (int step = 1; step <= tc.steps(); step++) {
                int[] starts = new int[b];
                for (int i = 0; i < b; i++) starts[i] = data.nextInt(train.length - t);
                Tensor[] xy = windows(train, starts, t, v);
                Tensor logits = net.forward(xy[0]);
                double l = loss.forward(logits.reshape(b * t, v), xy[1]);
                if (!Double.isFinite(l)) throw new IllegalStateException("the loss is " + l + " at step " + step);
                net.backward(loss.backward().reshape(b, t * v), false);
                if (tc.clipNorm() > 0) GradClip.byGlobalNorm(be, params, tc.clipNorm());
                lr = opt.step();
                opt.zeroGrad();
                sum += l;
                since++;
                if (step % tc.evalEvery() == 0 || step == tc.steps()) {
                    rows.add(new Row(step, lr, sum / since / Math.log(2), validationBpc(net, be, c.validation(), t, v, tc.evalWindows())));
                    onRow.accept(rows.get(rows.size() - 1));
                    sum = 0;
                    since = 0;
                }
                progress.accept(1);
            }
            long count = 0;
            for (Param p : params) count += p.value().size();
            for (Param p : net.params()) be.toHost(p.value());
            return new Result(rows, net, count, c.vocabulary());
        }
    }

    /** Token ids [n, t] of each window and the one-hot next characters [n t, v]. */
    static Tensor[] windows(int[] text, int[] starts, int t, int v) {
        int n = starts.length;
        Tensor x = Tensor.zeros(n, t), y = Tensor.zeros(n * t, v);
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < t; s++) {
                x.data()[i * t + s] = text[starts[i] + s];
                y.data()[(i * t + s) * v + text[starts[i] + s + 1]] = 1f;
            }
        }
        return new Tensor[] {x, y};
    }

    /** Mean cross-entropy in bits over every position of {@code windows} evenly spaced windows, in eval mode. */
    static double validationBpc(Sequential net, Backend be, int[] text, int t, int v, int windows) {
        net.train(false);
        int n = Math.max(1, Math.min(windows, text.length - t - 1));
        double stride = (text.length - t - 1) / (double) n;
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(be, dev.jgym.nn.loss.Loss.Reduction.SUM);
        double total = 0;
        for (int from = 0; from < n; from += 64) {
            int m = Math.min(64, n - from);
            int[] starts = new int[m];
            for (int i = 0; i < m; i++) starts[i] = (int) ((from + i) * stride);
            Tensor[] xy = windows(text, starts, t, v);
            total += loss.forward(net.forward(xy[0]).reshape(m * t, v), xy[1]);
        }
        net.train(true);
        return total / ((double) n * t) / Math.log(2);
    }
}
