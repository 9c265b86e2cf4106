package dev.jgym.experiments.shallow;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.UserError;
import dev.jgym.nn.data.ArrayDataset;
import dev.jgym.nn.data.Dataset;
import dev.jgym.nn.data.FashionMnist;
import dev.jgym.nn.data.Images;
import dev.jgym.nn.data.Mnist;
import dev.jgym.core.rng.Rng;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Few-shot splits of MNIST or Fashion-MNIST: {@code train} images drawn at random from the
 * training set and {@code validation} images from the test set, resized to {@code side} x
 * {@code side} by area averaging. Indices come from {@code seed.child("train")} and
 * {@code seed.child("validation")} (a shuffle of each set, first n taken), so every classifier
 * given the same data settings and seed sees the same images.
 */
public final class FewShot {
    private FewShot() {}

    /**
     * @param dataset {@code mnist} or {@code fashion_mnist}
     * @param dir the data folder (default: $JGYM_DATA/mnist or fashion-mnist, else ~/.cache/jgym/...)
     * @param side the image side after resizing (default 20; 28 keeps the originals)
     * @param train training images (default 100)
     * @param validation validation images, from the test set (default 300)
     */
    public record DataSettings(@JsonProperty(required = true) String dataset, String dir, Integer side, Integer train, Integer validation) {
        public DataSettings {
            Check.present("dataset", dataset);
            Check.that(Set.of("mnist", "fashion_mnist").contains(dataset), "dataset", "expected \"mnist\" or \"fashion_mnist\", found \"" + dataset + "\"");
            if (side == null) side = 20;
            if (train == null) train = 100;
            if (validation == null) validation = 300;
            Check.that(side >= 4 && side <= 28, "side", "expected an integer in [4, 28], found " + side);
            Check.positive("train", train);
            Check.positive("validation", validation);
        }
    }

    /** Training and validation examples. */
    public record Split(Examples train, Examples validation) {}

    private static final ConcurrentHashMap<String, Mnist.Sets> CACHE = new ConcurrentHashMap<>();

    /** The full data set (cached per folder for the life of the JVM: tests load it once). */
    static Mnist.Sets sets(DataSettings d) {
        String key = d.dataset() + "|" + d.dir();
        return CACHE.computeIfAbsent(key, k -> {
            Path dir = d.dir() == null ? null : Path.of(d.dir());
            return d.dataset().equals("mnist") ? Mnist.load(dir) : FashionMnist.load(dir);
        });
    }

    /** True when the data set's files are where the settings look. */
    public static boolean present(DataSettings d) {
        if (d.dataset().equals("mnist")) return Mnist.present(d.dir() == null ? Mnist.defaultDir() : Path.of(d.dir()));
        return FashionMnist.present(d.dir() == null ? FashionMnist.defaultDir() : Path.of(d.dir()));
    }

    public static Split split(DataSettings d, long seed, String source) {
        Mnist.Sets sets;
        try {
            sets = sets(d);
        } catch (UserError e) {
            throw e.in(source + ": $.data");
        }
        if (d.train() > sets.train().size()) throw new UserError(source + ": $.data.train: expected at most " + sets.train().size() + ", found " + d.train());
        if (d.validation() > sets.test().size()) throw new UserError(source + ": $.data.validation: expected at most " + sets.test().size() + ", found " + d.validation());
        Rng root = new Rng(seed);
        return new Split(take(sets.train(), d.train(), d.side(), root.child("train")), take(sets.test(), d.validation(), d.side(), root.child("validation")));
    }

    private static Examples take(Dataset set, int n, int side, Rng rng) {
        int[] idx = new int[set.size()];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        rng.shuffle(idx);
        int d = side * side;
        float[] x = new float[n * d];
        int[] y = new int[n];
        float[] img = new float[Mnist.PIXELS];
        for (int i = 0; i < n; i++) {
            set.copyFeatures(idx[i], img, 0);
            float[] r = side == Mnist.SIDE ? img : Images.resize(img, 0, Mnist.SIDE, Mnist.SIDE, side, side);
            System.arraycopy(r, 0, x, i * d, d);
            y[i] = set.label(idx[i]);
        }
        return new Examples(x, y, d, set.classes(), side, side);
    }

    /** The examples as a core data set (for the MLP baseline). */
    public static ArrayDataset dataset(Examples e) {
        return new ArrayDataset(e.x().clone(), e.d(), e.y().clone(), e.classes());
    }
}
