package dev.jgym.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.UserError;
import dev.jgym.core.rng.Rng;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loaders, splits, transforms, early stopping and the IDX reader. */
class DataTest {
    @TempDir
    Path dir;

    static ArrayDataset counting(int n, int features) {
        float[] x = new float[n * features];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < features; f++) x[i * features + f] = i;
            y[i] = i % 3;
        }
        return new ArrayDataset(x, features, y, 3);
    }

    static List<int[]> labelsOf(DataLoader loader, long epoch) {
        List<int[]> out = new ArrayList<>();
        for (Batch b : loader.epoch(epoch)) {
            int[] ids = new int[b.size()];
            for (int i = 0; i < b.size(); i++) ids[i] = (int) b.x().get(i, 0);
            out.add(ids);
        }
        return out;
    }

    @Test
    @DisplayName("DataLoader: seeded shuffle (same seed same order, epochs differ), every example once, drop-last, one-hot targets")
    void loader() {
        ArrayDataset d = counting(10, 2);
        DataLoader a = new DataLoader(d, 4, true, false, new Rng(5), List.of());
        DataLoader b = new DataLoader(d, 4, true, false, new Rng(5), List.of());
        List<int[]> e0 = labelsOf(a, 0);
        assertEquals(3, e0.size());
        assertEquals(2, e0.get(2).length, "the short last batch is kept");
        for (int i = 0; i < 3; i++) assertArrayEquals(e0.get(i), labelsOf(b, 0).get(i), "same seed, same order");
        int[] all = e0.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, all);
        assertFalse(Arrays.equals(a.order(0), a.order(1)), "epochs are shuffled differently");
        DataLoader dl = new DataLoader(d, 4, true, true, new Rng(5), List.of());
        assertEquals(2, dl.batchesPerEpoch());
        assertEquals(2, labelsOf(dl, 0).size());
        Batch first = a.epoch(0).iterator().next();
        for (int i = 0; i < first.size(); i++) {
            assertEquals(1f, first.y().get(i, first.labels()[i]));
            assertEquals(1f, first.y().get(i, 0) + first.y().get(i, 1) + first.y().get(i, 2));
        }
    }

    @Test
    @DisplayName("splits 70/15/15 of 100 are disjoint and cover all; 5-fold validation parts partition the indices")
    void splits() {
        int[][] parts = Splits.split(100, new Rng(1), 0.7, 0.15, 0.15);
        assertEquals(70, parts[0].length);
        assertEquals(15, parts[1].length);
        assertEquals(15, parts[2].length);
        int[] all = Arrays.stream(parts).flatMapToInt(Arrays::stream).sorted().toArray();
        for (int i = 0; i < 100; i++) assertEquals(i, all[i]);
        var folds = Splits.kFold(23, 5, new Rng(2));
        int[] vals = folds.stream().flatMapToInt(f -> Arrays.stream(f.validation())).sorted().toArray();
        assertEquals(23, vals.length);
        for (int i = 0; i < 23; i++) assertEquals(i, vals[i]);
        for (var f : folds) {
            assertEquals(23, f.train().length + f.validation().length);
            assertTrue(Arrays.stream(f.train()).noneMatch(t -> Arrays.stream(f.validation()).anyMatch(v -> v == t)));
        }
    }

    @Test
    @DisplayName("early stopping, patience 2: accuracies 0.5, 0.6, 0.6, 0.59 stop at the 4th epoch; best epoch 1")
    void earlyStopping() {
        EarlyStopping es = new EarlyStopping(2, 1e-3, true);
        assertFalse(es.update(0.5));
        assertFalse(es.update(0.6));
        assertTrue(es.improved());
        assertFalse(es.update(0.6));
        assertTrue(es.update(0.59));
        assertEquals(1, es.bestEpoch());
        assertEquals(0.6, es.best());
    }

    @Test
    @DisplayName("transforms: normalize; augment with shift 1 only moves a pixel by at most one; noise is seeded")
    void transforms() {
        float[] x = {0.5f, 1f};
        Transform.normalize(0.5, 0.25).apply(x, 0, 2, new Rng(0));
        assertArrayEquals(new float[] {0f, 2f}, x);
        float[] img = new float[25];
        img[12] = 1f; // centre of 5x5
        new ImageAugment(5, 5, 1, 0, 0).apply(img, 0, 25, new Rng(3));
        int at = -1;
        for (int i = 0; i < 25; i++) if (img[i] == 1f) at = i;
        assertTrue(at >= 0 && Math.abs(at / 5 - 2) <= 1 && Math.abs(at % 5 - 2) <= 1, "moved to " + at);
        float[] n1 = new float[25], n2 = new float[25];
        new ImageAugment(5, 5, 2, 10, 0.1).apply(n1, 0, 25, new Rng(4));
        new ImageAugment(5, 5, 2, 10, 0.1).apply(n2, 0, 25, new Rng(4));
        assertArrayEquals(n1, n2);
    }

    @Test
    @DisplayName("IDX: reads a 2x2x3 ubyte file; a wrong length or type is a one-line error naming the file")
    void idx() throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4 + 12 + 12);
        buf.putInt(0x00000803).putInt(2).putInt(2).putInt(3);
        for (int i = 0; i < 12; i++) buf.put((byte) (200 + i));
        Path f = dir.resolve("x-idx3-ubyte");
        Files.write(f, buf.array());
        IdxReader.Idx idx = IdxReader.read(f);
        assertArrayEquals(new int[] {2, 2, 3}, idx.dims());
        assertEquals(6, idx.itemSize());
        assertEquals(211, idx.data()[11] & 0xff);
        Files.write(f, Arrays.copyOf(buf.array(), 20));
        UserError e = assertThrows(UserError.class, () -> IdxReader.read(f));
        assertTrue(e.getMessage().startsWith(f + ": IDX header says 12 elements"), e.getMessage());
    }

    @Test
    @DisplayName("MNIST missing: the error names the folder, the missing file and the exact fetch command")
    void mnistMissing() {
        Path empty = dir.resolve("no-mnist");
        UserError e = assertThrows(UserError.class, () -> Mnist.load(empty));
        assertTrue(e.getMessage().contains(empty.resolve("train-images-idx3-ubyte").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("scripts/fetch-mnist.sh " + empty), e.getMessage());
    }
}
