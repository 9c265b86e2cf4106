package dev.jgym.experiments;

import dev.jgym.nn.optim.OptimizerConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.nn.data.Batch;
import dev.jgym.nn.data.DataLoader;
import dev.jgym.nn.data.Dataset;
import dev.jgym.nn.data.Mnist;
import dev.jgym.nn.Init;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.nn.generative.Gan;
import dev.jgym.nn.generative.Vae;
import dev.jgym.nn.io.ModelFile;
import dev.jgym.nn.layers.Layers;
import dev.jgym.nn.layers.Sequential;
import dev.jgym.nn.optim.Optimizer;
import dev.jgym.nn.viz.ImageGrid;
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

/**
 * Runs a {@link GenerativeConfig} (GAN or VAE on MNIST) on the CPU backend and writes
 * {@code config.json}, {@code metrics.csv} (per epoch: the GAN's discriminator and generator
 * losses and mean scores, or the VAE's reconstruction and KL terms, train and test),
 * {@code summary.json}, {@code samples.png} (a grid of samples) and the networks' model files.
 *
 * <p>Determinism: weights from {@code seed.child("init")} (per network), batches from
 * {@code seed.child("data")}, noise from {@code seed.child("noise")}, the sample grid from
 * {@code seed.child("samples")}; byte-identical for any thread count.
 */
public final class GenerativeExperiment {
    private final GenerativeConfig config;
    private final String source;

    /** One epoch: GAN (dLoss, gLoss, realScore, fakeScore) or VAE (train rec, train KL, test rec, test KL). */
    public record EpochRow(int epoch, double a, double b, double c, double d) {}

    /** What a run produced: per-epoch rows, the trained networks (generator or decoder first) and samples. */
    public record Result(List<EpochRow> epochs, Sequential first, Sequential second, Tensor samples, Vae.Losses test) {}

    public GenerativeExperiment(GenerativeConfig config, String source) {
        this.config = config;
        this.source = source;
    }


    private Sequential net(JsonNode layers, int in, CpuBackend be, String name) {
        Init weight = config.generative().kind().equals("gan") ? Init.xavierUniform() : Init.heNormal();
        return Layers.sequential(layers, in, be, new Layers.Inits(weight, Init.constant(0), new Rng(config.seed()).child("init").child(name)),
                source, "$.generative." + name);
    }

    /** The configured optimizer with the configured learning-rate schedule (epochs of stepsPerEpoch steps). */
    private Optimizer optimizer(List<Param> ps, boolean gan, int stepsPerEpoch) {
        return optimizer(config.training().optimizer(), ps, gan).schedule(config.training().lrSchedule(stepsPerEpoch));
    }

    /** A generative model's optimizer: the config's type, with Adam's beta1 at 0.5 for a GAN (DCGAN's). */
    static Optimizer optimizer(OptimizerConfig o, List<Param> ps, boolean gan) {
        return o.create(null, ps, gan ? 0.5 : 0.9);
    }

    private Mnist.Sets mnist() {
        try {
            return Mnist.load(config.data().dir() == null ? null : Path.of(config.data().dir()));
        } catch (UserError e) {
            throw e.in(source + ": $.data");
        }
    }

    private Dataset limit(Dataset d) {
        Integer n = config.data().trainLimit();
        if (n == null || n >= d.size()) return d;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        return d.subset(idx);
    }

    /** Checks the networks build and fit together (before any training). */
    public void validate() {
        try (CpuBackend be = new CpuBackend(1)) {
            build(be);
        }
    }

    private Sequential[] build(CpuBackend be) {
        GenerativeConfig.Model m = config.generative();
        int z = m.latent();
        if (m.kind().equals("gan")) {
            Sequential g = net(m.generator(), z, be, "generator");
            Sequential d = net(m.discriminator(), Mnist.PIXELS, be, "discriminator");
            checkOut(g, Mnist.PIXELS, "generator");
            checkOut(d, 1, "discriminator");
            return new Sequential[] {g, d};
        }
        Sequential enc = net(m.encoder(), Mnist.PIXELS, be, "encoder");
        Sequential dec = net(m.decoder(), z, be, "decoder");
        checkOut(enc, 2 * z, "encoder");
        checkOut(dec, Mnist.PIXELS, "decoder");
        return new Sequential[] {dec, enc};
    }

    private void checkOut(Sequential s, int want, String name) {
        Tensor probe = s.forward(Tensor.zeros(2, firstIn(s, name)));
        if (probe.cols() != want) throw new UserError(source + ": $.generative." + name + ": expected " + want + " outputs, found " + probe.cols());
    }

    private int firstIn(Sequential s, String name) {
        return name.equals("generator") || name.equals("decoder") ? config.generative().latent() : Mnist.PIXELS;
    }

