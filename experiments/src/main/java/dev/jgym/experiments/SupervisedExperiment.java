package dev.jgym.experiments;

import dev.jgym.nn.optim.OptimizerConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.nn.data.ArrayDataset;
import dev.jgym.nn.data.DataLoader;
import dev.jgym.nn.data.Dataset;
import dev.jgym.nn.data.EarlyStopping;
import dev.jgym.nn.data.ImageAugment;
import dev.jgym.nn.data.Mnist;
import dev.jgym.nn.data.Transform;
import dev.jgym.nn.Init;
import dev.jgym.nn.Param;
import dev.jgym.nn.Training;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Backends;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.nn.io.ModelFile;
import dev.jgym.nn.layers.Layers;
import dev.jgym.nn.layers.Sequential;
import dev.jgym.nn.optim.LrSchedule;
import dev.jgym.nn.optim.Optimizer;
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
 * Runs a {@link SupervisedConfig}: trains a classifier epoch by epoch on the CPU backend,
 * validates after each epoch, tests at the end, and writes the results the way bandit
 * experiments do.
 *
 * <p>Determinism: weights from {@code seed.child("init")}, the validation split from
 * {@code seed.child("split")}, batch order, augmentation and dropout from
 * {@code seed.child("data")}; the CPU backend is bit-identical for any thread count, so the same
 * config gives byte-identical {@code metrics.csv}, {@code summary.json} and {@code model.jgm}
 * whatever {@code --threads} is.
 *
 * <p>With early stopping, the weights of the best validation epoch are restored before testing.
 */
public final class SupervisedExperiment {
    private final SupervisedConfig config;
    private final String source;

    /**
     * One line of metrics.csv; validation values are NaN without a validation set,
     * {@code trainEvalAccuracy} (the whole training set in eval mode) and {@code testAccuracy} NaN
     * on the epochs {@code eval_every} does not measure.
     */
    public record EpochRow(int epoch, double lr, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy, double trainEvalAccuracy,
                           double testAccuracy) {}

    public record Result(List<EpochRow> epochs, Training.Stats test, int bestEpoch, boolean stoppedEarly, Sequential model, long parameters) {}

    public SupervisedExperiment(SupervisedConfig config, String source) {
        this.config = config;
        this.source = source;
    }

    public SupervisedConfig config() {
        return config;
    }


    private record Data(Dataset train, Dataset validation, Dataset test, List<Transform> evalTransforms, List<Transform> trainTransforms) {}

    private Data data() {
        SupervisedConfig.DataConfig d = config.data();
        Rng root = new Rng(config.seed());
        Dataset train, test;
        List<Transform> eval = new ArrayList<>();
        if (d.dataset().equals("mnist")) {
            Mnist.Sets sets;
            try {
                sets = Mnist.load(d.dir() == null ? null : Path.of(d.dir()));
            } catch (UserError e) {
                throw e.in(source + ": $.data");
            }
            train = sets.train();
            test = sets.test();
            if (d.normalize()) eval.add(Transform.normalize(Mnist.MEAN, Mnist.STD));
        } else if (d.dataset().equals("text")) {
            dev.jgym.nn.data.CharText text;
            try {
                Path base = Path.of(source).toAbsolutePath().getParent();
                text = dev.jgym.nn.data.CharText.read(base == null ? Path.of(d.file()) : base.resolve(d.file()));
            } catch (UserError e) {
                throw e.in(source + ": $.data.file");
            }
            Dataset[] split = text.split(d.window(), 0.1);
            train = split[0];
            test = split[1];
        } else {
            Dataset[] blobs = blobs(root.child("blobs"));
            train = blobs[0];
            test = blobs[1];
        }
        if (d.trainLimit() != null && d.trainLimit() < train.size()) train = train.subset(range(0, d.trainLimit()));
        if (d.testLimit() != null && d.testLimit() < test.size()) test = test.subset(range(0, d.testLimit()));
        Dataset validation = null;
        if (d.validation() > 0) {
            if (d.validation() >= train.size()) {
                throw new UserError(source + ": $.data.validation: expected fewer than the " + train.size() + " training examples, found " + d.validation());
            }
            int[] idx = range(0, train.size());
            root.child("split").shuffle(idx);
            validation = train.subset(java.util.Arrays.copyOfRange(idx, 0, d.validation()));
            train = train.subset(java.util.Arrays.copyOfRange(idx, d.validation(), idx.length));
        }
        List<Transform> trainT = new ArrayList<>();
        SupervisedConfig.AugmentConfig a = d.augment();
        if (a != null && (a.shift() > 0 || a.rotation() > 0 || a.noise() > 0)) {
            if (!d.dataset().equals("mnist")) throw new UserError(source + ": $.data.augment: image augmentation needs an image data set (mnist)");
            trainT.add(new ImageAugment(Mnist.SIDE, Mnist.SIDE, a.shift(), a.rotation(), 0));
            trainT.addAll(eval);
            if (a.noise() > 0) trainT.add(noise(a.noise()));
        } else {
            trainT.addAll(eval);
        }
        return new Data(train, validation, test, eval, trainT);
    }

