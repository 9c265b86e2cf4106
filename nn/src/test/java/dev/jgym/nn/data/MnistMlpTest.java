package dev.jgym.nn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.nn.ActivationKind;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Init;
import dev.jgym.nn.Param;
import dev.jgym.nn.Training;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.nn.layers.Activation;
import dev.jgym.nn.layers.Dense;
import dev.jgym.nn.layers.Dropout;
import dev.jgym.nn.layers.Sequential;
import dev.jgym.nn.optim.Adam;
import dev.jgym.nn.optim.LrSchedule;
import dev.jgym.nn.optim.Optimizer;
import dev.jgym.core.rng.Rng;
import dev.jgym.nn.testing.TestData;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** An MLP on MNIST: reproducible to the bit across thread counts, and accurate (learning profile). */
class MnistMlpTest {
    static final List<Transform> NORMALIZE = List.of(Transform.normalize(Mnist.MEAN, Mnist.STD));

    /** 784-256-128-10, ReLU, dropout 0.2, He-normal weights, zero biases. */
    static Sequential mlp(Backend be, Rng rng) {
        Init he = Init.heNormal(), zero = Init.constant(0);
        return Sequential.of(
                new Dense(be, 784, 256, he, zero, rng), new Activation(be, ActivationKind.RELU), new Dropout(be, 0.2, rng.child("drop1")),
                new Dense(be, 256, 128, he, zero, rng), new Activation(be, ActivationKind.RELU), new Dropout(be, 0.2, rng.child("drop2")),
                new Dense(be, 128, 10, he, zero, rng));
    }

    static float[] train(Dataset train, int threads, int epochs, int batch, List<Training.Stats> log) {
        try (CpuBackend be = new CpuBackend(threads)) {
            Rng root = new Rng(2024);
            Sequential net = mlp(be, root.child("init"));
            DataLoader loader = new DataLoader(train, batch, true, false, root.child("data"), NORMALIZE);
            Optimizer adam = new Adam(net.trainable(), 1e-3).schedule(LrSchedule.cosine((long) epochs * loader.batchesPerEpoch(), 0.02));
            for (int e = 0; e < epochs; e++) log.add(Training.trainEpoch(net, be, adam, loader, e, 0, n -> { }));
            int size = 0;
            for (Param p : net.params()) size += p.value().size();
            float[] all = new float[size];
            int at = 0;
            for (Param p : net.params()) {
                System.arraycopy(p.value().data(), 0, all, at, p.value().size());
                at += p.value().size();
            }
            return all;
        }
    }

    @Test
    @DisplayName("a short MNIST run (3000 examples, 2 epochs, dropout on) ends with bit-identical weights on 1 and 2 threads")
    void bitIdenticalAcrossThreads() {
        Mnist.Sets sets = Mnist.load(TestData.mnist());
        int[] first = new int[3000];
        for (int i = 0; i < first.length; i++) first[i] = i;
        Dataset small = sets.train().subset(first);
        List<Training.Stats> a = new java.util.ArrayList<>(), b = new java.util.ArrayList<>();
        float[] one = train(small, 1, 2, 100, a), two = train(small, 2, 2, 100, b);
        assertEquals(one.length, two.length);
        for (int i = 0; i < one.length; i++) {
            if (Float.floatToRawIntBits(one[i]) != Float.floatToRawIntBits(two[i])) {
                throw new AssertionError("weight " + i + " differs: " + one[i] + " (1 thread) vs " + two[i] + " (2 threads)");
            }
        }
        assertEquals(a.get(1).loss(), b.get(1).loss(), 0.0);
        assertTrue(a.get(1).accuracy() > 0.75, "it learned something (training accuracy of epoch 2, dropout on): " + a.get(1));
    }

    @Test
    @Tag("learning")
    @DisplayName("MNIST: 784-256-128-10 ReLU MLP, Adam 1e-3 with cosine decay, batch 128, 12 epochs: test accuracy >= 98.0% (seen: 98.40%)")
    void mlpReaches98Percent() {
        Mnist.Sets sets = Mnist.load(TestData.mnist());
        try (CpuBackend be = new CpuBackend()) {
            Rng root = new Rng(2024);
            Sequential net = mlp(be, root.child("init"));
            int epochs = 12;
            DataLoader loader = new DataLoader(sets.train(), 128, true, false, root.child("data"), NORMALIZE);
            Optimizer adam = new Adam(net.trainable(), 1e-3).schedule(LrSchedule.cosine((long) epochs * loader.batchesPerEpoch(), 0.02));
            Training.Stats test = null;
            for (int e = 0; e < epochs; e++) {
                long t0 = System.nanoTime();
                Training.Stats tr = Training.trainEpoch(net, be, adam, loader, e, 0, n -> { });
                test = Training.evaluate(net, be, sets.test(), 1000, NORMALIZE);
                System.out.printf("epoch %d: train loss %.4f acc %.4f, test acc %.4f (%.1f s)%n", e + 1, tr.loss(), tr.accuracy(), test.accuracy(),
                        (System.nanoTime() - t0) / 1e9);
            }
            assertTrue(test.accuracy() >= 0.98, "test accuracy " + test.accuracy());
        }
    }
}
