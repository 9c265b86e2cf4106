package dev.jgym.nn;

import dev.jgym.nn.data.Batch;
import dev.jgym.nn.data.DataLoader;
import dev.jgym.nn.data.Dataset;
import dev.jgym.nn.data.Transform;
import dev.jgym.nn.layers.Sequential;
import dev.jgym.nn.loss.SoftmaxCrossEntropy;
import dev.jgym.nn.optim.GradClip;
import dev.jgym.nn.optim.Optimizer;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The supervised loop for classifiers, in the order every textbook writes it: for each batch,
 * clear gradients, forward, loss, backward, (clip), step. Loss is softmax cross-entropy on the
 * model's logits.
 */
public final class Training {
    private Training() {}

    /** Mean loss and accuracy over the examples of an epoch or an evaluation. */
    public record Stats(double loss, double accuracy, int examples) {}

    /**
     * One epoch of minibatch training. {@code clipNorm <= 0} turns clipping off;
     * {@code progress} receives the examples done after each batch.
     */
    public static Stats trainEpoch(Sequential model, Backend backend, Optimizer optimizer, DataLoader loader, long epoch,
                                   double clipNorm, IntConsumer progress) {
        model.train(true);
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(backend);
        double lossSum = 0;
        long correct = 0;
        int seen = 0;
        for (Batch b : loader.epoch(epoch)) {
            optimizer.zeroGrad();
            Tensor logits = model.forward(b.x());
            lossSum += loss.forward(logits, b.y()) * b.size();
            correct += countCorrect(backend.argmaxRows(logits), b.labels());
            model.backward(loss.backward(), false);
            if (clipNorm > 0) GradClip.byGlobalNorm(backend, model.trainable(), clipNorm);
            optimizer.step();
            seen += b.size();
            progress.accept(b.size());
        }
        return new Stats(seen == 0 ? 0 : lossSum / seen, seen == 0 ? 0 : correct / (double) seen, seen);
    }

    /** Loss and accuracy in eval mode, in batches of batchSize, in order. */
    public static Stats evaluate(Sequential model, Backend backend, Dataset data, int batchSize, List<Transform> transforms) {
        boolean wasTraining = model.isTraining();
        model.train(false);
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(backend);
        double lossSum = 0;
        long correct = 0;
        for (Batch b : DataLoader.sequential(data, batchSize, transforms).epoch(0)) {
            Tensor logits = model.forward(b.x());
            lossSum += loss.forward(logits, b.y()) * b.size();
            correct += countCorrect(backend.argmaxRows(logits), b.labels());
        }
        model.train(wasTraining);
        int n = data.size();
        return new Stats(n == 0 ? 0 : lossSum / n, n == 0 ? 0 : correct / (double) n, n);
    }

    private static int countCorrect(int[] predicted, int[] labels) {
        int c = 0;
        for (int i = 0; i < labels.length; i++) if (predicted[i] == labels[i]) c++;
        return c;
    }
}