    private static Transform noise(double std) {
        return (x, off, len, rng) -> {
            for (int i = off; i < off + len; i++) x[i] += (float) (std * rng.gaussian());
        };
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) r[i] = from + i;
        return r;
    }

    /** 4 Gaussian clusters (centres N(0, 2^2) per coordinate, unit spread) in 8 dimensions: 1,200 + 400 points. */
    static Dataset[] blobs(Rng rng) {
        int classes = 4, dims = 8;
        double[][] centres = new double[classes][dims];
        for (double[] c : centres) for (int j = 0; j < dims; j++) c[j] = 2 * rng.gaussian();
        Dataset[] out = new Dataset[2];
        int[] sizes = {1200, 400};
        for (int s = 0; s < 2; s++) {
            float[] x = new float[sizes[s] * dims];
            int[] y = new int[sizes[s]];
            for (int i = 0; i < sizes[s]; i++) {
                y[i] = rng.nextInt(classes);
                for (int j = 0; j < dims; j++) x[i * dims + j] = (float) (centres[y[i]][j] + rng.gaussian());
            }
            out[s] = new ArrayDataset(x, dims, y, classes);
        }
        return out;
    }

    private Sequential model(Backend backend, int features, int classes) {
        SupervisedConfig.ModelConfig m = config.model();
        Init weight, bias;
        try {
            weight = Init.parse(m.init());
        } catch (IllegalArgumentException e) {
            throw new UserError(source + ": $.model.init: " + e.getMessage());
        }
        try {
            bias = Init.parse(m.biasInit());
        } catch (IllegalArgumentException e) {
            throw new UserError(source + ": $.model.bias_init: " + e.getMessage());
        }
        int[] shape = config.data().shape();
        if (shape == null && config.data().dataset().equals("text")) shape = new int[] {config.data().window(), features / config.data().window()};
        if (shape == null) {
            shape = new int[] {features};
        } else if (java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b) != features) {
            throw new UserError(source + ": $.data.shape: expected a shape of " + features + " values (one example), found " + java.util.Arrays.toString(shape));
        }
        Sequential net = Layers.sequential(m.layers(), shape, backend, new Layers.Inits(weight, bias, new Rng(config.seed()).child("init")),
                source, "$.model.layers");
        var last = net.layers().stream().filter(l -> l instanceof dev.jgym.nn.layers.Dense).reduce((a, b) -> b);
        int out = last.map(l -> ((dev.jgym.nn.layers.Dense) l).out()).orElse(features);
        if (out != classes) throw new UserError(source + ": $.model.layers: the last dense layer must have " + classes + " outputs (one per class), found " + out);
        return net;
    }

    private Optimizer optimizer(Backend be, Sequential net, LrSchedule schedule) {
        OptimizerConfig o = config.training().optimizer();
        List<Param> ps = net.trainable();
        Optimizer opt = o.create(be, ps, 0.9);
        return opt.schedule(schedule);
    }

    /** Examples to train on over all epochs (for progress), loading the data to count them. */
    public long totalExamples() {
        return (long) data().train().size() * config.training().epochs();
    }

    /** Checks the whole config (data present, layers valid) before any work. */
    public void validate() {
        Data d = data();
        try (CpuBackend be = new CpuBackend(1)) {
            model(be, d.train().features(), d.train().classes());
        }
        if (config.training().earlyStopping() != null && d.validation() == null) {
            throw new UserError(source + ": $.training.early_stopping: needs a validation set ($.data.validation > 0)");
        }
    }

    public Result run(int threads, LongConsumer progress) {
        return run(null, threads, progress);
    }

    /**
     * Trains on the backend a spec names ({@code Backends.create}: auto, cpu, cpu:T, opencl[:N]);
     * null: the CPU backend on {@code threads} threads (bit-identical for any thread count).
     */
    public Result run(String backendSpec, int threads, LongConsumer progress) {
        Data d = data();
        if (config.training().earlyStopping() != null && d.validation() == null) {
            throw new UserError(source + ": $.training.early_stopping: needs a validation set ($.data.validation > 0)");
        }
        SupervisedConfig.TrainingConfig t = config.training();
        try (Backend be = Backends.create(backendSpec, threads, Backends.Use.ANY, "a supervised model")) {
            Sequential net = model(be, d.train().features(), d.train().classes());
            DataLoader loader = new DataLoader(d.train(), t.batchSize(), true, t.dropLast(), new Rng(config.seed()).child("data"), d.trainTransforms());
            LrSchedule schedule = config.training().lrSchedule(loader.batchesPerEpoch());
            Optimizer opt = optimizer(be, net, schedule);
            EarlyStopping stopper = t.earlyStopping() == null ? null : new EarlyStopping(t.earlyStopping().patience(), t.earlyStopping().minDelta(), true);
            float[][] best = null;
            List<EpochRow> rows = new ArrayList<>();
            boolean stopped = false;
            for (int e = 0; e < t.epochs() && !stopped; e++) {
                double lr = opt.baseLearningRate() * schedule.factor(opt.steps()); // the rate of the epoch's first step
                Training.Stats tr = Training.trainEpoch(net, be, opt, loader, e, t.clipNorm(), n -> progress.accept(n));
                Training.Stats val = d.validation() == null ? null : Training.evaluate(net, be, d.validation(), 1000, d.evalTransforms());
                double trainEval = Double.NaN, testAcc = Double.NaN;
                if (t.evalEvery() > 0 && ((e + 1) % t.evalEvery() == 0 || e + 1 == t.epochs())) {
                    trainEval = Training.evaluate(net, be, d.train(), 1000, d.evalTransforms()).accuracy();
                    testAcc = Training.evaluate(net, be, d.test(), 1000, d.evalTransforms()).accuracy();
                }
                rows.add(new EpochRow(e + 1, lr, tr.loss(), tr.accuracy(), val == null ? Double.NaN : val.loss(), val == null ? Double.NaN : val.accuracy(),
                        trainEval, testAcc));
                if (stopper != null) {
                    stopped = stopper.update(val.accuracy());
                    if (stopper.improved()) best = snapshot(net, be);
                }
            }
            if (best != null) restore(net, best, be);
            Training.Stats test = Training.evaluate(net, be, d.test(), 1000, d.evalTransforms());
            long params = 0;
            for (Param p : net.trainable()) params += p.value().size();
            int bestEpoch = stopper == null ? rows.size() : stopper.bestEpoch() + 1;
            for (Param p : net.params()) be.toHost(p.value()); // the model outlives the backend (saved after)
            return new Result(rows, test, bestEpoch, stopped && rows.size() < t.epochs(), net, params);
        }
    }

    private static float[][] snapshot(Sequential net, Backend be) {
        List<Param> ps = net.params();
        for (Param p : ps) be.toHost(p.value());
        float[][] copy = new float[ps.size()][];
        for (int i = 0; i < copy.length; i++) copy[i] = ps.get(i).value().data().clone();
        return copy;
    }

    private static void restore(Sequential net, float[][] saved, Backend be) {
        List<Param> ps = net.params();
        for (int i = 0; i < saved.length; i++) {
            System.arraycopy(saved[i], 0, ps.get(i).value().data(), 0, saved[i].length);
            be.hostChanged(ps.get(i).value());
        }
    }

    // ---- output ----------------------------------------------------------------------------------

    /**
     * Writes {@code config.json} (a copy), {@code metrics.csv} (one line per epoch),
     * {@code summary.json}, {@code loss.png}, {@code accuracy.png}, {@code model.jgm} and, for
     * MNIST, pictures of the weights ({@link #pictures}). Nothing
     * depends on the machine or the thread count.
     */
    public static void write(Path dir, Path configFile, SupervisedConfig config, Result r) {
        try {
            Files.createDirectories(dir);
            Json.writeAtomically(dir.resolve("config.json"), Files.readAllBytes(configFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir, e);
        }
        boolean evals = config.training().evalEvery() > 0;
        StringBuilder csv = new StringBuilder("epoch,lr,train_loss,train_accuracy,val_loss,val_accuracy" + (evals ? ",train_eval_accuracy,test_accuracy" : "") + "\n");
        for (EpochRow row : r.epochs()) {
            csv.append(row.epoch()).append(',').append(row.lr()).append(',').append(row.trainLoss()).append(',').append(row.trainAccuracy())
                    .append(',').append(blankIfNaN(row.valLoss())).append(',').append(blankIfNaN(row.valAccuracy()));
            if (evals) csv.append(',').append(blankIfNaN(row.trainEvalAccuracy())).append(',').append(blankIfNaN(row.testAccuracy()));
            csv.append('\n');
        }
        Json.writeAtomically(dir.resolve("metrics.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
        Json.write(dir.resolve("summary.json"), summary(config, r));
        SupervisedCurves.write(dir, config.name(), r.epochs());
        ModelFile.save(dir.resolve("model.jgm"), r.model());
        if (config.data().dataset().equals("mnist")) pictures(dir, r.model());
    }

    private static String blankIfNaN(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /**
     * What the model learned, as pictures: {@code filters.png} (a CNN's first-layer filters), or
     * {@code units.png} (the first 32 units of an MLP's first layer) and {@code classes.png} (the
     * per-class product of its dense weights).
     */
    static void pictures(Path dir, Sequential model) {
        var first = model.layers().get(0);
        if (first instanceof dev.jgym.nn.layers.Conv2d c) {
            dev.jgym.nn.viz.ImageGrid.filters(dir.resolve("filters.png"), c, 8);
        } else if (first instanceof dev.jgym.nn.layers.Dense d && d.in() == Mnist.PIXELS) {
            dev.jgym.nn.viz.ImageGrid.weightRows(dir.resolve("units.png"), d.weight().value(), 32, Mnist.SIDE, Mnist.SIDE, 2);
            List<dev.jgym.nn.Tensor> ws = new ArrayList<>();
            for (var l : model.layers()) if (l instanceof dev.jgym.nn.layers.Dense dl) ws.add(dl.weight().value());
            dev.jgym.nn.viz.ImageGrid.classWeights(dir.resolve("classes.png"), ws, Mnist.SIDE, Mnist.SIDE, 3);
        }
    }

    static ObjectNode summary(SupervisedConfig config, Result r) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("name", config.name());
        root.put("dataset", config.data().dataset());
        root.put("seed", config.seed());
        root.put("parameters", r.parameters());
        root.put("epochs_run", r.epochs().size());
        root.put("best_epoch", r.bestEpoch());
        root.put("stopped_early", r.stoppedEarly());
        EpochRow last = r.epochs().get(r.epochs().size() - 1);
        root.put("train_loss", last.trainLoss());
        root.put("train_accuracy", last.trainAccuracy());
        if (!Double.isNaN(last.valAccuracy())) {
            root.put("val_loss", last.valLoss());
            root.put("val_accuracy", last.valAccuracy());
        }
        root.put("test_loss", r.test().loss());
        root.put("test_accuracy", r.test().accuracy());
        root.put("test_examples", r.test().examples());
        root.set("model", r.model().spec());
        return root;
    }
}
