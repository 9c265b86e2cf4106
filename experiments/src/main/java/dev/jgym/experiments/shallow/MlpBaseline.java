package dev.jgym.experiments.shallow;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.jgym.core.config.Check;
import dev.jgym.nn.data.DataLoader;
import dev.jgym.nn.Init;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.Training;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.nn.layers.Layers;
import dev.jgym.nn.layers.Sequential;
import dev.jgym.nn.optim.Adam;
import dev.jgym.core.rng.Rng;
import java.util.List;

/**
 * The comparison's deep-learning side: a ReLU MLP from the NN core (softmax cross-entropy, Adam
 * with L2 weight decay), trained on the same few-shot images. Scores are the softmax
 * probabilities. Weights from {@code rng.child("init")}, batch order from {@code rng.child("data")}.
 */
public final class MlpBaseline {

    /**
     * @param hidden hidden layer widths (default [128])
     * @param epochs passes over the training images (default 100)
     * @param batchSize examples per step (default 10)
     * @param lr Adam's learning rate (default 0.001)
     * @param weightDecay L2 on all weights (default 0.0001)
     */
    public record Settings(List<Integer> hidden, Integer epochs, @JsonProperty("batch_size") Integer batchSize, Double lr,
                           @JsonProperty("weight_decay") Double weightDecay) {
        public Settings {
            if (hidden == null) hidden = List.of(128);
            if (epochs == null) epochs = 100;
            if (batchSize == null) batchSize = 10;
            if (lr == null) lr = 0.001;
            if (weightDecay == null) weightDecay = 1e-4;
            for (Integer h : hidden) Check.that(h != null && h > 0, "hidden", "expected positive integers, found " + hidden);
            Check.positive("epochs", epochs);
            Check.positive("batch_size", batchSize);
            Check.positive("lr", lr);
            Check.nonNegative("weight_decay", weightDecay);
        }
    }

    private final Settings settings;

    public MlpBaseline(Settings settings) {
        this.settings = settings;
    }

    public Classifier train(Examples data, Rng rng, int threads) {
        ArrayNode layers = JsonNodeFactory.instance.arrayNode();
        for (int h : settings.hidden()) {
            layers.addObject().put("type", "dense").put("out", h);
            layers.addObject().put("type", "relu");
        }
        layers.addObject().put("type", "dense").put("out", data.classes());
        CpuBackend be = new CpuBackend(threads);
        Sequential net = Layers.sequential(layers, data.d(), be, new Layers.Inits(Init.parse("he_normal"), Init.parse("zeros"), rng.child("init")),
                "mlp", "$.layers");
        Adam opt = new Adam(net.trainable(), settings.lr(), 0.9, 0.999, 1e-8, settings.weightDecay(), false);
        DataLoader loader = new DataLoader(FewShot.dataset(data), settings.batchSize(), true, false, rng.child("data"), List.of());
        for (int e = 0; e < settings.epochs(); e++) Training.trainEpoch(net, be, opt, loader, e, 0, n -> { });
        net.train(false);
        return (x, n) -> {
            float[] logits = net.forward(Tensor.of(x.clone(), n, data.d())).data();
            int k = data.classes();
            double[][] out = new double[n][k];
            for (int i = 0; i < n; i++) for (int c = 0; c < k; c++) out[i][c] = logits[i * k + c];
            return Scores.softmax(out);
        };
    }
}