    public Result run(int threads, java.util.function.LongConsumer progress) {
        Mnist.Sets sets = mnist();
        Dataset train = limit(sets.train());
        Rng root = new Rng(config.seed());
        SupervisedConfig.TrainingConfig t = config.training();
        boolean gan = config.generative().kind().equals("gan");
        List<dev.jgym.nn.data.Transform> toRange = gan ? List.of((x, off, len, rng) -> {
            for (int i = off; i < off + len; i++) x[i] = 2 * x[i] - 1;
        }) : List.of();
        try (CpuBackend be = new CpuBackend(threads)) {
            Sequential[] nets = build(be);
            DataLoader loader = new DataLoader(train, t.batchSize(), true, true, root.child("data"), toRange);
            List<EpochRow> rows = new ArrayList<>();
            Rng noise = root.child("noise");
            if (gan) {
                Gan model = new Gan(be, nets[0], nets[1], optimizer(nets[0].trainable(), true, loader.batchesPerEpoch()), optimizer(nets[1].trainable(), true, loader.batchesPerEpoch()),
                        new Gan.Settings(config.generative().latent(), config.generative().labelSmoothing(), config.generative().loss().equals("non_saturating"),
                                config.generative().generatorAverage()), noise);
                for (int e = 0; e < t.epochs(); e++) {
                    double d = 0, g = 0, rs = 0, fs = 0;
                    int steps = 0;
                    for (Batch b : loader.epoch(e)) {
                        Gan.StepLosses l = model.step(b.x());
                        d += l.discriminator();
                        g += l.generator();
                        rs += l.realScore();
                        fs += l.fakeScore();
                        steps++;
                        progress.accept(b.size());
                    }
                    rows.add(new EpochRow(e + 1, d / steps, g / steps, rs / steps, fs / steps));
                }
                Tensor samples = model.sample(config.samples(), root.child("samples"));
                return new Result(rows, model.sampler(), nets[1], samples, null);
            }
            Vae vae = new Vae(be, nets[1], nets[0], config.generative().latent());
            List<Param> both = new ArrayList<>(nets[1].trainable());
            both.addAll(nets[0].trainable());
            Optimizer opt = optimizer(both, false, loader.batchesPerEpoch());
            Vae.Losses test = null;
            for (int e = 0; e < t.epochs(); e++) {
                double rec = 0, kl = 0;
                int n = 0;
                Rng eps = noise.child(e);
                for (Batch b : loader.epoch(e)) {
                    Vae.Losses l = vae.step(b.x(), opt, eps);
                    rec += l.reconstruction() * b.size();
                    kl += l.kl() * b.size();
                    n += b.size();
                    progress.accept(b.size());
                }
                test = evaluate(vae, sets.test(), root.child("test-noise"));
                rows.add(new EpochRow(e + 1, rec / n, kl / n, test.reconstruction(), test.kl()));
            }
            Tensor samples = vae.sample(config.samples(), root.child("samples"));
            return new Result(rows, nets[0], nets[1], samples, test);
        }
    }

    /** Mean test losses over the test set, in batches of 1000 in order. */
    public static Vae.Losses evaluate(Vae vae, Dataset test, Rng rng) {
        double rec = 0, kl = 0;
        for (Batch b : DataLoader.sequential(test, 1000, List.of()).epoch(0)) {
            Vae.Losses l = vae.evaluate(b.x(), rng);
            rec += l.reconstruction() * b.size();
            kl += l.kl() * b.size();
        }
        return new Vae.Losses(rec / test.size(), kl / test.size());
    }

    /** Writes config.json, metrics.csv, summary.json, samples.png and the model files. */
    public static void write(Path dir, Path configFile, GenerativeConfig config, Result r) {
        try {
            Files.createDirectories(dir);
            Json.writeAtomically(dir.resolve("config.json"), Files.readAllBytes(configFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir, e);
        }
        boolean gan = config.generative().kind().equals("gan");
        StringBuilder csv = new StringBuilder(gan ? "epoch,d_loss,g_loss,d_real_score,d_fake_score\n" : "epoch,train_reconstruction,train_kl,test_reconstruction,test_kl\n");
        for (EpochRow row : r.epochs()) csv.append(row.epoch()).append(',').append(row.a()).append(',').append(row.b()).append(',').append(row.c()).append(',').append(row.d()).append('\n');
        Json.writeAtomically(dir.resolve("metrics.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        summary.put("name", config.name());
        summary.put("kind", config.generative().kind());
        summary.put("seed", config.seed());
        summary.put("epochs", r.epochs().size());
        if (r.test() != null) {
            summary.put("test_reconstruction", r.test().reconstruction());
            summary.put("test_kl", r.test().kl());
            summary.put("test_negative_elbo", r.test().total());
        } else {
            EpochRow last = r.epochs().get(r.epochs().size() - 1);
            summary.put("d_loss", last.a());
            summary.put("g_loss", last.b());
        }
        Json.write(dir.resolve("summary.json"), summary);
        int n = r.samples().rows();
        ImageGrid.write(dir.resolve("samples.png"), r.samples().data(), n, Mnist.SIDE, Mnist.SIDE, (int) Math.ceil(Math.sqrt(n)), 2,
                gan ? -1f : 0f, 1f);
        ModelFile.save(dir.resolve(gan ? "generator.jgm" : "decoder.jgm"), r.first());
        ModelFile.save(dir.resolve(gan ? "discriminator.jgm" : "encoder.jgm"), r.second());
    }
}
